import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage } from '../ui/status-messages.js';

/** A manager's break-glass: opens the case's restricted data for a few hours, with the reason. */
export function BreakGlassForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const answer = await apiPost<{ until: string }>(`/cases/${caseId}/break-glass`, {
        reason: reason.trim(),
      });
      setUntil(answer.until);
      // The panels read the restricted data again with the access open.
      window.location.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    }
  }

  if (until)
    return <p role="status">{t('caseBreakGlass.opened', { until: formatDateTime(until, i18n.language) })}</p>;
  return (
    <details className="break-glass">
      <summary>{t('caseBreakGlass.button')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="break-glass-reason">{t('caseBreakGlass.reason')}</label>
          <textarea
            id="break-glass-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" disabled={reason.trim().length < 10}>
          {t('caseBreakGlass.button')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
