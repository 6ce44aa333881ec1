import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface ReferralSource {
  code: string;
  labelEn: string;
  labelNl: string;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Where referrals come from: add a source with its English and Dutch label, retire or bring it back. */
export function ReferralSourcesPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: ReferralSource[] }>('/referral-sources');
  const [form, setForm] = useState({ code: '', labelEn: '', labelNl: '' });
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/referral-sources', form);
      setForm({ code: '', labelEn: '', labelNl: '' });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function toggle(source: ReferralSource) {
    setActionError(undefined);
    try {
      await apiPatch(`/referral-sources/${source.code}`, { active: !source.active });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const input = (id: keyof typeof form, label: string) => (
    <div className="field">
      <label htmlFor={`source-${id}`}>{label}</label>
      <input
        id={`source-${id}`}
        required
        value={form[id]}
        onChange={(e) => setForm({ ...form, [id]: e.target.value })}
      />
    </div>
  );

  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('referralSources.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <ul>
        {data?.items.map((source) => (
          <li key={source.code} data-testid="referral-source">
            <strong>{source.labelEn}</strong> · {source.labelNl} · <code>{source.code}</code>
            {!source.active && ` · ${t('referralSources.retired')}`}{' '}
            <button type="button" onClick={() => toggle(source)}>
              {source.active ? t('referralSources.retire') : t('referralSources.reactivate')}
              <span className="visually-hidden">{`: ${source.labelEn}`}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="new-source-heading">
        <h3 id="new-source-heading">{t('referralSources.add')}</h3>
        {input('code', t('referralSources.code'))}
        {input('labelEn', t('referralSources.labelEn'))}
        {input('labelNl', t('referralSources.labelNl'))}
        <button type="submit">{t('referralSources.save')}</button>
      </form>
    </section>
  );
}
