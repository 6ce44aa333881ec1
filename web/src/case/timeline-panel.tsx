import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { pickLocalized } from '../i18n/localized.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

/** What happened on the case, newest first. */
export function TimelinePanel({ caseId, refreshKey }: { caseId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi<{ items: TimelineEntry[] }>(
    `/cases/${caseId}/timeline`,
    refreshKey,
  );
  const entries = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && entries.length === 0 && <p className="muted">{t('timeline.none')}</p>}
      <ol className="timeline" data-testid="timeline" aria-busy={loading}>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="timeline-entry" data-kind={entry.kind}>
            <p className="timeline-summary">{pickLocalized(entry.summary, i18n.language)}</p>
            <p className="meta">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>
              {' · '}
              {entry.actor?.displayName ?? t('timeline.system')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
