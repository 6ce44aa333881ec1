import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface Embassy {
  id: string;
  country: string;
  kind: string;
  city: string;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** The embassy and consulate directory: add one, deactivate or reactivate it. */
export function EmbassiesPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Embassy[] }>('/embassies?includeInactive=true');
  const [form, setForm] = useState({ country: '', kind: 'embassy', city: '' });
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/embassies', { ...form, country: form.country.toUpperCase() });
      setForm({ ...form, country: '', city: '' });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function toggle(embassy: Embassy) {
    setActionError(undefined);
    try {
      await apiPatch(`/embassies/${embassy.id}`, { active: !embassy.active });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  return (
    <section aria-labelledby="embassies-heading">
      <h2 id="embassies-heading">{t('embassies.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <ul>
        {data?.items.map((embassy) => (
          <li key={embassy.id} data-testid="embassy">
            <strong>{embassy.country}</strong> · {t(`embassies.kinds.${embassy.kind}`)} · {embassy.city}
            {!embassy.active && ` · ${t('embassies.inactive')}`}{' '}
            <button type="button" onClick={() => toggle(embassy)}>
              {embassy.active ? t('embassies.deactivate') : t('embassies.reactivate')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="new-embassy-heading">
        <h3 id="new-embassy-heading">{t('embassies.add')}</h3>
        <div className="field">
          <label htmlFor="embassy-country">{t('embassies.country')}</label>
          <input
            id="embassy-country"
            required
            maxLength={2}
            value={form.country}
            onChange={(e) => setForm({ ...form, country: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="embassy-kind">{t('embassies.kind')}</label>
          <select
            id="embassy-kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value })}
          >
            <option value="embassy">{t('embassies.kinds.embassy')}</option>
            <option value="consulate">{t('embassies.kinds.consulate')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="embassy-city">{t('embassies.city')}</label>
          <input
            id="embassy-city"
            required
            value={form.city}
            onChange={(e) => setForm({ ...form, city: e.target.value })}
          />
        </div>
        <button type="submit">{t('embassies.save')}</button>
      </form>
    </section>
  );
}
