import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { LanguageSwitcher } from '../i18n/language-switcher.js';
import { ErrorMessage } from '../ui/status-messages.js';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Setting a password with a one-time link (`/set-password#token=…`), before anyone is signed in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [who, setWho] = useState<{ email: string; displayName: string } | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [done, setDone] = useState(false);

  useEffect(() => {
    apiPost<{ email: string; displayName: string }>('/password-links/check', { token })
      .then(setWho)
      .catch((caught: unknown) => setError(asApiError(caught)));
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiPost('/password-links/use', { token, password });
      setDone(true);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <div className="login-header">
          <h1>{t('setPassword.title')}</h1>
          <LanguageSwitcher />
        </div>
        <ErrorMessage error={error} />
        {done ? (
          <p role="status">
            {t('setPassword.done')} <a href="/">{t('setPassword.signIn')}</a>
          </p>
        ) : (
          who && (
            <form onSubmit={submit} data-testid="set-password-form">
              <p>{t('setPassword.intro', { name: who.displayName, email: who.email })}</p>
              <div className="field">
                <label htmlFor="new-password">{t('setPassword.password')}</label>
                <input
                  id="new-password"
                  type="password"
                  autoComplete="new-password"
                  required
                  minLength={12}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
              <p className="muted">{t('setPassword.rules')}</p>
              <button type="submit">{t('setPassword.save')}</button>
            </form>
          )
        )}
      </div>
    </main>
  );
}
