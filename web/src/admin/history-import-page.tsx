import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { type ImportJob, ImportJobView, usePollImport } from './import-job.js';

interface HistoryImport extends ImportJob {
  filename: string;
  dryRun: boolean;
  createdAt: string;
  finishedAt: string | null;
}

const historyImportPath = (id: string) => `/imports/${id}`;

/**
 * Bring past years in from another system: check a CSV or XLSX file first (a dry run reports every
 * problem and what would be created), then import it and watch its progress. Importing the same
 * file again creates nothing: cases are matched on the other system's case_id.
 */
export function HistoryImportPage() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<HistoryImport | null>(null);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const latest = useApi<{ items: HistoryImport[] }>(job?.status === 'running' ? null : '/imports');

  usePollImport(job, historyImportPath, setJob, setFailure);

  async function send(dryRun: boolean) {
    if (!file) return;
    setFailure(undefined);
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('file', file);
    try {
      setJob(await apiPost<HistoryImport>('/imports', form));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(true);
  }

  const running = job?.status === 'running';
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyImport.title')}</h2>
      <p className="muted">{t('historyImport.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="history-file">{t('historyImport.file')}</label>
          <input
            id="history-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setJob(null);
            }}
          />
        </div>
        <button type="submit" disabled={!file || running}>
          {t('historyImport.check')}
        </button>{' '}
        <button
          type="button"
          disabled={!file || running || !job?.dryRun || job.status !== 'completed'}
          onClick={() => void send(false)}
        >
          {t('historyImport.start')}
        </button>
      </form>
      <ErrorMessage error={failure} />
      {job && (
        <ImportJobView
          job={job}
          labels="historyImport"
          status={job.dryRun ? t('historyImport.checked') : undefined}
        />
      )}
      {latest.data && latest.data.items.length > 0 && (
        <table>
          <caption>{t('historyImport.latest')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('historyImport.when')}</th>
              <th scope="col">{t('historyImport.fileColumn')}</th>
              <th scope="col">{t('historyImport.kind')}</th>
              <th scope="col">{t('historyImport.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {latest.data.items.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt, i18n.language)}</td>
                <td>{item.filename}</td>
                <td>{t(item.dryRun ? 'historyImport.dryRun' : 'historyImport.import')}</td>
                <td>
                  {t(`historyImport.status.${item.status}`)}:{' '}
                  {t('historyImport.counts', {
                    created: item.created,
                    existing: item.existing,
                    rejected: item.rejected,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
