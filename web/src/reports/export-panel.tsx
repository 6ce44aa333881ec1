import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, apiPost } from '../api/client.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { ExportFormat, ReportExportJob, ReportSummary } from './report-types.js';

const POLL_MS = 1000;

/** Buttons that start an export job per format, its progress while it runs, and the file when done. */
export function ExportPanel({ report, query }: { report: ReportSummary; query: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [jobs, setJobs] = useState<ReportExportJob[]>([]);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const running = jobs.some((job) => job.status === 'queued' || job.status === 'running');

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      void Promise.all(
        jobs.map((job) =>
          job.status === 'queued' || job.status === 'running'
            ? apiGet<{ export: ReportExportJob }>(`/reports/exports/${job.id}`).then((r) => r.export)
            : Promise.resolve(job),
        ),
      )
        .then(setJobs)
        .catch((caught: unknown) => setError(caught instanceof ApiError ? caught : undefined));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [jobs, running]);

  async function start(format: ExportFormat) {
    setError(undefined);
    try {
      const body = { format, language: i18n.language === 'nl' ? 'nl' : 'en', ...query };
      const result = await apiPost<{ export: ReportExportJob }>(`/reports/${report.name}/exports`, body);
      setJobs((current) => [result.export, ...current]);
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught);
    }
  }

  return (
    <section aria-labelledby="report-export">
      <h2 id="report-export">{t('reports.export')}</h2>
      <div style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
        {report.formats.map((format) => (
          <button key={format} type="button" onClick={() => void start(format)}>
            {t('reports.exportAs', { format: t(`reports.formats.${format}`) })}
          </button>
        ))}
      </div>
      {error && <ErrorMessage error={error} />}
      <ul aria-live="polite" style={{ listStyle: 'none', padding: 0 }}>
        {jobs.map((job) => {
          const format = t(`reports.formats.${job.format}`);
          return (
            <li key={job.id} style={{ margin: '.5rem 0' }}>
              {job.status === 'done' && job.fileUrl ? (
                <a href={job.fileUrl} download={job.filename ?? undefined}>
                  {t('reports.exportDone', { filename: job.filename })}
                </a>
              ) : job.status === 'failed' ? (
                <span role="alert">{t('reports.exportFailed', { error: job.error })}</span>
              ) : (
                <>
                  <span>
                    {job.total === null
                      ? t('reports.exportQueued', { format })
                      : t('reports.exportRunning', { format, processed: job.processed, total: job.total })}
                  </span>{' '}
                  <progress
                    aria-label={t('reports.progress')}
                    max={job.total ?? 1}
                    value={job.total === null ? undefined : job.processed}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
