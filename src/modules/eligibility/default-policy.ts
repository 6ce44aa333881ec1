// The first policy of every mission: the public figures of the Dutch return programme
// (shared/reference/rean-rules.md). Anything the sources do not give is left unknown, not guessed.
import type { CountryRule, Parameter, Tariff } from './policy-in-force.js';

/** The EU member states (ISO 3166-1 alpha-2). */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;

/** Nationals excluded from the standard reintegration packages until July 2023. */
export const REINCLUDED_2023_07 = ['DZ', 'BY', 'EG', 'LB', 'MA', 'MN', 'TN', 'TR'] as const;

/** The date from which the first version applies: before any rule the sources date. */
export const DEFAULT_EFFECTIVE_FROM = '2000-01-01';

const countryRules: CountryRule[] = [
  ...EU_MEMBER_STATES.map(
    (country): CountryRule => ({
      list: 'return_excluded',
      country,
      validFrom: null,
      validTo: null,
      note: 'EU member state',
    }),
  ),
  { list: 'return_excluded', country: 'UA', validFrom: '2017-07-12', validTo: null, note: 'Ukraine' },
  ...REINCLUDED_2023_07.map(
    (country): CountryRule => ({
      list: 'reintegration_excluded',
      country,
      validFrom: null,
      validTo: '2023-06-30',
      note: 'Again eligible for the standard reintegration packages from 2023-07-01',
    }),
  ),
];

const tariff = (item: Tariff['item'], fields: Partial<Tariff>): Tariff => ({
  item,
  amount: null,
  currency: 'EUR',
  basis: 'fixed',
  validFrom: null,
  validTo: null,
  startUnknown: false,
  note: '',
  ...fields,
});

// The post-arrival and in-kind reintegration amounts start "on a later 2 September, year unknown":
// they stay unapplied until an administrator dates them, rather than being applied to every date.
const LATER_PACKAGE = 'From a 2 September after 2017; the year is not known';

const tariffs: Tariff[] = [
  tariff('return_allowance_adult', {
    amount: '200.00',
    basis: 'minimum',
    note: 'Per adult or unaccompanied minor, paid in cash (older tariff)',
  }),
  tariff('return_allowance_child', { amount: '40.00', basis: 'minimum', note: 'Per child (older tariff)' }),
  tariff('inkind_budget_adult', { amount: '1800.00', basis: 'maximum', validFrom: '2017-07-01' }),
  tariff('inkind_budget_minor_with_family', { amount: '2800.00', basis: 'maximum', validFrom: '2017-07-01' }),
  tariff('inkind_budget_unaccompanied_minor', {
    amount: '2800.00',
    basis: 'maximum',
    validFrom: '2017-07-01',
  }),
  tariff('cash_part_cap', {
    amount: '300.00',
    basis: 'maximum',
    validFrom: '2017-07-01',
    note: 'Paid at the airport; the rest of the budget in kind',
  }),
  tariff('post_arrival_assistance', { amount: '615.00', startUnknown: true, note: LATER_PACKAGE }),
  tariff('reintegration_in_kind', { amount: '2000.00', startUnknown: true, note: LATER_PACKAGE }),
  tariff('medical_budget', { amount: null, note: 'A limited budget for medical expenses; amount unknown' }),
];

const parameters: Parameter[] = [
  {
    key: 'previous_departure_years',
    value: '5',
    validFrom: null,
    validTo: null,
    note: 'No assisted departure in the last 5 years',
  },
  {
    key: 'ukraine_third_country_exception',
    value: 'true',
    validFrom: '2022-01-01',
    validTo: null,
    note: 'Third-country nationals who fled Ukraine are eligible; the sources say "since 2022" without a day',
  },
];

/** The rows of the first policy version of a mission. */
export const defaultPolicy = {
  effectiveFrom: DEFAULT_EFFECTIVE_FROM,
  note: 'Initial policy from the public figures of the return programme',
  countryRules,
  tariffs,
  parameters,
};
