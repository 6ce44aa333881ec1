import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { ApiKey, Partner, Webhook } from './admin-types.js';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** A partner's API keys and webhook subscriptions; new secrets are shown once, right here. */
export function PartnerAccess({
  partner,
  events,
  scopes,
}: {
  partner: Partner;
  events: string[];
  scopes: string[];
}) {
  const { t, i18n } = useTranslation();
  const keys = useApi<{ items: ApiKey[] }>(`/partners/${partner.id}/api-keys`);
  const hooks = useApi<{ items: Webhook[] }>(`/partners/${partner.id}/webhooks`);
  const [keyName, setKeyName] = useState('');
  const [keyScopes, setKeyScopes] = useState<string[]>(['referrals:write']);
  const [hookUrl, setHookUrl] = useState('');
  const [hookEvents, setHookEvents] = useState<string[]>([]);
  const [hookScope, setHookScope] = useState<'referred' | 'all'>('referred');
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const toggle = (list: string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  async function run(action: () => Promise<void>) {
    setFailure(undefined);
    try {
      await action();
    } catch (caught) {
      setFailure(asApiError(caught));
    }
  }

  const createKey = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiPost<ApiKey & { key: string }>(`/partners/${partner.id}/api-keys`, {
        name: keyName,
        scopes: keyScopes,
      });
      setSecret({ label: t('partners.newKey'), value: created.key });
      setKeyName('');
      keys.reload();
    });
  };
  const revoke = (key: ApiKey) =>
    void run(async () => {
      await apiPost(`/api-keys/${key.id}/revoke`);
      keys.reload();
    });
  const createHook = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await apiPost<Webhook & { secret: string }>(`/partners/${partner.id}/webhooks`, {
        url: hookUrl,
        events: hookEvents,
        caseScope: hookScope,
      });
      setSecret({ label: t('partners.newWebhookSecret'), value: created.secret });
      setHookUrl('');
      hooks.reload();
    });
  };

  const id = partner.id;
  return (
    <div className="partner-access">
      {secret && (
        <div role="alert" className="secret-once">
          <p>{secret.label}</p>
          <p>
            <code data-testid="secret">{secret.value}</code>
          </p>
          <p>{t('partners.secretOnce')}</p>
          <button type="button" onClick={() => setSecret(null)}>
            {t('partners.secretSaved')}
          </button>
        </div>
      )}
      <ErrorMessage error={failure ?? keys.error ?? hooks.error} />
      <h4>{t('partners.apiKeys')}</h4>
      <ul>
        {keys.data?.items.map((key) => (
          <li key={key.id}>
            <code>{key.prefix}…</code> {key.name} · {key.scopes.join(', ')} ·{' '}
            {key.revokedAt
              ? t('partners.revokedAt', { at: formatDateTime(key.revokedAt, i18n.language) })
              : t('partners.lastUsed', {
                  at: key.lastUsedAt ? formatDateTime(key.lastUsedAt, i18n.language) : t('partners.never'),
                })}
            {!key.revokedAt && (
              <button type="button" onClick={() => revoke(key)}>
                {t('partners.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={createKey}>
        <div className="field">
          <label htmlFor={`key-name-${id}`}>{t('partners.keyName')}</label>
          <input
            id={`key-name-${id}`}
            required
            value={keyName}
            onChange={(e) => setKeyName(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('partners.scopes')}</legend>
          {scopes.map((scope) => (
            <label key={scope}>
              <input
                type="checkbox"
                checked={keyScopes.includes(scope)}
                onChange={() => setKeyScopes(toggle(keyScopes, scope))}
              />{' '}
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={keyScopes.length === 0}>
          {t('partners.createKey')}
        </button>
      </form>
      <h4>{t('partners.webhooks')}</h4>
      <ul>
        {hooks.data?.items.map((hook) => (
          <li key={hook.id}>
            {hook.url} · {hook.events.join(', ')} · {t(`partners.caseScope.${hook.caseScope}`)}
            {!hook.active && ` · ${t('partners.paused')}`}
          </li>
        ))}
      </ul>
      <form onSubmit={createHook}>
        <div className="field">
          <label htmlFor={`hook-url-${id}`}>{t('partners.webhookUrl')}</label>
          <input
            id={`hook-url-${id}`}
            type="url"
            required
            value={hookUrl}
            onChange={(e) => setHookUrl(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('partners.events')}</legend>
          {events.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={hookEvents.includes(name)}
                onChange={() => setHookEvents(toggle(hookEvents, name))}
              />{' '}
              {name}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`hook-scope-${id}`}>{t('partners.whichCases')}</label>
          <select
            id={`hook-scope-${id}`}
            value={hookScope}
            onChange={(e) => setHookScope(e.target.value as 'referred' | 'all')}
          >
            <option value="referred">{t('partners.caseScope.referred')}</option>
            <option value="all">{t('partners.caseScope.all')}</option>
          </select>
        </div>
        <button type="submit" disabled={hookEvents.length === 0}>
          {t('partners.subscribe')}
        </button>
      </form>
    </div>
  );
}
