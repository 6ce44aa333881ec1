import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { Partner, ReferralImport } from './admin-types.js';

const POLL_MS = 700;

/** Upload a CSV of referrals, watch its progress, and read the report of the rows that were refused. */
export function ReferralImportPage() {
  const { t } = useTranslation();
  const partners = useApi<{ items: Partner[] }>('/partners');
  const [partnerId, setPartnerId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ReferralImport | null>(null);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => {
      apiGet<ReferralImport>(`/referral-imports/${job.id}`)
        .then(setJob)
        .catch((caught: unknown) => setFailure(caught instanceof ApiError ? caught : undefined));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

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
      {job && (
        <div data-testid="import-job">
          <p role="status" aria-live="polite">
            {t(`referralImport.status.${job.status}`)} —{' '}
            {t('referralImport.progress', { processed: job.processed, total: job.total })}
          </p>
          <progress
            max={Math.max(job.total, 1)}
            value={job.processed}
            aria-label={t('referralImport.progressLabel')}
          />
          <p>
            {t('referralImport.counts', {
              created: job.created,
              existing: job.existing,
              rejected: job.rejected,
            })}
          </p>
          {job.report.length > 0 && (
            <table>
              <caption>{t('referralImport.report')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referralImport.row')}</th>
                  <th scope="col">{t('referralImport.field')}</th>
                  <th scope="col">{t('referralImport.message')}</th>
                </tr>
              </thead>
              <tbody>
                {job.report.map((problem) => (
                  <tr key={`${problem.row}-${problem.field}-${problem.message}`}>
                    <td>{problem.row}</td>
                    <td>{problem.field}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
