import { and, desc, eq, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { inSequence } from '../../platform/db/in-sequence.js';
import { notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { defaultPolicy } from './default-policy.js';
import {
  type CountryRule,
  type Parameter,
  type PolicyVersion,
  type Tariff,
  versionInForce,
} from './policy-in-force.js';
import {
  type PolicyVersionRow,
  policyCountryRules,
  policyParameters,
  policyTariffs,
  policyVersions,
} from './schema.js';

/** What a new version holds: every row, not a difference, so each version stands on its own. */
export interface PolicyVersionInput {
  effectiveFrom: string;
  note: string;
  countryRules: CountryRule[];
  tariffs: Tariff[];
  parameters: Parameter[];
}

/** The mission's policy versions without their rows, newest first. */
export async function listPolicyVersionHeaders(db: Executor, missionId: string): Promise<PolicyVersionRow[]> {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.missionId, missionId))
    .orderBy(desc(policyVersions.version));
}

/** One version with all its rows; 404 when the mission has no such version. */
export async function loadPolicyVersion(
  db: Executor,
  missionId: string,
  versionId: string,
): Promise<PolicyVersion> {
  const [header] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.missionId, missionId), eq(policyVersions.id, versionId)));
  if (!header) throw notFound('Policy version');
  const byVersion = (table: typeof policyCountryRules | typeof policyTariffs | typeof policyParameters) =>
    and(eq(table.missionId, missionId), eq(table.versionId, versionId));
  const [rules, tariffs, parameters] = await inSequence([
    db
      .select()
      .from(policyCountryRules)
      .where(byVersion(policyCountryRules))
      .orderBy(policyCountryRules.list, policyCountryRules.country),
    db
      .select()
      .from(policyTariffs)
      .where(byVersion(policyTariffs))
      .orderBy(policyTariffs.item, policyTariffs.validFrom),
    db.select().from(policyParameters).where(byVersion(policyParameters)).orderBy(policyParameters.key),
  ]);
  return {
    id: header.id,
    version: header.version,
    effectiveFrom: header.effectiveFrom,
    note: header.note,
    createdBy: header.createdBy,
    createdAt: header.createdAt,
    countryRules: rules.map(({ list, country, validFrom, validTo, note }) => ({
      list,
      country,
      validFrom,
      validTo,
      note,
    })),
    tariffs: tariffs.map(({ item, amount, currency, basis, validFrom, validTo, startUnknown, note }) => ({
      item,
      amount,
      currency,
      basis,
      validFrom,
      validTo,
      startUnknown,
      note,
    })),
    parameters: parameters.map(({ key, value, validFrom, validTo, note }) => ({
      key,
      value,
      validFrom,
      validTo,
      note,
    })),
  };
}

/** The version in force on `date` with its rows, or null when the mission has none that early. */
export async function loadPolicyInForce(
  db: Executor,
  missionId: string,
  date: string,
): Promise<PolicyVersion | null> {
  const header = versionInForce(await listPolicyVersionHeaders(db, missionId), date);
  return header ? loadPolicyVersion(db, missionId, header.id) : null;
}

/** Writes a new version with the next number; older versions are left exactly as they were. */
export async function writePolicyVersion(
  db: Executor,
  options: { missionId: string; createdBy: string | null; now: Date; input: PolicyVersionInput },
): Promise<PolicyVersionRow> {
  const { missionId, input } = options;
  const [latest] = await db
    .select({ version: max(policyVersions.version) })
    .from(policyVersions)
    .where(eq(policyVersions.missionId, missionId));
  const id = newId();
  // Two administrators saving at once would pick the same number: the unique key refuses the second.
  const [header] = await db
    .insert(policyVersions)
    .values({
      missionId,
      id,
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: input.effectiveFrom,
      note: input.note,
      createdBy: options.createdBy,
      createdAt: options.now,
    })
    .returning();
  const owned = { missionId, versionId: id };
  if (input.countryRules.length > 0) {
    await db
      .insert(policyCountryRules)
      .values(input.countryRules.map((row) => ({ ...owned, id: newId(), ...row })));
  }
  if (input.tariffs.length > 0) {
    await db.insert(policyTariffs).values(input.tariffs.map((row) => ({ ...owned, id: newId(), ...row })));
  }
  if (input.parameters.length > 0) {
    await db
      .insert(policyParameters)
      .values(input.parameters.map((row) => ({ ...owned, id: newId(), ...row })));
  }
  return header!;
}

/** Gives a new mission its first policy version, from the programme's published figures. */
export async function seedMissionPolicy(db: Executor, missionId: string): Promise<void> {
  await writePolicyVersion(db, { missionId, createdBy: null, now: new Date(), input: defaultPolicy });
}
