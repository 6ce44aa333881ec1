// The eligibility decision as a pure function of the case's facts, the policy and a date.
import { Decimal as DecimalJs } from 'decimal.js';
import type { EligibilityReason } from './eligibility-reasons.js';
import { reasons } from './eligibility-reasons.js';
import { isValidOn, type PolicyOnDate } from './policy-in-force.js';
import type { AmountBasis, EligibilityOutcome, TariffItem } from './schema.js';

/** An earlier assisted departure found for a person (the same person, or a very similar one). */
export interface EarlierDeparture {
  caseId: string;
  reference: string;
  departedOn: string;
  match: 'same_person' | 'similar_person';
  matchedPersonId: string;
}

/** What the officer states about the application; undefined means not recorded yet. */
export interface Declarations {
  canPayOwnDeparture?: boolean;
  intendsToLeavePermanently?: boolean;
  agreesToEndProcedure?: boolean;
  governmentObjection?: boolean;
  dublinClaimant?: boolean;
  travelDocumentObtainable?: boolean;
  fledUkraine?: boolean;
}

/** Everything the decision reads, stored with it so it can be reproduced. */
export interface EligibilityInputs {
  caseId: string;
  vulnerabilities: string[];
  persons: {
    id: string;
    displayName: string;
    dateOfBirth: string | null;
    nationalities: string[];
    residencePermits: { country: string; validUntil: string | null }[];
    travelDocuments: { kind: string; validUntil: string | null }[];
    earlierDepartures: EarlierDeparture[];
  }[];
  declarations: Declarations;
}

export type PersonCategory = 'adult' | 'child' | 'unaccompanied_minor';

/** One amount a person may receive; additive false for caps inside another amount. */
export interface AmountLine {
  item: TariffItem;
  amount: string | null;
  currency: string;
  basis: AmountBasis;
  additive: boolean;
}

export interface PersonResult {
  personId: string;
  displayName: string;
  category: PersonCategory;
  returnEligible: boolean;
  reintegrationEligible: boolean;
  amounts: AmountLine[];
}

export interface EligibilityResult {
  outcome: EligibilityOutcome;
  date: string;
  policyVersionId: string;
  policyVersion: number;
  reintegrationLevel: 'none' | 'partial' | 'full';
  persons: PersonResult[];
  /** Known additive amounts summed per currency. */
  totals: { currency: string; amount: string }[];
  reasons: EligibilityReason[];
}

const ADULT_AGE = 18;
// A private copy so no other module's precision settings change these sums.
const Decimal = DecimalJs.clone();

/** Age in whole years on `date` (both ISO dates). */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5, 10) < dateOfBirth.slice(5, 10) ? years - 1 : years;
}

/** The ISO date `years` years before `date` (29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const year = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const monthDay = date.slice(5, 10) === '02-29' ? '02-28' : date.slice(5, 10);
  return `${year}-${monthDay}`;
}

/** Decides eligibility for return and reintegration of every person of a case on `date`. */
export function evaluateEligibility(
  inputs: EligibilityInputs,
  policy: PolicyOnDate,
  date: string,
): EligibilityResult {
  const all: EligibilityReason[] = [];
  const add = (reason: EligibilityReason) => all.push(reason);
  const d = inputs.declarations;
  const applicationRefusals: [boolean, () => { en: string; nl: string }, string][] = [
    [d.canPayOwnDeparture === true, reasons.canPay, 'can_pay_own_departure'],
    [d.intendsToLeavePermanently === false, reasons.notPermanent, 'not_leaving_permanently'],
    [d.agreesToEndProcedure === false, reasons.procedureNotEnded, 'procedure_not_ended'],
    [d.governmentObjection === true, reasons.governmentObjection, 'government_objection'],
    [d.dublinClaimant === true, reasons.dublinClaimant, 'dublin_claimant'],
  ];
  for (const [refused, message, code] of applicationRefusals) {
    if (refused) add({ code, effect: 'refuses_return', message: message() });
  }
  if (d.agreesToEndProcedure === undefined) {
    add({ code: 'procedure_unrecorded', effect: 'note', message: reasons.procedureUnrecorded() });
  }
  const applicationRefused = all.some((r) => r.effect === 'refuses_return');
  const years = policy.previousDepartureYears;
  if (years === null)
    add({ code: 'years_rule_missing', effect: 'note', message: reasons.yearsRuleMissing() });
  const hasAdult = inputs.persons.some(
    (p) => p.dateOfBirth === null || ageOn(p.dateOfBirth, date) >= ADULT_AGE,
  );
  const unaccompanied = inputs.vulnerabilities.includes('unaccompanied_minor');

  const persons = inputs.persons.map((person): PersonResult => {
    const who = person.displayName.trim() || person.id;
    const own = (reason: Omit<EligibilityReason, 'personId'>) => add({ ...reason, personId: person.id });
    const before = all.length;
    const excludedRules = policy.returnExcluded.filter((rule) => person.nationalities.includes(rule.country));
    for (const rule of excludedRules) {
      own({
        code: 'nationality_excluded',
        effect: 'refuses_return',
        message: reasons.nationalityExcluded(who, [rule.country], rule.validFrom),
      });
    }
    if (person.nationalities.length === 0) {
      own({ code: 'nationality_unknown', effect: 'note', message: reasons.nationalityUnknown(who) });
    }
    const permits = person.residencePermits.filter(
      (permit) =>
        isValidOn({ validFrom: null, validTo: permit.validUntil }, date) &&
        policy.returnExcluded.some((rule) => rule.country === permit.country),
    );
    for (const permit of permits) {
      // Since 2022 a third-country national who fled Ukraine is not excluded by a Ukrainian permit.
      const excepted =
        permit.country === 'UA' &&
        policy.ukraineThirdCountryException &&
        d.fledUkraine === true &&
        !person.nationalities.includes('UA');
      if (excepted)
        own({ code: 'ukraine_exception', effect: 'note', message: reasons.ukraineException(who) });
      else
        own({
          code: 'permit_excluded',
          effect: 'refuses_return',
          message: reasons.permitExcluded(who, [permit.country]),
        });
    }
    if (years !== null) {
      const since = yearsBefore(date, years);
      for (const departure of person.earlierDepartures) {
        if (departure.departedOn <= since || departure.departedOn > date) continue;
        own({
          code: departure.match === 'same_person' ? 'earlier_departure' : 'earlier_departure_similar_person',
          effect: 'refuses_return',
          message: reasons.earlierDeparture(
            who,
            { ...departure, similar: departure.match === 'similar_person' },
            years,
          ),
        });
      }
    }
    const hasDocument = person.travelDocuments.some((doc) =>
      isValidOn({ validFrom: null, validTo: doc.validUntil }, date),
    );
    if (!hasDocument) {
      if (d.travelDocumentObtainable === false) {
        own({
          code: 'travel_document_unobtainable',
          effect: 'refuses_return',
          message: reasons.travelDocumentUnobtainable(who),
        });
      } else {
        own({
          code: 'travel_document_to_obtain',
          effect: 'note',
          message: reasons.travelDocumentToObtain(who),
        });
      }
    }
    const returnEligible =
      !applicationRefused && !all.slice(before).some((r) => r.effect === 'refuses_return');
    if (returnEligible)
      own({ code: 'return_allowed', effect: 'grants', message: reasons.returnAllowed(who) });

    // Reintegration goes to the country of return: only when every nationality is excluded is it refused.
    const reintegrationExcluded = person.nationalities.filter((code) =>
      policy.reintegrationExcluded.some((rule) => rule.country === code),
    );
    const reintegrationBlocked =
      person.nationalities.length > 0 && reintegrationExcluded.length === person.nationalities.length;
    if (returnEligible && reintegrationBlocked) {
      own({
        code: 'reintegration_excluded',
        effect: 'refuses_reintegration',
        message: reasons.reintegrationExcluded(who, reintegrationExcluded),
      });
    }
    const reintegrationEligible = returnEligible && !reintegrationBlocked;
    if (reintegrationEligible) {
      own({ code: 'reintegration_allowed', effect: 'grants', message: reasons.reintegrationAllowed(who) });
    }
    if (person.dateOfBirth === null) {
      own({ code: 'date_of_birth_unknown', effect: 'note', message: reasons.dateOfBirthUnknown(who) });
    }
    const minor = person.dateOfBirth !== null && ageOn(person.dateOfBirth, date) < ADULT_AGE;
    const category: PersonCategory = !minor
      ? 'adult'
      : unaccompanied || !hasAdult
        ? 'unaccompanied_minor'
        : 'child';
    return {
      personId: person.id,
      displayName: person.displayName,
      category,
      returnEligible,
      reintegrationEligible,
      amounts: amountsFor(policy, category, returnEligible, reintegrationEligible),
    };
  });

  const medical = policy.tariffs.medical_budget;
  if (inputs.vulnerabilities.includes('health_needs') && persons[0]?.reintegrationEligible && medical) {
    persons[0].amounts.push(line('medical_budget', policy, true)!);
  }
  for (const item of new Set(
    persons
      .flatMap((p) => p.amounts)
      .filter((a) => a.amount === null)
      .map((a) => a.item),
  )) {
    add({ code: 'amount_unknown', effect: 'note', message: reasons.amountUnknown(item) });
  }
  if (persons.some((p) => p.reintegrationEligible)) {
    for (const item of policy.undatedTariffs) {
      add({ code: 'tariff_undated', effect: 'note', message: reasons.undatedTariff(item) });
    }
  }
  const returnEligible = persons.length > 0 && persons.every((p) => p.returnEligible);
  const reintegrated = persons.filter((p) => p.reintegrationEligible).length;
  const reintegrationLevel =
    !returnEligible || reintegrated === 0 ? 'none' : reintegrated === persons.length ? 'full' : 'partial';
  return {
    outcome: !returnEligible
      ? 'ineligible'
      : reintegrationLevel === 'none'
        ? 'eligible_return'
        : 'eligible_return_and_reintegration',
    date,
    policyVersionId: policy.versionId,
    policyVersion: policy.version,
    reintegrationLevel,
    persons,
    totals: returnEligible ? totalsOf(persons) : [],
    reasons: all,
  };
}

function line(item: TariffItem, policy: PolicyOnDate, additive: boolean): AmountLine | null {
  const tariff = policy.tariffs[item];
  if (!tariff) return null;
  return { item, amount: tariff.amount, currency: tariff.currency, basis: tariff.basis, additive };
}

function amountsFor(
  policy: PolicyOnDate,
  category: PersonCategory,
  returnEligible: boolean,
  reintegrationEligible: boolean,
): AmountLine[] {
  const lines: (AmountLine | null)[] = [];
  if (returnEligible) {
    lines.push(
      line(category === 'child' ? 'return_allowance_child' : 'return_allowance_adult', policy, true),
    );
  }
  if (reintegrationEligible) {
    const budget: Record<PersonCategory, TariffItem> = {
      adult: 'inkind_budget_adult',
      child: 'inkind_budget_minor_with_family',
      unaccompanied_minor: 'inkind_budget_unaccompanied_minor',
    };
    lines.push(line(budget[category], policy, true));
    // The cash part is paid out of the budget above, so it caps rather than adds.
    lines.push(line('cash_part_cap', policy, false));
    lines.push(line('post_arrival_assistance', policy, true));
    if (category !== 'child') lines.push(line('reintegration_in_kind', policy, true));
  }
  return lines.filter((l): l is AmountLine => l !== null);
}

function totalsOf(persons: PersonResult[]): { currency: string; amount: string }[] {
  const sums = new Map<string, InstanceType<typeof Decimal>>();
  for (const amount of persons.flatMap((p) => p.amounts)) {
    if (!amount.additive || amount.amount === null) continue;
    sums.set(amount.currency, (sums.get(amount.currency) ?? new Decimal(0)).plus(amount.amount));
  }
  return [...sums].map(([currency, sum]) => ({ currency, amount: sum.toFixed(2) }));
}
