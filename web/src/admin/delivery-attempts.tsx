import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format.js';
import type { OutboxMessage } from './admin-types.js';

/** A message's attempts so far and, when it is waiting, when the next one is due. */
export function DeliveryAttempts({ message }: { message: OutboxMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <details>
      <summary>{t('messages.attempts', { count: message.attempts, max: message.maxAttempts })}</summary>
      {message.attemptLog.length === 0 ? (
        <p className="muted">{t('messages.noAttempts')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('messages.attemptsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('messages.at')}</th>
              <th scope="col">{t('messages.outcome')}</th>
              <th scope="col">{t('messages.response')}</th>
              <th scope="col">{t('messages.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {message.attemptLog.map((attempt) => (
              <tr key={`${attempt.at}-${attempt.attempt}`}>
                <td>{attempt.attempt}</td>
                <td>{formatDateTime(attempt.at, i18n.language)}</td>
                <td>{t(`messages.outcomes.${attempt.outcome}`)}</td>
                <td>{[attempt.responseCode, attempt.error].filter((v) => v !== null).join(' · ')}</td>
                <td>{attempt.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message.nextAttemptAt && (
        <p className="meta">
          {t('messages.nextAttempt', { at: formatDateTime(message.nextAttemptAt, i18n.language) })}
        </p>
      )}
      {message.lastError && <p className="meta">{t('messages.lastError', { error: message.lastError })}</p>}
    </details>
  );
}
