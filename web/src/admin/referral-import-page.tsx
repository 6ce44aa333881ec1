import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { Partner, ReferralImport } from './admin-types.js';
import { ImportJobView, usePollImport } from './import-job.js';

const referralImportPath = (id: string) => `/referral-imports/${id}`;

/** Upload a CSV of referrals, watch its progress, and read the report of the rows that were refused. */
export function ReferralImportPage() {
  const { t } = useTranslation();
  const partners = useApi<{ items: Partner[] }>('/partners');
  const [partnerId, setPartnerId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ReferralImport | null>(null);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);

  usePollImport(job, referralImportPath, setJob, setFailure);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setFailure(undefined);
    const form = new FormData();
    form.append('partnerId', partnerId);
    form.append('file', file);
    try {
      setJob(await apiPost<ReferralImport>('/referral-imports', form));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    }
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('referralImport.title')}</h2>
      <p className="muted">{t('referralImport.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="import-partner">{t('referralImport.partner')}</label>
          <select
            id="import-partner"
            required
            value={partnerId}
            onChange={(e) => setPartnerId(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {partners.data?.items
              .filter((p) => p.active)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('referralImport.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!file || !partnerId || job?.status === 'running'}>
          {t('referralImport.start')}
        </button>
      </form>
      <ErrorMessage error={failure ?? partners.error} />
      {job && <ImportJobView job={job} labels="referralImport" />}
    </section>
  );
}
