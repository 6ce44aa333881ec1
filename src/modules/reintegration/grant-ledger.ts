import { convertToEur, money, toAmount } from './money.js';
import type { DisbursementMethod, GrantPart } from './schema.js';

/** What the ledger rules need to know of a grant: its amounts and what has been paid of each part. */
export interface GrantAmounts {
  currency: string;
  amount: string;
  cashAmount: string;
  disbursedCash: string;
  disbursedInKind: string;
}

/** An attempted payment out of a grant. */
export interface DisbursementAttempt {
  part: GrantPart;
  method: DisbursementMethod;
  currency: string;
  amount: string;
  rateToEur: string;
}

export type LedgerRefusal = {
  ok: false;
  code:
    | 'method_not_for_part'
    | 'eur_rate_not_one'
    | 'eur_amount_too_large'
    | 'currency_not_convertible'
    | 'exceeds_balance';
  path: string;
  detail: string;
};
export type LedgerEntry = {
  ok: true;
  amountEur: string;
  /** What the line takes off the grant, in the grant's currency. */
  debit: string;
  next: Pick<GrantAmounts, 'disbursedCash' | 'disbursedInKind'>;
};

// The largest amount numeric(14,2) holds.
const MAX_AMOUNT = '999999999999.99';

const METHODS_BY_PART: Record<GrantPart, readonly DisbursementMethod[]> = {
  // The cash part is handed over at the airport; the rest is goods, services or vouchers after return.
  cash_at_departure: ['cash'],
  in_kind: ['in_kind', 'voucher'],
};

/** What is left of a grant: in total and of each part, in the grant's currency. */
export function grantBalance(grant: GrantAmounts) {
  const amount = money(grant.amount);
  const cash = money(grant.cashAmount);
  const paidCash = money(grant.disbursedCash);
  const paidInKind = money(grant.disbursedInKind);
  return {
    balance: toAmount(amount.minus(paidCash).minus(paidInKind)),
    cashRemaining: toAmount(cash.minus(paidCash)),
    inKindRemaining: toAmount(amount.minus(cash).minus(paidInKind)),
  };
}

/**
 * Checks one attempted payment against a grant and works out the ledger line: its EUR equivalent,
 * what it takes off the grant, and the new totals. Refuses, with the reason, anything that would
 * take a part of the grant below zero.
 */
export function planDisbursement(
  grant: GrantAmounts,
  attempt: DisbursementAttempt,
): LedgerEntry | LedgerRefusal {
  if (!METHODS_BY_PART[attempt.part].includes(attempt.method)) {
    return {
      ok: false,
      code: 'method_not_for_part',
      path: 'body.method',
      detail: `The ${attempt.part} part is paid by ${METHODS_BY_PART[attempt.part].join(' or ')}.`,
    };
  }
  if (attempt.currency === 'EUR' && !money(attempt.rateToEur).equals(1)) {
    return {
      ok: false,
      code: 'eur_rate_not_one',
      path: 'body.rateToEur',
      detail: 'A EUR payment has rate 1.',
    };
  }
  const amountEur = convertToEur(attempt.amount, attempt.rateToEur);
  if (money(amountEur).greaterThan(MAX_AMOUNT)) {
    return {
      ok: false,
      code: 'eur_amount_too_large',
      path: 'body.rateToEur',
      detail: 'The EUR equivalent is too large.',
    };
  }
  let debit: string;
  if (attempt.currency === grant.currency) debit = toAmount(money(attempt.amount));
  else if (grant.currency === 'EUR') debit = amountEur;
  else {
    return {
      ok: false,
      code: 'currency_not_convertible',
      path: 'body.currency',
      detail: `This grant is in ${grant.currency}: pay it in ${grant.currency}.`,
    };
  }
  const remaining = grantBalance(grant);
  const left = attempt.part === 'cash_at_departure' ? remaining.cashRemaining : remaining.inKindRemaining;
  if (money(debit).greaterThan(money(left)) || money(debit).isZero()) {
    return {
      ok: false,
      code: 'exceeds_balance',
      path: 'body.amount',
      detail: money(debit).isZero()
        ? 'The payment is worth less than a cent of the grant.'
        : `Only ${left} ${grant.currency} of the ${attempt.part} part is left; this payment takes ${debit}.`,
    };
  }
  const next =
    attempt.part === 'cash_at_departure'
      ? {
          disbursedCash: toAmount(money(grant.disbursedCash).plus(debit)),
          disbursedInKind: grant.disbursedInKind,
        }
      : {
          disbursedCash: grant.disbursedCash,
          disbursedInKind: toAmount(money(grant.disbursedInKind).plus(debit)),
        };
  return { ok: true, amountEur, debit, next };
}
