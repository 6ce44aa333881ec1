import { useTranslation } from 'react-i18next';
import type { ApiError, FieldProblem } from '../api/client.js';
import { topLevelField } from './field-errors.js';

/** A field error in the user's language when the server gave a code the catalogue knows, else as sent. */
export function useProblemText(): (problem: FieldProblem) => string {
  const { t, i18n } = useTranslation();
  return (problem) =>
    problem.code && i18n.exists(`errorCodes.${problem.code}`)
      ? t(`errorCodes.${problem.code}`)
      : problem.message;
}

interface ErrorMessageProps {
  error: ApiError | undefined;
  /** Fields whose errors the form already shows next to the input; the others are listed here. */
  inlineFields?: readonly string[];
}

/** An API error in an alert region; shows title, detail and the field messages not shown inline. */
export function ErrorMessage({ error, inlineFields = [] }: ErrorMessageProps) {
  const { t, i18n } = useTranslation();
  const text = useProblemText();
  const listed = error?.errors.filter((e) => !inlineFields.includes(topLevelField(e.path))) ?? [];
  // A reason the catalogue translates replaces the server's English detail.
  const translated =
    error !== undefined &&
    error.errors.length > 0 &&
    error.errors.every((e) => e.code && i18n.exists(`errorCodes.${e.code}`));
  return (
    <div aria-live="assertive" role="alert" className={error ? 'error-message' : 'visually-hidden'}>
      {error && (
        <>
          <p>
            <strong>{error.status === 0 ? t('errors.network') : error.title || t('errors.generic')}</strong>
            {!translated && error.detail && error.detail !== error.title ? ` — ${error.detail}` : null}
          </p>
          {listed.length > 0 && (
            <ul>
              {listed.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  {e.code && i18n.exists(`errorCodes.${e.code}`)
                    ? text(e)
                    : e.path
                      ? `${e.path}: ${e.message}`
                      : e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** A polite "Loading…" status. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {label ?? t('common.loading')}
    </p>
  );
}

/** Messages under a form field; the id is referenced by the input's aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}
