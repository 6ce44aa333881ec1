import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost, apiRequest } from '../api/client.js';
import { useOffices } from '../api/reference-data.js';
import { useApi } from '../api/use-api.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, FieldError, Loading } from '../ui/status-messages.js';
import type { CasePanelProps } from './case-context.js';
import { GrantsSection } from './grants-section.js';
import { type PlanResponse, type ReintegrationPlan, SUPPORT_KINDS } from './reintegration-types.js';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** The reintegration plan (drafted here, finalised in the country of origin) and the case's grants. */
export function ReintegrationPanel({ kase, onActivity }: CasePanelProps) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<PlanResponse>(`/cases/${kase.id}/reintegration-plan`);
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);
  const plan = data?.plan ?? null;
  const policies = data?.policies;
  const canEdit = policies
    ? plan === null || plan.status === 'draft'
      ? policies.draftPlan
      : policies.finalisePlan
    : false;

  async function finalise() {
    if (!plan) return;
    setActionError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/reintegration-plan/finalise`, { version: plan.version });
      reload();
      onActivity();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const who = (person: { displayName: string } | null, at: string | null) =>
    person && at ? `${person.displayName} · ${formatDateTime(at, i18n.language)}` : '';

  return (
    <section className="panel" aria-labelledby="reintegration-heading" data-testid="reintegration">
      <h2 id="reintegration-heading">{t('reintegration.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && !plan && <p className="muted">{t('reintegration.noPlan')}</p>}
      {plan && (
        <dl className="facts">
          <dt>{t('reintegration.status')}</dt>
          <dd>
            <span className="status-badge">{t(`reintegration.planStatus.${plan.status}`)}</span>
          </dd>
          <dt>{t('reintegration.supportKinds')}</dt>
          <dd>{plan.supportKinds.map((kind) => t(`reintegration.kind.${kind}`)).join(', ')}</dd>
          <dt>{t('reintegration.description')}</dt>
          <dd className="note-body">{plan.description}</dd>
          <dt>{t('reintegration.originOffice')}</dt>
          <dd>{plan.originOffice.name}</dd>
          <dt>{t('reintegration.drafted')}</dt>
          <dd>{who(plan.draftedBy, plan.draftedAt)}</dd>
          {plan.finalisedAt && (
            <>
              <dt>{t('reintegration.finalised')}</dt>
              <dd>{who(plan.finalisedBy, plan.finalisedAt)}</dd>
            </>
          )}
          {plan.revisedAt && (
            <>
              <dt>{t('reintegration.revised')}</dt>
              <dd>{who(plan.revisedBy, plan.revisedAt)}</dd>
            </>
          )}
        </dl>
      )}
      {plan?.status === 'draft' && policies?.finalisePlan && (
        <button type="button" onClick={finalise}>
          {t('reintegration.finalise')}
        </button>
      )}
      <ErrorMessage error={actionError} />
      {canEdit && (
        <PlanForm
          caseId={kase.id}
          plan={plan}
          onSaved={() => {
            reload();
            onActivity();
          }}
        />
      )}
      {plan && policies && <GrantsSection caseId={kase.id} policies={policies} onActivity={onActivity} />}
    </section>
  );
}

function PlanForm({
  caseId,
  plan,
  onSaved,
}: {
  caseId: string;
  plan: ReintegrationPlan | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { offices } = useOffices();
  const originOffices = offices.filter((office) => office.kind === 'origin_office');
  const [kinds, setKinds] = useState<string[]>(plan?.supportKinds ?? []);
  const [description, setDescription] = useState(plan?.description ?? '');
  const [chosenOfficeId, setOfficeId] = useState(plan?.originOffice.id ?? '');
  // With a single office in a country of origin there is nothing to choose.
  const officeId = chosenOfficeId || (originOffices.length === 1 ? originOffices[0]!.id : '');
  const [saveError, setSaveError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(saveError);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaveError(undefined);
    try {
      await apiRequest(`/cases/${caseId}/reintegration-plan`, {
        method: 'PUT',
        body: {
          supportKinds: kinds,
          description: description.trim(),
          originOfficeId: officeId,
          ...(plan ? { version: plan.version } : {}),
        },
      });
      onSaved();
    } catch (caught) {
      setSaveError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (kind: string, on: boolean) =>
    setKinds(on ? [...kinds, kind] : kinds.filter((k) => k !== kind));
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          {plan
            ? plan.status === 'draft'
              ? t('reintegration.editPlan')
              : t('reintegration.revisePlan')
            : t('reintegration.draftPlan')}
        </legend>
        <fieldset aria-describedby={errors.supportKinds ? 'plan-kinds-error' : undefined}>
          <legend>{t('reintegration.supportKinds')}</legend>
          <div className="checkbox-group">
            {SUPPORT_KINDS.map((kind) => (
              <div className="checkbox" key={kind}>
                <input
                  type="checkbox"
                  id={`plan-kind-${kind}`}
                  checked={kinds.includes(kind)}
                  onChange={(e) => toggle(kind, e.target.checked)}
                />
                <label htmlFor={`plan-kind-${kind}`}>{t(`reintegration.kind.${kind}`)}</label>
              </div>
            ))}
          </div>
          <FieldError id="plan-kinds-error" messages={errors.supportKinds} />
        </fieldset>
        <div className={errors.description ? 'field has-error' : 'field'}>
          <label htmlFor="plan-description">{t('reintegration.description')}</label>
          <textarea
            id="plan-description"
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <FieldError id="plan-description-error" messages={errors.description} />
        </div>
        <div className={errors.originOfficeId ? 'field has-error' : 'field'}>
          <label htmlFor="plan-office">{t('reintegration.originOffice')}</label>
          <select id="plan-office" value={officeId} onChange={(e) => setOfficeId(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {originOffices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
          <FieldError id="plan-office-error" messages={errors.originOfficeId} />
        </div>
        <button type="submit" disabled={busy || kinds.length === 0 || !description.trim() || !officeId}>
          {t('reintegration.savePlan')}
        </button>
        <ErrorMessage error={saveError} inlineFields={['supportKinds', 'description', 'originOfficeId']} />
      </fieldset>
    </form>
  );
}
