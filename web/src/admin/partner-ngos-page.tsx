import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface PartnerNgo {
  id: string;
  name: string;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Partner NGOs on whose behalf grants are paid: add one, retire it or bring it back. */
export function PartnerNgosPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: PartnerNgo[] }>('/partner-ngos');
  const [name, setName] = useState('');
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/partner-ngos', { name });
      setName('');
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function toggle(ngo: PartnerNgo) {
    setActionError(undefined);
    try {
      await apiPatch(`/partner-ngos/${ngo.id}`, { active: !ngo.active });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  return (
    <section aria-labelledby="ngos-heading">
      <h2 id="ngos-heading">{t('partnerNgos.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <ul>
        {data?.items.map((ngo) => (
          <li key={ngo.id} data-testid="partner-ngo">
            <strong>{ngo.name}</strong>
            {!ngo.active && ` · ${t('partnerNgos.retired')}`}{' '}
            <button type="button" onClick={() => toggle(ngo)}>
              {ngo.active ? t('partnerNgos.retire') : t('partnerNgos.reactivate')}
              <span className="visually-hidden">{`: ${ngo.name}`}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="new-ngo-heading">
        <h3 id="new-ngo-heading">{t('partnerNgos.add')}</h3>
        <div className="field">
          <label htmlFor="ngo-name">{t('partnerNgos.name')}</label>
          <input id="ngo-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit">{t('partnerNgos.save')}</button>
      </form>
    </section>
  );
}
