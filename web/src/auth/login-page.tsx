import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { LanguageSwitcher } from '../i18n/language-switcher.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { useAuth } from './auth-context.js';

/** Sign-in form, shown for any route while signed out. */
export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, sessionError } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
      setBusy(false);
    }
  }

  const shown = error ?? sessionError;
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <div className="login-header">
          <h1>{t('app.name')}</h1>
          <LanguageSwitcher />
        </div>
        <p>{t('login.intro')}</p>
        <form onSubmit={submit} noValidate data-testid="login-form">
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ErrorMessage
            error={shown?.status === 401 ? new ApiError({ ...shown, title: t('login.failed') }) : shown}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
