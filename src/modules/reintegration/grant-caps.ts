import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseGroupMembers } from '../cases/schema.js';
import { type PolicyOnDate, policyOnDate } from '../eligibility/policy-in-force.js';
import { loadPolicyInForce } from '../eligibility/policy-store.js';
import type { TariffItem } from '../eligibility/schema.js';
import { persons } from '../persons/schema.js';
import { money, toAmount } from './money.js';
import type { GrantType } from './schema.js';

/** The limits a new grant is checked against, in one currency, and where they came from. */
export interface GrantCaps {
  currency: string;
  /** The most of a grant that may be paid in cash at departure; null: no cash part allowed. */
  cashPart: string | null;
  /** The most a grant of this type may be; null: no known limit. */
  total: string | null;
  /** Recorded on the grant so the check can be reproduced ("policy v3 on 2026-05-01"). */
  source: string;
}

/** One person travelling on the case, as the tariffs distinguish them. */
export interface Traveller {
  minor: boolean;
}

/**
 * The published figures in force since 2017-07-01 (at most EUR 300 in cash and EUR 2,800 in kind
 * per grant), for a mission whose policy tables have no version in force.
 */
export function defaultGrantCaps(type: GrantType): GrantCaps {
  return {
    currency: 'EUR',
    cashPart: '300.00',
    total: type === 'economic' ? '2800.00' : null,
    source: 'default configuration (2017-07-01 figures)',
  };
}

/**
 * The caps of a grant from the tariffs in force: the in-kind budget and the cash part are per
 * person, so a family's grant may be as large as the sum of its members' budgets (an unaccompanied
 * minor has a budget of their own). A medical grant's total is the medical_budget tariff, unknown
 * so far; partner grants have no total cap of the mission's own. A missing amount means no known cap.
 */
export function grantCapsFromPolicy(options: {
  policy: PolicyOnDate;
  type: GrantType;
  travellers: readonly Traveller[];
  unaccompaniedMinor: boolean;
}): GrantCaps {
  const { policy, type, unaccompaniedMinor } = options;
  const travellers = options.travellers.length > 0 ? options.travellers : [{ minor: false }];
  const amountOf = (item: TariffItem) => policy.tariffs[item]?.amount ?? null;
  const perPerson = (item: (t: Traveller) => TariffItem) => {
    const amounts = travellers.map((traveller) => amountOf(item(traveller)));
    if (amounts.some((amount) => amount === null)) return null;
    return toAmount(amounts.reduce((sum, amount) => sum.plus(amount!), money('0')));
  };
  const budgetItem = (traveller: Traveller): TariffItem =>
    !traveller.minor
      ? 'inkind_budget_adult'
      : unaccompaniedMinor
        ? 'inkind_budget_unaccompanied_minor'
        : 'inkind_budget_minor_with_family';
  const total =
    type === 'economic' ? perPerson(budgetItem) : type === 'medical' ? amountOf('medical_budget') : null;
  return {
    currency: policy.tariffs.cash_part_cap?.currency ?? 'EUR',
    cashPart: perPerson(() => 'cash_part_cap'),
    total,
    source: `policy v${policy.version} on ${policy.date}`,
  };
}

function isMinorOn(dateOfBirth: string | null, date: string): boolean {
  // An unknown date of birth counts as an adult: the smaller budget, never an over-generous cap.
  if (!dateOfBirth) return false;
  const eighteenth = `${String(Number(dateOfBirth.slice(0, 4)) + 18).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return eighteenth > date;
}

/** The caps for a new grant on a case, from the mission's policy in force on `date`. */
export async function resolveGrantCaps(
  db: Executor,
  options: { kase: CaseRow; type: GrantType; date: string },
): Promise<GrantCaps> {
  const { kase, type, date } = options;
  const version = await loadPolicyInForce(db, kase.missionId, date);
  if (!version) return defaultGrantCaps(type);
  const members = await db
    .select({ dateOfBirth: persons.dateOfBirth })
    .from(caseGroupMembers)
    .innerJoin(
      persons,
      and(eq(persons.missionId, caseGroupMembers.missionId), eq(persons.id, caseGroupMembers.personId)),
    )
    .where(
      and(eq(caseGroupMembers.missionId, kase.missionId), eq(caseGroupMembers.caseGroupId, kase.caseGroupId)),
    );
  return grantCapsFromPolicy({
    policy: policyOnDate(version, date),
    type,
    travellers: members.map((member) => ({ minor: isMinorOn(member.dateOfBirth, date) })),
    unaccompaniedMinor: kase.vulnerabilities.includes('unaccompanied_minor'),
  });
}
