import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useOffices, useReferralSources } from '../api/reference-data.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { Partner } from './admin-types.js';
import { PartnerAccess } from './partner-access.js';

const KINDS = ['reception_agency', 'return_service', 'ngo', 'government', 'other'] as const;

interface PartnerList {
  items: Partner[];
  webhookEvents: string[];
  apiKeyScopes: string[];
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Partner organisations; administrators add them and manage their API keys and webhooks. */
export function PartnersPage({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<PartnerList>('/partners');
  const { offices } = useOffices();
  const { sources } = useReferralSources();
  const [form, setForm] = useState({
    name: '',
    kind: 'reception_agency',
    referralSource: '',
    defaultOfficeId: '',
  });
  const [saveError, setSaveError] = useState<ApiError | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(undefined);
    try {
      await apiPost('/partners', form);
      setForm({ ...form, name: '' });
      reload();
    } catch (caught) {
      setSaveError(asApiError(caught));
    }
  }

  const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;
  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading">{t('partners.title')}</h2>
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('partners.none')}</p>}
      <ul className="partner-list">
        {data?.items.map((partner) => (
          <li key={partner.id} data-testid="partner">
            <p>
              <strong>{partner.name}</strong> · {t(`partners.kinds.${partner.kind}`)} ·{' '}
              {officeName(partner.defaultOfficeId)}
              {!partner.active && ` · ${t('partners.inactive')}`}
            </p>
            {canManage && (
              <button
                type="button"
                aria-expanded={open === partner.id}
                onClick={() => setOpen(open === partner.id ? null : partner.id)}
              >
                {t('partners.access')}
              </button>
            )}
            {canManage && open === partner.id && data && (
              <PartnerAccess partner={partner} events={data.webhookEvents} scopes={data.apiKeyScopes} />
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form onSubmit={submit} aria-labelledby="new-partner-heading">
          <h3 id="new-partner-heading">{t('partners.add')}</h3>
          <div className="field">
            <label htmlFor="partner-name">{t('partners.name')}</label>
            <input
              id="partner-name"
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="partner-kind">{t('partners.kind')}</label>
            <select
              id="partner-kind"
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value })}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`partners.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="partner-source">{t('partners.referralSource')}</label>
            <select
              id="partner-source"
              required
              value={form.referralSource}
              onChange={(e) => setForm({ ...form, referralSource: e.target.value })}
            >
              <option value="">{t('common.choose')}</option>
              {sources.map((source) => (
                <option key={source.code} value={source.code}>
                  {source.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="partner-office">{t('partners.defaultOffice')}</label>
            <select
              id="partner-office"
              required
              value={form.defaultOfficeId}
              onChange={(e) => setForm({ ...form, defaultOfficeId: e.target.value })}
            >
              <option value="">{t('common.choose')}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('partners.save')}</button>
          <ErrorMessage error={saveError} />
        </form>
      )}
    </section>
  );
}
