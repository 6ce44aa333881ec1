import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import type { CaseDocument } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import { DISBURSEMENT_METHODS, GRANT_PARTS, type Grant } from './reintegration-types.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Records a payment out of a grant: the server refuses (422) anything that would overdraw it. */
export function DisbursementForm({
  caseId,
  grant,
  onRecorded,
}: {
  caseId: string;
  grant: Grant;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const documents = useApi<{ items: CaseDocument[] }>(`/cases/${caseId}/documents`).data?.items ?? [];
  const empty = {
    part: 'in_kind',
    method: 'in_kind',
    currency: grant.currency,
    amount: '',
    rateToEur: '1',
    paidOn: today(),
    receiptDocumentId: '',
  };
  const [values, setValues] = useState(empty);
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);
  const id = (field: string) => `pay-${grant.id}-${field}`;
  const set = (field: keyof typeof empty) => (value: string) => setValues({ ...values, [field]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setPostError(undefined);
    try {
      const { receiptDocumentId, ...rest } = values;
      await apiPost(`/cases/${caseId}/grants/${grant.id}/disbursements`, {
        ...rest,
        currency: rest.currency.trim().toUpperCase(),
        amount: rest.amount.trim(),
        rateToEur: rest.rateToEur.trim(),
        ...(receiptDocumentId ? { receiptDocumentId } : {}),
      });
      setValues(empty);
      onRecorded();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('grants.recordPayment')}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id('part')}>{t('grants.part')}</label>
            <select
              id={id('part')}
              value={values.part}
              onChange={(e) =>
                setValues({
                  ...values,
                  part: e.target.value,
                  method: e.target.value === 'cash_at_departure' ? 'cash' : 'in_kind',
                })
              }
            >
              {GRANT_PARTS.map((part) => (
                <option key={part} value={part}>
                  {t(`grants.partName.${part}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('method')}>{t('grants.method')}</label>
            <select id={id('method')} value={values.method} onChange={(e) => set('method')(e.target.value)}>
              {DISBURSEMENT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`grants.methodName.${method}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={id('paidOn')}
            label={t('grants.paidOn')}
            type="date"
            value={values.paidOn}
            onChange={set('paidOn')}
            errors={errors.paidOn}
          />
        </div>
        <div className="field-row">
          <TextField
            id={id('currency')}
            label={t('grants.currency')}
            value={values.currency}
            onChange={set('currency')}
            errors={errors.currency}
            maxLength={3}
            autoComplete="off"
          />
          <TextField
            id={id('amount')}
            label={t('grants.paid')}
            value={values.amount}
            onChange={set('amount')}
            errors={errors.amount}
            inputMode="decimal"
            autoComplete="off"
          />
          <TextField
            id={id('rate')}
            label={t('grants.rate')}
            hint={t('grants.rateHint')}
            value={values.rateToEur}
            onChange={set('rateToEur')}
            errors={errors.rateToEur}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={id('receipt')}>{t('grants.receipt')}</label>
          <select
            id={id('receipt')}
            value={values.receiptDocumentId}
            onChange={(e) => set('receiptDocumentId')(e.target.value)}
          >
            <option value="">{t('common.none')}</option>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.filename}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy || !values.amount.trim()}>
          {t('grants.pay')}
        </button>
        <ErrorMessage error={postError} inlineFields={['currency', 'amount', 'rateToEur', 'paidOn']} />
      </fieldset>
    </form>
  );
}
