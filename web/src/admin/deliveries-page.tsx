import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost, toQuery } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { OutboxMessage, Page } from './admin-types.js';
import { DeliveryAttempts } from './delivery-attempts.js';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
const CHANNELS = ['webhook', 'sms', 'email'] as const;

/** Webhook deliveries (and the rest of the outbox): status, attempts, and replay for dead letters. */
export function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<string>('webhook');
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi<Page<OutboxMessage>>(
    `/outbox/messages${toQuery({ channel, status, page, pageSize: 25 })}`,
  );
  const [replayError, setReplayError] = useState<ApiError | undefined>(undefined);
  const [notice, setNotice] = useState('');

  async function replay(message: OutboxMessage) {
    setReplayError(undefined);
    try {
      await apiPost(`/outbox/messages/${message.id}/replay`);
      setNotice(t('deliveries.replayed'));
      reload();
    } catch (caught) {
      setReplayError(
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }),
      );
    }
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">{t('deliveries.title')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="deliveries-channel">{t('deliveries.channel')}</label>
          <select
            id="deliveries-channel"
            value={channel}
            onChange={(e) => {
              setChannel(e.target.value);
              setPage(1);
            }}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`messages.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="deliveries-status">{t('deliveries.status')}</label>
          <select
            id="deliveries-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('deliveries.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`messages.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorMessage error={error ?? replayError} />
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('deliveries.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="message-list">
          {data.items.map((message) => (
            <li key={message.id} data-testid="delivery">
              <p>
                <strong>{message.kind}</strong> → {message.recipient} ·{' '}
                <span className={`status-badge status-${message.status}`}>
                  {t(`messages.status.${message.status}`)}
                </span>
                {message.replayCount > 0 &&
                  ` · ${t('deliveries.replayCount', { count: message.replayCount })}`}
              </p>
              <p className="meta">
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time> ·{' '}
                <code>{message.idempotencyKey}</code>
              </p>
              <DeliveryAttempts message={message} />
              {(message.status === 'dead' || message.status === 'failed' || message.status === 'sent') && (
                <button type="button" onClick={() => void replay(message)}>
                  {message.status === 'dead' ? t('deliveries.replayDead') : t('deliveries.replay')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('pagination.previous')}
          </button>{' '}
          {t('pagination.pageOf', { page, pages })}{' '}
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('pagination.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
