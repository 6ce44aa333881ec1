import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface Budget {
  id: string;
  projectCode: string;
  name: string;
  currency: string;
  amount: string;
  committed: string;
  remaining: string;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Funding budgets that grants draw on: add one, retire or bring it back. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Budget[] }>('/funding-budgets');
  const [form, setForm] = useState({ projectCode: '', name: '', currency: 'EUR', amount: '' });
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/funding-budgets', form);
      setForm({ ...form, projectCode: '', name: '', amount: '' });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function toggle(budget: Budget) {
    setActionError(undefined);
    try {
      await apiPatch(`/funding-budgets/${budget.id}`, { active: !budget.active });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  return (
    <section aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">{t('budgets.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <ul>
        {data?.items.map((budget) => (
          <li key={budget.id} data-testid="budget">
            <strong>{budget.projectCode}</strong> · {budget.name} ·{' '}
            {t('budgets.figures', {
              amount: budget.amount,
              remaining: budget.remaining,
              currency: budget.currency,
            })}
            {!budget.active && ` · ${t('budgets.retired')}`}{' '}
            <button type="button" onClick={() => toggle(budget)}>
              {budget.active ? t('budgets.retire') : t('budgets.reactivate')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="new-budget-heading">
        <h3 id="new-budget-heading">{t('budgets.add')}</h3>
        <div className="field">
          <label htmlFor="budget-code">{t('budgets.projectCode')}</label>
          <input
            id="budget-code"
            required
            value={form.projectCode}
            onChange={(e) => setForm({ ...form, projectCode: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="budget-name">{t('budgets.name')}</label>
          <input
            id="budget-name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="budget-currency">{t('budgets.currency')}</label>
          <input
            id="budget-currency"
            required
            maxLength={3}
            value={form.currency}
            onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })}
          />
        </div>
        <div className="field">
          <label htmlFor="budget-amount">{t('budgets.amount')}</label>
          <input
            id="budget-amount"
            required
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
          />
        </div>
        <button type="submit">{t('budgets.save')}</button>
      </form>
    </section>
  );
}
