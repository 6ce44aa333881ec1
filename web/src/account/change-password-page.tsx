import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { topLevelField } from '../ui/field-errors.js';
import { ErrorMessage, useProblemText } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * The signed-in user changes their own password (`POST /me/password`): the present one is asked
 * for, and the server's reasons for a refusal are shown in the user's language next to the field.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [mismatch, setMismatch] = useState(false);
  const [endedSessions, setEndedSessions] = useState<number | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setEndedSessions(null);
    if (form.newPassword !== form.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      const result = await apiPost<{ endedSessions: number }>('/me/password', {
        currentPassword: form.currentPassword,
        newPassword: form.newPassword,
      });
      setEndedSessions(result.endedSessions);
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  const errorsOf = (field: string) => {
    const messages = error?.errors.filter((e) => topLevelField(e.path) === field).map(problemText) ?? [];
    return messages.length > 0 ? messages : undefined;
  };

  return (
    <section aria-labelledby="change-password-heading">
      <h1 id="change-password-heading">{t('changePassword.title')}</h1>
      <ErrorMessage error={error} inlineFields={FIELDS} />
      {endedSessions !== null && (
        <p role="status" className="notice" data-testid="password-changed">
          {t('changePassword.done', { count: endedSessions })}
        </p>
      )}
      <form onSubmit={submit} data-testid="change-password-form">
        <TextField
          id="current-password"
          label={t('changePassword.current')}
          type="password"
          autoComplete="current-password"
          required
          value={form.currentPassword}
          onChange={(currentPassword) => setForm({ ...form, currentPassword })}
          errors={errorsOf('currentPassword')}
        />
        <TextField
          id="new-password"
          label={t('changePassword.new')}
          hint={t('changePassword.rules')}
          type="password"
          autoComplete="new-password"
          required
          value={form.newPassword}
          onChange={(newPassword) => setForm({ ...form, newPassword })}
          errors={errorsOf('newPassword')}
        />
        <TextField
          id="confirm-password"
          label={t('changePassword.confirm')}
          type="password"
          autoComplete="new-password"
          required
          value={form.confirm}
          onChange={(confirm) => setForm({ ...form, confirm })}
          errors={mismatch ? [t('changePassword.mismatch')] : undefined}
        />
        <button type="submit">{t('changePassword.save')}</button>
      </form>
    </section>
  );
}
