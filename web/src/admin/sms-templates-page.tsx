import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiRequest } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface SmsTemplate {
  kind: string;
  language: string;
  body: string;
  source: 'default' | 'mission';
  direction: 'ltr' | 'rtl';
  variables: string[];
  updatedAt: string | null;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** One template: its wording, the variables it must use, save or go back to the built-in text. */
function TemplateEditor({ template, onChanged }: { template: SmsTemplate; onChanged: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(template.body);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const id = `template-${template.kind}-${template.language}`;
  const path = `/sms-templates/${template.kind}/${template.language}`;

  async function run(request: () => Promise<unknown>) {
    setError(undefined);
    setSaved(false);
    try {
      await request();
      setSaved(true);
      onChanged();
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  return (
    <li data-testid="sms-template">
      <div className="field">
        <label htmlFor={id}>
          {t(`smsTemplates.kinds.${template.kind}`, { defaultValue: template.kind })} · {template.language} ·{' '}
          {template.source === 'mission' ? t('smsTemplates.own') : t('smsTemplates.builtIn')}
        </label>
        <p id={`${id}-variables`} className="hint">
          {t('smsTemplates.variables', { variables: template.variables.map((v) => `{{${v}}}`).join(', ') })}
        </p>
        <textarea
          id={id}
          dir={template.direction}
          rows={3}
          value={body}
          aria-describedby={`${id}-variables`}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      {saved && <p role="status">{t('smsTemplates.saved')}</p>}
      <button type="button" onClick={() => run(() => apiRequest(path, { method: 'PUT', body: { body } }))}>
        {t('smsTemplates.save')}
        <span className="visually-hidden">{` ${template.kind} ${template.language}`}</span>
      </button>{' '}
      {template.source === 'mission' && (
        <button type="button" onClick={() => run(() => apiRequest(path, { method: 'DELETE' }))}>
          {t('smsTemplates.reset')}
          <span className="visually-hidden">{` ${template.kind} ${template.language}`}</span>
        </button>
      )}
    </li>
  );
}

/** The SMS templates in effect per kind and language; the mission writes its own wording of each. */
export function SmsTemplatesPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: SmsTemplate[] }>('/sms-templates');
  return (
    <section aria-labelledby="sms-templates-heading">
      <h2 id="sms-templates-heading">{t('smsTemplates.title')}</h2>
      <p className="hint">{t('smsTemplates.help')}</p>
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      <ul className="plain-list">
        {data?.items.map((template) => (
          <TemplateEditor
            key={`${template.kind}:${template.language}:${template.updatedAt ?? ''}:${template.source}`}
            template={template}
            onChanged={reload}
          />
        ))}
      </ul>
    </section>
  );
}
