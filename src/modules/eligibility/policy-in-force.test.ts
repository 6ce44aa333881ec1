import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy.js';
import { isValidOn, type PolicyVersion, policyOnDate, versionInForce } from './policy-in-force.js';

const v = (version: number, effectiveFrom: string) => ({ id: `v${version}`, version, effectiveFrom });

describe('the version in force on a date', () => {
  const versions = [v(1, '2000-01-01'), v(2, '2024-01-01'), v(3, '2023-07-01'), v(4, '2030-01-01')];
  it.each([
    ['1999-12-31', null],
    ['2000-01-01', 'v1'],
    ['2023-06-30', 'v1'],
    ['2023-07-01', 'v3'],
    // v3 was written later than v2 with an earlier effective date: from 2024 v3 still wins by number.
    ['2024-02-01', 'v3'],
    ['2030-01-01', 'v4'],
  ])('on %s: %s', (date, expected) => {
    expect(versionInForce(versions, date)?.id ?? null).toBe(expected);
  });
});

describe('dated rows', () => {
  it.each([
    [{ validFrom: null, validTo: null }, '1900-01-01', true],
    [{ validFrom: '2017-07-12', validTo: null }, '2017-07-11', false],
    [{ validFrom: '2017-07-12', validTo: null }, '2017-07-12', true],
    [{ validFrom: null, validTo: '2023-06-30' }, '2023-06-30', true],
    [{ validFrom: null, validTo: '2023-06-30' }, '2023-07-01', false],
  ])('%j on %s: %s', (row, date, expected) => {
    expect(isValidOn(row, date)).toBe(expected);
  });
});

describe('the seeded policy on a date', () => {
  const seeded: PolicyVersion = { id: 'v1', version: 1, createdBy: null, createdAt: '', ...defaultPolicy };

  it('excludes the 27 EU states always and Ukraine from 2017-07-12', () => {
    const countries = (date: string) => policyOnDate(seeded, date).returnExcluded.map((r) => r.country);
    expect(countries('2017-07-11')).toHaveLength(27);
    expect(countries('2017-07-11')).not.toContain('UA');
    expect(countries('2017-07-12')).toContain('UA');
  });

  it('excludes the eight countries from reintegration only until 2023-06-30', () => {
    const reintegration = (date: string) =>
      policyOnDate(seeded, date).reintegrationExcluded.map((r) => r.country);
    expect(reintegration('2023-06-30').sort()).toEqual(['BY', 'DZ', 'EG', 'LB', 'MA', 'MN', 'TN', 'TR']);
    expect(reintegration('2023-07-01')).toEqual([]);
  });

  it('applies the 2017 budget from 2017-07-01, keeps undated tariffs aside and the rule years at 5', () => {
    expect(policyOnDate(seeded, '2017-06-30').tariffs.inkind_budget_adult).toBeUndefined();
    const on = policyOnDate(seeded, '2024-01-01');
    expect(on.tariffs.inkind_budget_adult?.amount).toBe('1800.00');
    expect(on.tariffs.medical_budget?.amount).toBeNull();
    expect(on.undatedTariffs.sort()).toEqual(['post_arrival_assistance', 'reintegration_in_kind']);
    expect(on.previousDepartureYears).toBe(5);
    expect(policyOnDate(seeded, '2021-12-31').ukraineThirdCountryException).toBe(false);
    expect(on.ukraineThirdCountryException).toBe(true);
  });
});
