import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';
import { topLevelField } from './field-errors.js';

interface ErrorMessageProps {
  error: ApiError | undefined;
  /** Fields whose errors the form already shows next to the input; the others are listed here. */
  inlineFields?: readonly string[];
}

/** An API error in an alert region; shows title, detail and the field messages not shown inline. */
export function ErrorMessage({ error, inlineFields = [] }: ErrorMessageProps) {
  const { t } = useTranslation();
  const listed = error?.errors.filter((e) => !inlineFields.includes(topLevelField(e.path))) ?? [];
  return (
    <div aria-live="assertive" role="alert" className={error ? 'error-message' : 'visually-hidden'}>
      {error && (
        <>
          <p>
            <strong>{error.status === 0 ? t('errors.network') : error.title || t('errors.generic')}</strong>
            {error.detail && error.detail !== error.title ? ` — ${error.detail}` : null}
          </p>
          {listed.length > 0 && (
            <ul>
              {listed.map((e) => (
                <li key={`${e.path}:${e.message}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
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
