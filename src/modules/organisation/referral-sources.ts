import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { CreateReferralSource, UpdateReferralSource } from './organisation-schemas.js';
import { referralSources } from './schema.js';

/** The referral sources every new mission starts with; administrators may add, rename and retire them. */
export const defaultReferralSources = [
  { code: 'return_service', labelEn: 'Return service (DT&V)', labelNl: 'Dienst Terugkeer en Vertrek (DT&V)' },
  {
    code: 'reception_agency',
    labelEn: 'Reception agency (COA)',
    labelNl: 'Centraal Orgaan opvang asielzoekers (COA)',
  },
  { code: 'police', labelEn: 'Police', labelNl: 'Politie' },
  { code: 'shelter', labelEn: 'Shelter', labelNl: 'Opvang' },
  { code: 'ngo', labelEn: 'NGO', labelNl: 'Ngo' },
  { code: 'self', labelEn: 'Self-referral', labelNl: 'Zelfmelder' },
  { code: 'other', labelEn: 'Other', labelNl: 'Anders' },
];

/** The mission's referral sources in their display order. */
export function listReferralSources(db: Executor, missionId: string) {
  return db
    .select()
    .from(referralSources)
    .where(eq(referralSources.missionId, missionId))
    .orderBy(asc(referralSources.sortOrder), asc(referralSources.code));
}

/** True when the code names an active referral source of the mission. */
export async function isActiveReferralSource(
  db: Executor,
  missionId: string,
  code: string,
): Promise<boolean> {
  const [row] = await db
    .select({ active: referralSources.active })
    .from(referralSources)
    .where(and(eq(referralSources.missionId, missionId), eq(referralSources.code, code)));
  return row?.active === true;
}

/** Adds a referral source to the mission's list. */
export async function createReferralSource(ctx: ServiceContext, input: CreateReferralSource) {
  const existing = await listReferralSources(ctx.tx, ctx.actor.missionId);
  if (existing.some((row) => row.code === input.code))
    throw conflict(`Referral source "${input.code}" exists.`);
  const [row] = await ctx.tx
    .insert(referralSources)
    .values({ missionId: ctx.actor.missionId, ...input, sortOrder: existing.length })
    .returning();
  await recordAudit(ctx, {
    action: 'referral_source.create',
    recordType: 'referral_source',
    recordId: input.code,
    after: row,
  });
  return row!;
}

/** Renames, retires or re-activates a referral source. */
export async function updateReferralSource(ctx: ServiceContext, code: string, input: UpdateReferralSource) {
  const where = and(eq(referralSources.missionId, ctx.actor.missionId), eq(referralSources.code, code));
  const [before] = await ctx.tx.select().from(referralSources).where(where);
  if (!before) throw notFound('Referral source');
  const [after] = await ctx.tx.update(referralSources).set(input).where(where).returning();
  await recordAudit(ctx, {
    action: 'referral_source.update',
    recordType: 'referral_source',
    recordId: code,
    before,
    after,
  });
  return after!;
}
