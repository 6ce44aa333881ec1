import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { Page, SinkMessage } from './admin-types.js';

/** What the development sink received: the SMS and e-mail that would have gone out without a provider. */
export function SmsSinkPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<Page<SinkMessage>>('/dev-sink/messages?pageSize=100');
  return (
    <section aria-labelledby="sink-heading">
      <h2 id="sink-heading">{t('sink.title')}</h2>
      <p className="muted">{t('sink.intro')}</p>
      <button type="button" onClick={reload}>
        {t('messages.refresh')}
      </button>
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('sink.none')}</p>}
      {data && data.items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('sink.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sink.received')}</th>
              <th scope="col">{t('sink.channel')}</th>
              <th scope="col">{t('sink.recipient')}</th>
              <th scope="col">{t('sink.text')}</th>
              <th scope="col">{t('sink.duplicates')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((message) => (
              <tr key={message.id} data-testid="sink-message">
                <td>{formatDateTime(message.receivedAt, i18n.language)}</td>
                <td>{t(`messages.channel.${message.channel}`)}</td>
                <td>{message.recipient}</td>
                <td dir="auto">
                  {message.subject && <strong>{message.subject}: </strong>}
                  {message.body}
                </td>
                <td>{message.duplicateCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
