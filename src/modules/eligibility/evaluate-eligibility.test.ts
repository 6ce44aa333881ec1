import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy.js';
import { type EligibilityInputs, evaluateEligibility, yearsBefore } from './evaluate-eligibility.js';
import { type PolicyVersion, policyOnDate } from './policy-in-force.js';

const seeded: PolicyVersion = {
  id: 'v1',
  version: 1,
  createdBy: null,
  createdAt: '2024-01-01T00:00:00Z',
  ...defaultPolicy,
};

type PersonInput = EligibilityInputs['persons'][number];

function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    id: 'p1',
    displayName: 'Youssef Amrani',
    dateOfBirth: '1990-05-01',
    nationalities: ['MA'],
    residencePermits: [],
    travelDocuments: [{ kind: 'passport', validUntil: '2030-01-01' }],
    earlierDepartures: [],
    ...overrides,
  };
}

function evaluate(date: string, persons: PersonInput[], extra: Partial<EligibilityInputs> = {}) {
  const inputs: EligibilityInputs = {
    caseId: 'c1',
    vulnerabilities: [],
    persons,
    declarations: { agreesToEndProcedure: true },
    ...extra,
  };
  return evaluateEligibility(inputs, policyOnDate(seeded, date), date);
}

const codes = (result: ReturnType<typeof evaluate>) => result.reasons.map((r) => r.code);
const departure = (departedOn: string, match: 'same_person' | 'similar_person' = 'same_person') => ({
  caseId: 'old',
  reference: 'AVRR-2020-000001',
  departedOn,
  match,
  matchedPersonId: 'p1',
});

describe('eligibility across dates and nationalities', () => {
  it.each([
    ['a Moroccan national before July 2023', 'MA', '2023-06-30', 'eligible_return'],
    ['a Moroccan national from July 2023', 'MA', '2023-07-01', 'eligible_return_and_reintegration'],
    ['a Tunisian national before July 2023', 'TN', '2022-01-15', 'eligible_return'],
    ['a Turkish national after July 2023', 'TR', '2024-03-01', 'eligible_return_and_reintegration'],
    ['an Iraqi national at any date', 'IQ', '2019-01-01', 'eligible_return_and_reintegration'],
    ['a German (EU) national', 'DE', '2024-03-01', 'ineligible'],
    ['a Ukrainian national before 2017-07-12', 'UA', '2017-07-11', 'eligible_return_and_reintegration'],
    ['a Ukrainian national from 2017-07-12', 'UA', '2017-07-12', 'ineligible'],
    ['a Ukrainian national in 2024', 'UA', '2024-01-10', 'ineligible'],
  ])('%s (%s on %s): %s', (_label, nationality, date, outcome) => {
    expect(evaluate(date, [person({ nationalities: [nationality] })]).outcome).toBe(outcome);
  });

  it('explains the Moroccan refusal of reintegration in English and Dutch', () => {
    const result = evaluate('2023-06-30', [person()]);
    const reason = result.reasons.find((r) => r.code === 'reintegration_excluded');
    expect(reason?.message.en).toContain('Morocco');
    expect(reason?.message.nl).toContain('Marokko');
    expect(result.persons[0]).toMatchObject({ returnEligible: true, reintegrationEligible: false });
  });

  it('gives the EU refusal with the country named', () => {
    const result = evaluate('2024-03-01', [person({ nationalities: ['NL'] })]);
    expect(codes(result)).toContain('nationality_excluded');
    expect(result.reasons.find((r) => r.code === 'nationality_excluded')?.message.en).toContain(
      'Netherlands',
    );
    expect(result.totals).toEqual([]);
  });

  it('excludes a dual national when one nationality is an EU state', () => {
    expect(evaluate('2024-03-01', [person({ nationalities: ['MA', 'FR'] })]).outcome).toBe('ineligible');
  });
});

describe('the 5-year rule', () => {
  it.each([
    ['4 years ago', '2020-06-01', 'ineligible'],
    ['6 years ago', '2018-06-01', 'eligible_return_and_reintegration'],
    ['exactly 5 years ago (outside the window)', '2019-06-01', 'eligible_return_and_reintegration'],
    ['a day less than 5 years ago', '2019-06-02', 'ineligible'],
    ['after the decision date', '2024-07-01', 'eligible_return_and_reintegration'],
  ])('an earlier departure %s → %s', (_label, departedOn, outcome) => {
    const result = evaluate('2024-06-01', [
      person({ nationalities: ['IQ'], earlierDepartures: [departure(departedOn)] }),
    ]);
    expect(result.outcome).toBe(outcome);
  });

  it('refuses on a departure of a very similar person, saying so', () => {
    const result = evaluate('2024-06-01', [
      person({ nationalities: ['IQ'], earlierDepartures: [departure('2022-01-01', 'similar_person')] }),
    ]);
    expect(result.outcome).toBe('ineligible');
    expect(result.reasons.find((r) => r.effect === 'refuses_return')?.message.en).toContain(
      'very similar name',
    );
  });

  it('reads the years from the policy parameter', () => {
    const sevenYears: PolicyVersion = {
      ...seeded,
      parameters: seeded.parameters.map((p) =>
        p.key === 'previous_departure_years' ? { ...p, value: '7' } : p,
      ),
    };
    const inputs: EligibilityInputs = {
      caseId: 'c1',
      vulnerabilities: [],
      persons: [person({ nationalities: ['IQ'], earlierDepartures: [departure('2018-06-01')] })],
      declarations: {},
    };
    expect(evaluateEligibility(inputs, policyOnDate(sevenYears, '2024-06-01'), '2024-06-01').outcome).toBe(
      'ineligible',
    );
  });

  it('computes the window start on leap days', () => {
    expect(yearsBefore('2024-02-29', 5)).toBe('2019-02-28');
  });
});

describe('amounts', () => {
  it('gives a family the allowance and in-kind budget per person, summed exactly', () => {
    const result = evaluate('2024-06-01', [
      person({ id: 'a', nationalities: ['IQ'] }),
      person({ id: 'c', displayName: 'Sami', dateOfBirth: '2015-01-01', nationalities: ['IQ'] }),
    ]);
    expect(result.persons.map((p) => p.category)).toEqual(['adult', 'child']);
    expect(result.persons[0]!.amounts.map((a) => [a.item, a.amount])).toEqual([
      ['return_allowance_adult', '200.00'],
      ['inkind_budget_adult', '1800.00'],
      ['cash_part_cap', '300.00'],
    ]);
    expect(result.persons[1]!.amounts.map((a) => [a.item, a.amount])).toEqual([
      ['return_allowance_child', '40.00'],
      ['inkind_budget_minor_with_family', '2800.00'],
      ['cash_part_cap', '300.00'],
    ]);
    // 200 + 1800 + 40 + 2800; the cash part is inside the budget and the later package is undated.
    expect(result.totals).toEqual([{ currency: 'EUR', amount: '4840.00' }]);
    expect(codes(result)).toContain('tariff_undated');
  });

  it('treats a minor on an unaccompanied-minor case as unaccompanied', () => {
    const result = evaluate('2024-06-01', [person({ dateOfBirth: '2008-09-01', nationalities: ['AF'] })], {
      vulnerabilities: ['unaccompanied_minor'],
    });
    expect(result.persons[0]!.category).toBe('unaccompanied_minor');
    expect(result.persons[0]!.amounts.map((a) => a.item)).toContain('inkind_budget_unaccompanied_minor');
  });

  it('shows the unknown medical budget as unknown, not as a number', () => {
    const result = evaluate('2024-06-01', [person({ nationalities: ['IQ'] })], {
      vulnerabilities: ['health_needs'],
    });
    expect(result.persons[0]!.amounts.find((a) => a.item === 'medical_budget')?.amount).toBeNull();
    expect(codes(result)).toContain('amount_unknown');
  });
});

describe('application conditions', () => {
  it.each([
    [{ canPayOwnDeparture: true }, 'can_pay_own_departure'],
    [{ agreesToEndProcedure: false }, 'procedure_not_ended'],
    [{ governmentObjection: true }, 'government_objection'],
    [{ dublinClaimant: true }, 'dublin_claimant'],
    [{ intendsToLeavePermanently: false }, 'not_leaving_permanently'],
  ])('%j refuses with %s', (declarations, code) => {
    const result = evaluate('2024-06-01', [person({ nationalities: ['IQ'] })], { declarations });
    expect(result.outcome).toBe('ineligible');
    expect(codes(result)).toContain(code);
  });

  it('notes a missing travel document, and refuses only when none can be obtained', () => {
    const noDocs = person({ nationalities: ['IQ'], travelDocuments: [] });
    expect(codes(evaluate('2024-06-01', [noDocs]))).toContain('travel_document_to_obtain');
    expect(evaluate('2024-06-01', [noDocs]).outcome).not.toBe('ineligible');
    const refused = evaluate('2024-06-01', [noDocs], { declarations: { travelDocumentObtainable: false } });
    expect(codes(refused)).toContain('travel_document_unobtainable');
    expect(refused.outcome).toBe('ineligible');
  });

  it('lets a third-country national who fled Ukraine through despite a Ukrainian permit, from 2022', () => {
    const fled = person({ nationalities: ['NG'], residencePermits: [{ country: 'UA', validUntil: null }] });
    const declarations = { agreesToEndProcedure: true, fledUkraine: true };
    expect(evaluate('2023-01-10', [fled], { declarations }).outcome).toBe(
      'eligible_return_and_reintegration',
    );
    expect(evaluate('2021-06-01', [fled], { declarations }).outcome).toBe('ineligible');
    expect(evaluate('2023-01-10', [fled]).outcome).toBe('ineligible');
  });
});
