import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet } from '../api/client.js';

const POLL_MS = 700;

/** What the referral and history imports report: progress, counts and the rows refused. */
export interface ImportJob {
  id: string;
  status: 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  created: number;
  existing: number;
  rejected: number;
  report: { row: number; field: string; message: string }[];
}

/** Asks again for a running import every moment, until it has finished. */
export function usePollImport<T extends ImportJob>(
  job: T | null,
  path: (id: string) => string,
  setJob: (job: T) => void,
  setFailure: (error: ApiError | undefined) => void,
): void {
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => {
      apiGet<T>(path(job.id))
        .then(setJob)
        .catch((caught: unknown) => setFailure(caught instanceof ApiError ? caught : undefined));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, path, setJob, setFailure]);
}

/**
 * An import's state as people read it: a live status line and progress bar, the counts, and a
 * table of the rows that were (or, for a dry run, would be) refused and why. `labels` names the
 * translation keys of the import it shows (the status, progress, counts and report texts).
 */
export function ImportJobView({ job, labels, status }: { job: ImportJob; labels: string; status?: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-job">
      <p role="status" aria-live="polite">
        {status ?? t(`${labels}.status.${job.status}`)} —{' '}
        {t(`${labels}.progress`, { processed: job.processed, total: job.total })}
      </p>
      <progress
        max={Math.max(job.total, 1)}
        value={job.processed}
        aria-label={t(`${labels}.progressLabel`)}
      />
      <p>
        {t(`${labels}.counts`, {
          created: job.created,
          existing: job.existing,
          rejected: job.rejected,
        })}
      </p>
      {job.report.length > 0 && (
        <table>
          <caption>{t(`${labels}.report`)}</caption>
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
  );
}
