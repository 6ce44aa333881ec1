import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import type { CaseDetail, TransitionOption } from '../api/types.js';
import { pickLocalized } from '../i18n/localized.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { CaseMutationProps } from './case-context.js';

/** Allowed transitions as buttons, blocked ones greyed out with the reasons they are refused. */
export function TransitionsPanel({
  kase,
  onCaseChanged,
  onConflict,
  options,
  loading,
}: CaseMutationProps & {
  /** The steps of the case as loaded with it by the case page (`include=transitions`). */
  options: TransitionOption[];
  /** The case page is reloading them. */
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<TransitionOption | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function perform(option: TransitionOption, reasonText?: string) {
    setBusy(true);
    setActionError(undefined);
    try {
      const result = await apiPost<{ case: CaseDetail }>(`/cases/${kase.id}/transitions`, {
        transition: option.transition,
        version: kase.version,
        ...(reasonText ? { reason: reasonText } : {}),
      });
      setPending(undefined);
      setReason('');
      onCaseChanged(result.case);
    } catch (caught) {
      const apiError =
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });
      if (!onConflict(apiError)) setActionError(apiError);
    } finally {
      setBusy(false);
    }
  }

  function choose(option: TransitionOption) {
    setActionError(undefined);
    if (option.requiresReason) {
      setPending(option);
      setReason('');
    } else {
      void perform(option);
    }
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (pending && reason.trim()) void perform(pending, reason.trim());
  }

  const allowed = options.filter((o) => o.allowed);
  const blocked = options.filter((o) => !o.allowed);
  const canAct = kase.policies.transition;

  return (
    <section
      className="panel"
      data-testid="transitions"
      aria-labelledby="transitions-heading"
      aria-busy={loading}
    >
      <h2 id="transitions-heading">{t('transitions.title')}</h2>
      {!canAct && <p className="muted">{t('transitions.notPermitted')}</p>}
      {options.length === 0 && <p>{t('transitions.none')}</p>}
      {allowed.length > 0 && (
        <div className="transition-buttons">
          {allowed.map((option) => (
            <button
              key={option.transition}
              type="button"
              className={pending?.transition === option.transition ? 'primary' : undefined}
              disabled={busy || !canAct}
              aria-expanded={option.requiresReason ? pending?.transition === option.transition : undefined}
              data-testid={`transition-${option.transition}`}
              onClick={() => choose(option)}
            >
              {pickLocalized(option.label, i18n.language)}
            </button>
          ))}
        </div>
      )}
      {pending && (
        <form className="reason-form" onSubmit={confirm}>
          <label htmlFor="transition-reason">
            {t('transitions.reasonFor', { label: pickLocalized(pending.label, i18n.language) })}
          </label>
          <textarea
            id="transition-reason"
            required
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the reason box opens on request; focus follows the user's action
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !reason.trim()}>
              {t('transitions.confirm')}
            </button>
            <button type="button" onClick={() => setPending(undefined)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={actionError} />
      {blocked.length > 0 && (
        <>
          <h3>{t('transitions.blocked')}</h3>
          <ul className="blocked-transitions">
            {blocked.map((option) => (
              <li key={option.transition} data-testid="blocked-transition">
                <button type="button" disabled aria-describedby={`blocked-${option.transition}-reasons`}>
                  {pickLocalized(option.label, i18n.language)}
                </button>
                <ul id={`blocked-${option.transition}-reasons`} className="reasons">
                  {option.reasons.map((r) => (
                    <li key={r.code}>{pickLocalized(r.message, i18n.language)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
