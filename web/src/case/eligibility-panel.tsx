import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost, toQuery } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { EligibilityResultView } from '../policy/eligibility-result.js';
import {
  DECLARATIONS,
  type Declarations,
  type EligibilityDecision,
  type EligibilityResult,
  OUTCOMES,
} from '../policy/eligibility-types.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { CasePanelProps } from './case-context.js';

const MIN_JUSTIFICATION = 20;

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });
}

/** Eligibility: evaluate on a date, record the decision, and override it with a justification. */
export function EligibilityPanel({ kase, onActivity }: CasePanelProps) {
  const { t } = useTranslation();
  const list = useApi<{ items: EligibilityDecision[]; policies: { decide: boolean; override: boolean } }>(
    `/cases/${kase.id}/eligibility-decisions`,
  );
  const [date, setDate] = useState('');
  const [declarations, setDeclarations] = useState<Declarations>({});
  const [preview, setPreview] = useState<EligibilityResult | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(action: 'evaluate' | 'record') {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'evaluate') {
        const path = `/cases/${kase.id}/eligibility/evaluate${toQuery({ date })}`;
        setPreview((await apiPost<{ result: EligibilityResult }>(path, { declarations })).result);
      } else {
        await apiPost(`/cases/${kase.id}/eligibility-decisions`, { declarations, ...(date ? { date } : {}) });
        setPreview(undefined);
        list.reload();
        onActivity();
      }
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  const decisions = list.data?.items ?? [];
  const policies = list.data?.policies;
  const latest = decisions[0];
  return (
    <section className="panel" aria-labelledby="eligibility-heading" data-testid="eligibility-panel">
      <h2 id="eligibility-heading">{t('eligibility.title')}</h2>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} />
      {latest ? (
        <div data-testid="eligibility-latest">
          <h3>{t('eligibility.inEffect')}</h3>
          <DecisionSummary decision={latest} />
          <EligibilityResultView result={latest.result} />
          {policies?.override && (
            <OverrideForm
              kase={kase}
              decision={latest}
              onDone={() => {
                list.reload();
                onActivity();
              }}
            />
          )}
        </div>
      ) : (
        !list.loading && <p className="muted">{t('eligibility.none')}</p>
      )}
      {policies?.decide && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run('evaluate');
          }}
        >
          <h3>{t('eligibility.evaluateHeading')}</h3>
          <label htmlFor="eligibility-date">{t('eligibility.date')}</label>
          <input id="eligibility-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <p className="muted">{t('eligibility.dateHint')}</p>
          <fieldset>
            <legend>{t('eligibility.declarationsLegend')}</legend>
            {DECLARATIONS.map((key) => (
              <div key={key}>
                <label htmlFor={`declaration-${key}`}>{t(`eligibility.declaration.${key}`)}</label>{' '}
                <select
                  id={`declaration-${key}`}
                  value={declarations[key] === undefined ? '' : String(declarations[key])}
                  onChange={(e) => {
                    const value = e.target.value;
                    setDeclarations((d) => {
                      const next = { ...d };
                      if (value === '') delete next[key];
                      else next[key] = value === 'true';
                      return next;
                    });
                  }}
                >
                  <option value="">{t('eligibility.notRecorded')}</option>
                  <option value="true">{t('eligibility.yes')}</option>
                  <option value="false">{t('eligibility.no')}</option>
                </select>
              </div>
            ))}
          </fieldset>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {t('eligibility.evaluate')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run('record')}>
              {t('eligibility.record')}
            </button>
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
      {preview && (
        <div aria-live="polite" data-testid="eligibility-preview">
          <h3>{t('eligibility.previewHeading')}</h3>
          <EligibilityResultView result={preview} />
        </div>
      )}
      {decisions.length > 1 && (
        <details>
          <summary>{t('eligibility.history', { count: decisions.length - 1 })}</summary>
          <ul>
            {decisions.slice(1).map((decision) => (
              <li key={decision.id}>
                <DecisionSummary decision={decision} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function DecisionSummary({ decision }: { decision: EligibilityDecision }) {
  const { t } = useTranslation();
  return (
    <p>
      <strong>{t(`eligibility.outcome.${decision.outcome}`)}</strong>{' '}
      {t(decision.kind === 'override' ? 'eligibility.kindOverride' : 'eligibility.kindComputed', {
        date: decision.decisionDate,
        version: decision.result.policyVersion,
        by: decision.decidedBy?.displayName ?? '—',
      })}
      {decision.justification && (
        <>
          <br />
          <span className="muted">
            {t('eligibility.justification')}: {decision.justification}
          </span>
        </>
      )}
    </p>
  );
}

function OverrideForm({
  kase,
  decision,
  onDone,
}: {
  kase: { id: string };
  decision: EligibilityDecision;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState(decision.eligible ? 'ineligible' : 'eligible_return');
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const tooShort = justification.trim().length < MIN_JUSTIFICATION;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/eligibility-decisions/${decision.id}/override`, {
        outcome,
        justification,
      });
      setJustification('');
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details>
      <summary>{t('eligibility.override')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="override-outcome">{t('eligibility.overrideOutcome')}</label>
        <select id="override-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`eligibility.outcome.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="override-justification">{t('eligibility.justification')}</label>
        <textarea
          id="override-justification"
          value={justification}
          required
          minLength={MIN_JUSTIFICATION}
          aria-describedby="override-justification-hint"
          onChange={(e) => setJustification(e.target.value)}
        />
        <p id="override-justification-hint" className="muted">
          {t('eligibility.justificationHint', { count: MIN_JUSTIFICATION })}
        </p>
        <button type="submit" disabled={busy || tooShort}>
          {t('eligibility.overrideSubmit')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
