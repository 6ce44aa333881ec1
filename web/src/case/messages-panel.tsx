import { useTranslation } from 'react-i18next';
import { directionOf, type OutboxMessage } from '../admin/admin-types.js';
import { DeliveryAttempts } from '../admin/delivery-attempts.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { CasePanelProps } from './case-context.js';

/** The SMS, e-mails and partner webhooks sent about the case, each with its delivery status and attempts. */
export function MessagesPanel({ kase, refreshKey }: CasePanelProps & { refreshKey?: number }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: OutboxMessage[] }>(
    `/cases/${kase.id}/messages`,
    refreshKey,
  );
  const messages = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="messages-heading" data-testid="messages">
      <h2 id="messages-heading">{t('messages.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && messages.length === 0 && <p className="muted">{t('messages.none')}</p>}
      {messages.length > 0 && (
        <ul className="message-list">
          {messages.map((message) => (
            <li key={message.id} data-testid="message">
              <p>
                <strong>{t(`messages.channel.${message.channel}`)}</strong> · {message.kind} ·{' '}
                <span className={`status-badge status-${message.status}`}>
                  {t(`messages.status.${message.status}`)}
                </span>
              </p>
              <p className="meta">
                {message.recipient} ·{' '}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
              </p>
              {message.channel !== 'webhook' && (
                <p
                  className="message-text"
                  dir={directionOf(message.language)}
                  lang={message.language ?? undefined}
                >
                  {message.preview}
                </p>
              )}
              <DeliveryAttempts message={message} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={reload}>
        {t('messages.refresh')}
      </button>
    </section>
  );
}
