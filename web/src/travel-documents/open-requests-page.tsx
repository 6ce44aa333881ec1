import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../api/use-api.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { type Embassy, embassyName, type TravelDocumentRequest } from './types.js';

interface Group {
  embassy: Embassy;
  overdue: number;
  requests: TravelDocumentRequest[];
}

/** The diplomatic liaison's worklist: requests awaiting an embassy's answer, grouped by embassy. */
export function OpenRequestsPage() {
  const { t, i18n } = useTranslation();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { data, error, loading } = useApi<{ groups: Group[] }>(
    `/travel-document-requests/open${overdueOnly ? '?overdueOnly=true' : ''}`,
  );
  const groups = data?.groups ?? [];
  return (
    <section aria-labelledby="open-requests-heading">
      <h1 id="open-requests-heading">{t('travelRequests.pageTitle')}</h1>
      <p className="muted">{t('travelRequests.pageIntro')}</p>
      <div className="checkbox">
        <input
          id="open-requests-overdue"
          type="checkbox"
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.target.checked)}
        />
        <label htmlFor="open-requests-overdue">{t('travelRequests.overdueOnly')}</label>
      </div>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && groups.length === 0 && <p>{t('travelRequests.noneOpen')}</p>}
      {groups.map((group) => {
        const headingId = `embassy-${group.embassy.id}`;
        return (
          <section key={group.embassy.id} className="panel" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {embassyName(group.embassy, t)}{' '}
              <span className="muted">
                {t('travelRequests.groupCounts', { open: group.requests.length, overdue: group.overdue })}
              </span>
            </h2>
            <p className="muted">
              {[group.embassy.address, group.embassy.phone, group.embassy.email].filter(Boolean).join(' · ')}
              {' · '}
              {t('travelRequests.reminderAfter', { days: group.embassy.effectiveReminderDays })}
            </p>
            <table>
              <caption className="visually-hidden">{embassyName(group.embassy, t)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('travelRequests.case')}</th>
                  <th scope="col">{t('travelRequests.person')}</th>
                  <th scope="col">{t('travelRequests.status')}</th>
                  <th scope="col">{t('travelRequests.requestedOn')}</th>
                  <th scope="col">{t('travelRequests.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {group.requests.map((request) => (
                  <tr key={request.id}>
                    <td>
                      <Link to={`/cases/${request.caseId}`}>{request.caseReference}</Link>
                    </td>
                    <td>
                      {request.person.givenName} {request.person.familyName}
                    </td>
                    <td>
                      {t(`travelRequests.statuses.${request.status}`)}
                      {request.interviewOn && ` (${formatDate(request.interviewOn, i18n.language)})`}
                    </td>
                    <td>{formatDate(request.requestedOn, i18n.language)}</td>
                    <td>
                      {request.overdue ? (
                        <strong>{t('travelRequests.overdue', { days: request.daysWaiting })}</strong>
                      ) : (
                        t('travelRequests.daysWaiting', { days: request.daysWaiting })
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}
