import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.js';
import { pickLocalized } from '../i18n/localized.js';
import { formatDateTime } from '../ui/format.js';

/** What happened on the case, newest first. */
export function TimelinePanel({
  entries,
  loading,
}: {
  /** The timeline as loaded with the case by the case page (`include=timeline`). */
  entries: TimelineEntry[];
  /** The case page is reloading it. */
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {entries.length === 0 && <p className="muted">{t('timeline.none')}</p>}
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
