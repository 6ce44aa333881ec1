import { describe, expect, it } from 'vitest';
import type { PolicyOnDate, Tariff } from '../eligibility/policy-in-force.js';
import type { TariffItem } from '../eligibility/schema.js';
import { grantCapsFromPolicy, type Traveller } from './grant-caps.js';

const tariff = (item: TariffItem, amount: string | null): Tariff => ({
  item,
  amount,
  currency: 'EUR',
  basis: 'maximum',
  validFrom: '2017-07-01',
  validTo: null,
  startUnknown: false,
  note: '',
});

const policy: PolicyOnDate = {
  versionId: 'v',
  version: 3,
  date: '2026-05-01',
  returnExcluded: [],
  reintegrationExcluded: [],
  tariffs: {
    inkind_budget_adult: tariff('inkind_budget_adult', '1800.00'),
    inkind_budget_minor_with_family: tariff('inkind_budget_minor_with_family', '2800.00'),
    inkind_budget_unaccompanied_minor: tariff('inkind_budget_unaccompanied_minor', '2800.00'),
    cash_part_cap: tariff('cash_part_cap', '300.00'),
    medical_budget: tariff('medical_budget', null),
  },
  undatedTariffs: [],
  previousDepartureYears: 5,
  ukraineThirdCountryException: true,
};

const adult: Traveller = { minor: false };
const child: Traveller = { minor: true };

describe('grantCapsFromPolicy', () => {
  it.each<
    [string, Parameters<typeof grantCapsFromPolicy>[0], { cashPart: string | null; total: string | null }]
  >([
    [
      'one adult, economic',
      { policy, type: 'economic', travellers: [adult], unaccompaniedMinor: false },
      { cashPart: '300.00', total: '1800.00' },
    ],
    [
      'two adults and two children, economic',
      { policy, type: 'economic', travellers: [adult, adult, child, child], unaccompaniedMinor: false },
      { cashPart: '1200.00', total: '9200.00' },
    ],
    [
      'an unaccompanied minor',
      { policy, type: 'economic', travellers: [child], unaccompaniedMinor: true },
      { cashPart: '300.00', total: '2800.00' },
    ],
    [
      'medical: amount unknown, no total cap',
      { policy, type: 'medical', travellers: [adult], unaccompaniedMinor: false },
      { cashPart: '300.00', total: null },
    ],
    [
      'partner NGO: no total cap',
      { policy, type: 'partner_ngo', travellers: [adult], unaccompaniedMinor: false },
      { cashPart: '300.00', total: null },
    ],
    [
      'nobody in the group counts as one adult',
      { policy, type: 'economic', travellers: [], unaccompaniedMinor: false },
      { cashPart: '300.00', total: '1800.00' },
    ],
    [
      'a missing cash tariff allows no cash',
      {
        policy: { ...policy, tariffs: { ...policy.tariffs, cash_part_cap: undefined } },
        type: 'economic',
        travellers: [adult],
        unaccompaniedMinor: false,
      },
      { cashPart: null, total: '1800.00' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(grantCapsFromPolicy(input)).toEqual({
      currency: 'EUR',
      ...expected,
      source: 'policy v3 on 2026-05-01',
    });
  });
});
