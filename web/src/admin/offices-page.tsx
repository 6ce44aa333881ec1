import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

export const OFFICE_KINDS = [
  'mission_office',
  'reception_centre',
  'detention_centre',
  'airport_desk',
  'origin_office',
] as const;

interface Office {
  id: string;
  name: string;
  kind: string;
  country: string;
  city: string | null;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** The mission's offices: open one, close or reopen it. */
export function OfficesPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Office[] }>('/offices?includeInactive=true');
  const [form, setForm] = useState({ name: '', kind: 'mission_office', country: '', city: '' });
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/offices', { ...form, country: form.country.toUpperCase(), city: form.city || null });
      setForm({ ...form, name: '', city: '' });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function toggle(office: Office) {
    setActionError(undefined);
    try {
      await apiPatch(`/offices/${office.id}`, { active: !office.active });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  return (
    <section aria-labelledby="offices-heading">
      <h2 id="offices-heading">{t('offices.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <ul>
        {data?.items.map((office) => (
          <li key={office.id} data-testid="office">
            <strong>{office.name}</strong> · {t(`offices.kinds.${office.kind}`)} ·{' '}
            {office.city ? `${office.city}, ` : ''}
            {office.country}
            {!office.active && ` · ${t('offices.closed')}`}{' '}
            <button type="button" onClick={() => toggle(office)}>
              {office.active ? t('offices.close') : t('offices.reopen')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="new-office-heading">
        <h3 id="new-office-heading">{t('offices.add')}</h3>
        <div className="field">
          <label htmlFor="office-name">{t('offices.name')}</label>
          <input
            id="office-name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <OfficeKindField
          id="office-kind"
          label={t('offices.kind')}
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind })}
        />
        <div className="field">
          <label htmlFor="office-country">{t('offices.country')}</label>
          <input
            id="office-country"
            required
            maxLength={2}
            value={form.country}
            onChange={(e) => setForm({ ...form, country: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="office-city">{t('offices.city')}</label>
          <input
            id="office-city"
            value={form.city}
            onChange={(e) => setForm({ ...form, city: e.target.value })}
          />
        </div>
        <button type="submit">{t('offices.save')}</button>
      </form>
    </section>
  );
}

/** The choice of an office's kind, each kind named in the user's language. */
export function OfficeKindField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (kind: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {OFFICE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`offices.kinds.${kind}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
