import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eurCentsByIntegers } from './eur-cents-model.js';
import {
  type DisbursementAttempt,
  type GrantAmounts,
  grantBalance,
  planDisbursement,
} from './grant-ledger.js';
import type { DisbursementMethod, GrantPart } from './schema.js';

const cents = (text: string) => {
  const [units, fraction = ''] = text.split('.');
  return BigInt(units!) * 100n + BigInt(fraction.padEnd(2, '0'));
};
const centsText = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;

const grant = (overrides: Partial<GrantAmounts> = {}): GrantAmounts => ({
  currency: 'EUR',
  amount: '1800.00',
  cashAmount: '300.00',
  disbursedCash: '0.00',
  disbursedInKind: '0.00',
  ...overrides,
});
const attempt = (overrides: Partial<DisbursementAttempt> = {}): DisbursementAttempt => ({
  part: 'in_kind',
  method: 'in_kind',
  currency: 'EUR',
  amount: '100.00',
  rateToEur: '1',
  ...overrides,
});

describe('planDisbursement', () => {
  it.each<[string, Partial<GrantAmounts>, Partial<DisbursementAttempt>, string]>([
    ['cash part paid in kind', {}, { part: 'cash_at_departure', method: 'in_kind' }, 'method_not_for_part'],
    ['in-kind part paid in cash', {}, { part: 'in_kind', method: 'cash' }, 'method_not_for_part'],
    ['EUR at a rate other than 1', {}, { rateToEur: '1.1' }, 'eur_rate_not_one'],
    [
      'USD grant paid in IQD',
      { currency: 'USD' },
      { currency: 'IQD', rateToEur: '0.000700' },
      'currency_not_convertible',
    ],
    [
      'cash over the cash part',
      {},
      { part: 'cash_at_departure', method: 'cash', amount: '300.01' },
      'exceeds_balance',
    ],
    ['in kind over the in-kind part', {}, { amount: '1500.01' }, 'exceeds_balance'],
    [
      'worth less than a cent',
      {},
      { currency: 'IQD', amount: '1.00', rateToEur: '0.000700' },
      'exceeds_balance',
    ],
    [
      'absurd rate',
      { currency: 'IQD' },
      { currency: 'IQD', amount: '1000000', rateToEur: '999999999' },
      'eur_amount_too_large',
    ],
  ])('refuses %s', (_name, grantOverrides, attemptOverrides, code) => {
    const outcome = planDisbursement(grant(grantOverrides), attempt(attemptOverrides));
    expect(outcome).toMatchObject({ ok: false, code });
  });

  it.each<[string, Partial<GrantAmounts>, Partial<DisbursementAttempt>, string, string]>([
    [
      'the whole cash part',
      {},
      { part: 'cash_at_departure', method: 'cash', amount: '300' },
      '300.00',
      '300.00',
    ],
    [
      'IQD off a EUR grant at its EUR value',
      {},
      { currency: 'IQD', amount: '1000000', rateToEur: '0.000685', method: 'voucher' },
      '685.00',
      '685.00',
    ],
    [
      'IQD off an IQD grant at face value',
      { currency: 'IQD', amount: '2000000', cashAmount: '0' },
      { currency: 'IQD', amount: '1000000', rateToEur: '0.000685' },
      '1000000.00',
      '685.00',
    ],
  ])('accepts %s', (_name, grantOverrides, attemptOverrides, debit, amountEur) => {
    const outcome = planDisbursement(grant(grantOverrides), attempt(attemptOverrides));
    expect(outcome).toMatchObject({ ok: true, debit, amountEur });
  });

  it('keeps balance = grant − sum of accepted debits, never below zero, for any sequence of attempts', () => {
    const parts: GrantPart[] = ['cash_at_departure', 'in_kind'];
    const methods: DisbursementMethod[] = ['cash', 'in_kind', 'voucher'];
    const amountText = fc.integer({ min: 1, max: 200_000 }).map((c) => centsText(BigInt(c)));
    const attemptArb = fc.record({
      part: fc.constantFrom(...parts),
      method: fc.constantFrom(...methods),
      foreign: fc.boolean(),
      amount: amountText,
      microRate: fc.integer({ min: 1, max: 3_000_000 }),
    });
    const grantArb = fc
      .tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 30_000 }))
      .map(([total, cash]) => ({ total: BigInt(total), cash: BigInt(Math.min(cash, total)) }));
    fc.assert(
      fc.property(grantArb, fc.array(attemptArb, { maxLength: 25 }), ({ total, cash }, attempts) => {
        let state = grant({ amount: centsText(total), cashAmount: centsText(cash) });
        let paidCash = 0n;
        let paidInKind = 0n;
        for (const a of attempts) {
          const rate = a.foreign
            ? `${Math.floor(a.microRate / 1e6)}.${String(a.microRate % 1e6).padStart(6, '0')}`
            : '1';
          const request = attempt({
            part: a.part,
            method: a.method,
            currency: a.foreign ? 'USD' : 'EUR',
            amount: a.amount,
            rateToEur: rate,
          });
          const outcome = planDisbursement(state, request);
          // The independent model: the EUR value in integer cents, and what each part has left.
          const eur = eurCentsByIntegers(a.amount, rate);
          const left = a.part === 'cash_at_departure' ? cash - paidCash : total - cash - paidInKind;
          const methodFits = a.part === 'cash_at_departure' ? a.method === 'cash' : a.method !== 'cash';
          const shouldPass = methodFits && eur > 0n && eur <= left;
          expect(outcome.ok).toBe(shouldPass);
          if (!outcome.ok) continue;
          expect(outcome.amountEur).toBe(centsText(eur));
          expect(outcome.debit).toBe(centsText(eur));
          if (a.part === 'cash_at_departure') paidCash += eur;
          else paidInKind += eur;
          state = { ...state, ...outcome.next };
          const balance = grantBalance(state);
          expect(cents(balance.balance)).toBe(total - paidCash - paidInKind);
          expect(cents(balance.cashRemaining) >= 0n).toBe(true);
          expect(cents(balance.inKindRemaining) >= 0n).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
