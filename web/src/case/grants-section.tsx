import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import { DisbursementForm } from './disbursement-form.js';
import {
  type FundingBudget,
  formatMoney,
  GRANT_TYPES,
  type Grant,
  type PartnerNgo,
  type PlanResponse,
} from './reintegration-types.js';

interface Props {
  caseId: string;
  policies: PlanResponse['policies'];
  onActivity: () => void;
}

/** The case's grants: amounts, what is left, the ledger of payments, and forms to grant and to pay. */
export function GrantsSection({ caseId, policies, onActivity }: Props) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Grant[] }>(`/cases/${caseId}/grants`);
  const changed = () => {
    reload();
    onActivity();
  };
  const money = (amount: string, currency: string) => formatMoney(amount, currency, i18n.language);
  const grants = data?.items ?? [];
  return (
    <div data-testid="grants">
      <h3>{t('grants.title')}</h3>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && grants.length === 0 && <p className="muted">{t('grants.none')}</p>}
      {grants.map((grant) => (
        <article key={grant.id} aria-labelledby={`grant-${grant.id}`} className="person-card">
          <h4 id={`grant-${grant.id}`}>
            {t(`grants.type.${grant.type}`)}
            {grant.partnerNgo ? ` — ${grant.partnerNgo.name}` : ''} · {grant.fundingProject}
          </h4>
          <dl className="facts">
            <dt>{t('grants.amount')}</dt>
            <dd>{money(grant.amount, grant.currency)}</dd>
            <dt>{t('grants.cashPart')}</dt>
            <dd>
              {money(grant.cashAmount, grant.currency)} ({t('grants.remaining')}{' '}
              {money(grant.cashRemaining, grant.currency)})
            </dd>
            <dt>{t('grants.inKindPart')}</dt>
            <dd>
              {money(grant.inKindAmount, grant.currency)} ({t('grants.remaining')}{' '}
              {money(grant.inKindRemaining, grant.currency)})
            </dd>
            <dt>{t('grants.balance')}</dt>
            <dd>
              <strong>{money(grant.balance, grant.currency)}</strong>
            </dd>
            <dt>{t('grants.originOffice')}</dt>
            <dd>{grant.originOffice.name}</dd>
          </dl>
          {grant.ledger.length > 0 && (
            <div className="table-wrapper">
              <table>
                <caption>{t('grants.ledger')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('grants.paidOn')}</th>
                    <th scope="col">{t('grants.part')}</th>
                    <th scope="col">{t('grants.method')}</th>
                    <th scope="col">{t('grants.paid')}</th>
                    <th scope="col">{t('grants.rate')}</th>
                    <th scope="col">{t('grants.eur')}</th>
                    <th scope="col">{t('grants.recordedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {grant.ledger.map((line) => (
                    <tr key={line.id}>
                      <td>{formatDate(line.paidOn, i18n.language)}</td>
                      <td>{t(`grants.partName.${line.part}`)}</td>
                      <td>{t(`grants.methodName.${line.method}`)}</td>
                      <td>{money(line.amount, line.currency)}</td>
                      <td>{line.rateToEur}</td>
                      <td>{money(line.amountEur, 'EUR')}</td>
                      <td>{line.recordedBy?.displayName ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {policies.disburse && <DisbursementForm caseId={caseId} grant={grant} onRecorded={changed} />}
        </article>
      ))}
      {policies.createGrant && <NewGrantForm caseId={caseId} onCreated={changed} />}
    </div>
  );
}

const EMPTY = {
  type: 'economic',
  partnerNgoId: '',
  fundingProject: '',
  amount: '',
  cashAmount: '',
  note: '',
};

function NewGrantForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const budgets = useApi<{ items: FundingBudget[] }>('/funding-budgets').data?.items ?? [];
  const partners = useApi<{ items: PartnerNgo[] }>('/partner-ngos').data?.items ?? [];
  const [values, setValues] = useState(EMPTY);
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);
  const budget = budgets.find((b) => b.projectCode === values.fundingProject);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!budget) return;
    setBusy(true);
    setPostError(undefined);
    try {
      await apiPost(`/cases/${caseId}/grants`, {
        type: values.type,
        ...(values.type === 'partner_ngo' ? { partnerNgoId: values.partnerNgoId } : {}),
        fundingProject: values.fundingProject,
        currency: budget.currency,
        amount: values.amount.trim(),
        cashAmount: values.cashAmount.trim() || '0',
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      setValues(EMPTY);
      onCreated();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [field]: value });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('grants.newGrant')}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="grant-type">{t('grants.typeLabel')}</label>
            <select id="grant-type" value={values.type} onChange={(e) => set('type')(e.target.value)}>
              {GRANT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`grants.type.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {values.type === 'partner_ngo' && (
            <div className="field">
              <label htmlFor="grant-partner">{t('grants.partnerNgo')}</label>
              <select
                id="grant-partner"
                value={values.partnerNgoId}
                onChange={(e) => set('partnerNgoId')(e.target.value)}
              >
                <option value="">{t('common.choose')}</option>
                {partners
                  .filter((p) => p.active)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="grant-project">{t('grants.fundingProject')}</label>
            <select
              id="grant-project"
              value={values.fundingProject}
              onChange={(e) => set('fundingProject')(e.target.value)}
            >
              <option value="">{t('common.choose')}</option>
              {budgets.map((b) => (
                <option key={b.id} value={b.projectCode}>
                  {b.projectCode} — {t('grants.left')} {formatMoney(b.remaining, b.currency, i18n.language)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <TextField
            id="grant-amount"
            label={`${t('grants.amount')}${budget ? ` (${budget.currency})` : ''}`}
            value={values.amount}
            onChange={set('amount')}
            errors={errors.amount}
            inputMode="decimal"
            autoComplete="off"
          />
          <TextField
            id="grant-cash"
            label={t('grants.cashPart')}
            hint={t('grants.cashHint')}
            value={values.cashAmount}
            onChange={set('cashAmount')}
            errors={errors.cashAmount}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
        <TextField
          id="grant-note"
          label={t('grants.note')}
          value={values.note}
          onChange={set('note')}
          autoComplete="off"
        />
        <button type="submit" disabled={busy || !budget || !values.amount.trim()}>
          {t('grants.create')}
        </button>
        <ErrorMessage error={postError} inlineFields={['amount', 'cashAmount']} />
      </fieldset>
    </form>
  );
}
