import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, apiPost } from '../api/client.js';
import type { AccessLogEntry } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

/** Who read which restricted data, and the managers' break-glass accesses waiting for review. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const [onlyReview, setOnlyReview] = useState(false);
  const { data, error, loading, reload } = useApi<{ items: AccessLogEntry[] }>(
    `/access-log?limit=200${onlyReview ? '&needsReview=true' : ''}`,
  );
  const [reviewError, setReviewError] = useState<ApiError | undefined>(undefined);

  async function review(id: string) {
    setReviewError(undefined);
    try {
      await apiPost(`/access-log/${id}/review`, {});
      reload();
    } catch (caught) {
      setReviewError(
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }),
      );
    }
  }

  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('accessLog.title')}</h2>
      <p className="muted">{t('accessLog.intro')}</p>
      <label>
        <input type="checkbox" checked={onlyReview} onChange={(e) => setOnlyReview(e.target.checked)} />{' '}
        {t('accessLog.onlyReview')}
      </label>
      <ErrorMessage error={error ?? reviewError} />
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('accessLog.none')}</p>}
      {data && data.items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('accessLog.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.when')}</th>
              <th scope="col">{t('accessLog.who')}</th>
              <th scope="col">{t('accessLog.case')}</th>
              <th scope="col">{t('accessLog.what')}</th>
              <th scope="col">{t('accessLog.review')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((entry) => (
              <tr key={entry.id} data-testid="access-entry">
                <td>{formatDateTime(entry.at, i18n.language)}</td>
                <td>{entry.user?.displayName ?? '—'}</td>
                <td>
                  {entry.recordType === 'case' ? (
                    <Link to={`/cases/${entry.caseId}`}>{entry.caseReference ?? entry.caseId}</Link>
                  ) : (
                    `${t('accessLog.person')} ${entry.caseId}`
                  )}
                </td>
                <td>
                  {entry.what}
                  {entry.categories.length > 0 && ` (${entry.categories.join(', ')})`}
                  {entry.breakGlass && <strong> · {t('accessLog.breakGlass')}</strong>}
                  {entry.reason && <div dir="auto">{entry.reason}</div>}
                </td>
                <td>
                  {entry.needsReview && (
                    <button type="button" onClick={() => review(entry.id)}>
                      {t('accessLog.markReviewed')}
                    </button>
                  )}
                  {entry.reviewedAt &&
                    `${entry.reviewedBy?.displayName ?? ''} · ${formatDateTime(entry.reviewedAt, i18n.language)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
