import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError, apiGet } from '../api/client.js';
import { LanguageSwitcher } from '../i18n/language-switcher.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { type SecondFactorStep, useAuth } from './auth-context.js';

type Stage =
  | { kind: 'password' }
  | { kind: 'second-factor'; step: SecondFactorStep }
  | { kind: 'recovery-codes'; codes: string[]; enter: () => void };

/** Whether the server offers signing in with an OpenID Connect provider, and its name. */
interface OidcOffer {
  enabled: boolean;
  providerName: string | null;
}

/** The reasons the server gives, in `?oidc_error=`, for a provider sign-in that did not sign in. */
const OIDC_ERRORS = [
  'expired',
  'state_mismatch',
  'provider_error',
  'provider_unavailable',
  'email_not_verified',
  'no_account',
  'account_inactive',
  'locked',
] as const;

// How the provider's redirect came back: `?oidc=second_factor` or `?oidc_error=<reason>`.
function readOidcReturn(): { error: string | null; secondFactor: boolean } {
  const params = new URLSearchParams(window.location.search);
  return { error: params.get('oidc_error'), secondFactor: params.get('oidc') === 'second_factor' };
}

// Takes those parameters out of the address bar once read, so a reload does not show them again.
function forgetOidcReturn(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('oidc_error') && !params.has('oidc')) return;
  params.delete('oidc_error');
  params.delete('oidc');
  const query = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${query ? `?${query}` : ''}`,
  );
}

/** Sign-in form, shown for any route while signed out: password, then a second factor when the role needs one. */
export function LoginPage() {
  const { t } = useTranslation();
  const { sessionError } = useAuth();
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [oidcReturn] = useState(readOidcReturn);
  const [oidc, setOidc] = useState<OidcOffer | undefined>(undefined);
  const [oidcReason, setOidcReason] = useState<string | null>(oidcReturn.error);

  useEffect(() => {
    forgetOidcReturn();
    const controller = new AbortController();
    apiGet<OidcOffer>('/auth/oidc', controller.signal)
      .then(setOidc)
      .catch(() => setOidc(undefined));
    return () => controller.abort();
  }, []);

  // Back from the provider with the second factor still to give: ask which step (a code, or enrolling).
  useEffect(() => {
    if (!oidcReturn.secondFactor) return;
    const controller = new AbortController();
    apiGet<{ secondFactor: SecondFactorStep }>('/auth/login/second-factor', controller.signal)
      .then((result) => setStage({ kind: 'second-factor', step: result.secondFactor }))
      .catch(() => {
        if (!controller.signal.aborted) setOidcReason('expired');
      });
    return () => controller.abort();
  }, [oidcReturn]);

  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <div className="login-header">
          <h1>{t('app.name')}</h1>
          <LanguageSwitcher />
        </div>
        {stage.kind === 'password' && (
          <>
            <PasswordForm
              sessionError={sessionError ?? (oidcReason ? oidcProblem(oidcReason, t) : undefined)}
              onSecondFactor={(step) => setStage({ kind: 'second-factor', step })}
            />
            {oidc?.enabled && (
              <div className="login-provider">
                <p>{t('login.or')}</p>
                <a className="button-link" href={`${API_BASE}/auth/oidc/start`} data-testid="oidc-sign-in">
                  {t('login.withProvider', { provider: oidc.providerName ?? '' })}
                </a>
              </div>
            )}
          </>
        )}
        {stage.kind === 'second-factor' && (
          <SecondFactorForm
            step={stage.step}
            onRecoveryCodes={(codes, enter) => setStage({ kind: 'recovery-codes', codes, enter })}
            onStartOver={() => setStage({ kind: 'password' })}
          />
        )}
        {stage.kind === 'recovery-codes' && (
          <section aria-labelledby="recovery-title">
            <h2 id="recovery-title">{t('login.recoveryTitle')}</h2>
            <p>{t('login.recoveryIntro')}</p>
            <ul className="recovery-codes" data-testid="recovery-codes">
              {stage.codes.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={stage.enter}>
              {t('login.recoveryDone')}
            </button>
          </section>
        )}
      </div>
    </main>
  );
}

// A provider sign-in's refusal, worded for the person at the sign-in page.
function oidcProblem(reason: string, t: TFunction): ApiError {
  const known = (OIDC_ERRORS as readonly string[]).includes(reason) ? reason : 'provider_error';
  // Not 401: the password form words every 401 as a wrong password.
  return new ApiError({ status: 403, title: t(`login.oidcError.${known}`) });
}

function useSubmit() {
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

// A 429 of a locked account says how long to wait; a 401 is worded for the step.
function shownError(error: ApiError | undefined, unauthorizedText: string, t: TFunction) {
  if (error?.status === 401) return new ApiError({ ...error, title: unauthorizedText, detail: undefined });
  if (error?.status === 429) {
    const seconds = Number(error.body.retryAfterSeconds ?? 60);
    return new ApiError({ ...error, title: t('login.lockedOut', { seconds }), detail: undefined });
  }
  return error;
}

function PasswordForm({
  sessionError,
  onSecondFactor,
}: {
  sessionError: ApiError | undefined;
  onSecondFactor: (step: SecondFactorStep) => void;
}) {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const step = await signIn(email, password);
      if (step) onSecondFactor(step);
    });
  }

  return (
    <>
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
        <ErrorMessage error={shownError(error ?? sessionError, t('login.failed'), t)} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </>
  );
}

function SecondFactorForm({
  step,
  onRecoveryCodes,
  onStartOver,
}: {
  step: SecondFactorStep;
  onRecoveryCodes: (codes: string[], enter: () => void) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const { submitSecondFactor } = useAuth();
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const { error, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const body = useRecovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s/g, '') };
      const result = await submitSecondFactor(body);
      if (result) onRecoveryCodes(result.recoveryCodes, result.enter);
    });
  }

  let intro: ReactNode = <p>{t('login.codeIntro')}</p>;
  if (step.step === 'enrol') {
    intro = (
      <>
        <p>{t('login.enrolIntro')}</p>
        <p>
          {t('login.enrolKey')}: <code data-testid="totp-secret">{step.secret}</code>
        </p>
        {step.otpauthUri && (
          <p>
            <a href={step.otpauthUri}>{t('login.enrolLink')}</a>
          </p>
        )}
      </>
    );
  }
  const label = useRecovery ? t('login.recoveryCode') : t('login.code');
  return (
    <>
      {intro}
      <form onSubmit={submit} noValidate data-testid="second-factor-form">
        <div className="field">
          <label htmlFor="login-code">{label}</label>
          <input
            id="login-code"
            // biome-ignore lint/a11y/noAutofocus: the code is the one thing this step asks for.
            autoFocus
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <ErrorMessage error={shownError(error, t('login.codeFailed'), t)} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.verify')}
        </button>
        {step.step === 'code' && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setCode('');
            }}
          >
            {useRecovery ? t('login.useCode') : t('login.useRecoveryCode')}
          </button>
        )}
        <button type="button" className="link-button" onClick={onStartOver}>
          {t('login.startOver')}
        </button>
      </form>
    </>
  );
}
