import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { CaseMutationProps } from './case-context.js';

type GuardianField = 'guardianConfirmedHost' | 'guardianConfirmedReturn';
const FIELDS: GuardianField[] = ['guardianConfirmedHost', 'guardianConfirmedReturn'];

/** Guardian confirmations an unaccompanied minor's return needs, in the host country and the country of return. */
export function GuardianPanel({ kase, patchCase, onConflict }: CaseMutationProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function toggle(field: GuardianField, checked: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      await patchCase({ [field]: checked });
    } catch (caught) {
      const apiError =
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });
      if (!onConflict(apiError)) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="guardian-heading" data-testid="guardian-panel">
      <h2 id="guardian-heading">{t('guardian.title')}</h2>
      <p className="muted">{t('guardian.intro')}</p>
      {FIELDS.map((field) => (
        <div className="checkbox" key={field}>
          <input
            id={`guardian-${field}`}
            type="checkbox"
            checked={kase[field]}
            disabled={busy || !kase.policies.update}
            onChange={(e) => void toggle(field, e.target.checked)}
          />
          <label htmlFor={`guardian-${field}`}>{t(`guardian.${field}`)}</label>
        </div>
      ))}
      <ErrorMessage error={error} />
    </section>
  );
}
