import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eurCentsByIntegers } from './eur-cents-model.js';
import { convertToEur } from './money.js';

const centsText = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

describe('convertToEur', () => {
  it.each([
    ['100.00', '1', '100.00'],
    ['300', '1.000000', '300.00'],
    ['1000000.00', '0.000685', '685.00'],
    ['12.34', '1.085432', '13.39'], // 13.39423...
    ['0.01', '0.5', '0.01'], // exactly half a cent rounds up
    ['0.03', '0.5', '0.02'], // 0.015 rounds up
    ['0.01', '0.499999', '0.00'], // just under half a cent
    ['999999999999.99', '999999999999.999999', '999999999999989999000000.00'],
    ['250.55', '0.000001', '0.00'],
  ])('%s at %s is EUR %s', (amount, rate, expected) => {
    expect(convertToEur(amount, rate)).toBe(expected);
  });

  it('agrees to the cent with an integer-cents computation for any amount and rate', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
      .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
    const rate = fc
      .tuple(fc.bigInt({ min: 0n, max: 999_999n }), fc.integer({ min: 0, max: 999_999 }))
      .map(([units, micro]) => `${units}.${String(micro).padStart(6, '0')}`);
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        expect(convertToEur(a, r)).toBe(centsText(eurCentsByIntegers(a, r)));
      }),
      { numRuns: 2000 },
    );
  });
});
