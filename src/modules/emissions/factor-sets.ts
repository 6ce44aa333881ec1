import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { DistanceBandFactors } from './flight-emissions.js';
import { type EmissionFactorSetRow, emissionFactorSets } from './schema.js';

/** The name of the distance-band set every mission starts with. */
export const DEFAULT_FACTOR_SET_NAME = 'UK government business travel, air (economy, with radiative forcing)';

/**
 * The factors as transcribed in the mission's reference (flight-emissions.md). The reference does
 * not name the publication year, so none is claimed; an administrator loads a dated set as a newer
 * version and new bookings use it from then on.
 */
export const DEFAULT_FACTORS: DistanceBandFactors = {
  domestic: '0.22928',
  short_haul: '0.12576',
  long_haul: '0.11704',
  international_non_uk: '0.10916',
  longHaulFromKm: 3700,
};

/**
 * The newest factor set of the mission that is not retired; the built-in one is written the first
 * time it is needed. (The last set in use cannot be retired, so there always is one once written.)
 */
export async function currentFactorSet(ctx: ServiceContext): Promise<EmissionFactorSetRow> {
  const [latest] = await ctx.tx
    .select()
    .from(emissionFactorSets)
    .where(and(eq(emissionFactorSets.missionId, ctx.actor.missionId), isNull(emissionFactorSets.retiredAt)))
    .orderBy(desc(emissionFactorSets.createdAt), desc(emissionFactorSets.version))
    .limit(1);
  if (latest) return latest;
  const [created] = await ctx.tx
    .insert(emissionFactorSets)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      name: DEFAULT_FACTOR_SET_NAME,
      year: null,
      version: 1,
      method: 'distance_band',
      factors: DEFAULT_FACTORS,
      source: 'Passage reference: flight-emissions.md (distance-band method)',
      createdBy: null,
      createdAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  // Another transaction wrote the built-in set at the same moment.
  return currentFactorSet(ctx);
}

/** Every factor set of a mission, newest first. */
export function listFactorSets(db: Executor, missionId: string): Promise<EmissionFactorSetRow[]> {
  return db
    .select()
    .from(emissionFactorSets)
    .where(eq(emissionFactorSets.missionId, missionId))
    .orderBy(desc(emissionFactorSets.createdAt), desc(emissionFactorSets.version));
}

/** Stores a newer set of factors; the version counts up per set name. */
export async function createFactorSet(
  ctx: ServiceContext,
  input: { name: string; year: number | null; factors: DistanceBandFactors; source?: string | null },
): Promise<EmissionFactorSetRow> {
  const [previous] = await ctx.tx
    .select({ version: emissionFactorSets.version })
    .from(emissionFactorSets)
    .where(
      and(eq(emissionFactorSets.missionId, ctx.actor.missionId), eq(emissionFactorSets.name, input.name)),
    )
    .orderBy(desc(emissionFactorSets.version))
    .limit(1);
  const [row] = await ctx.tx
    .insert(emissionFactorSets)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      name: input.name,
      year: input.year,
      version: (previous?.version ?? 0) + 1,
      method: 'distance_band',
      factors: input.factors,
      source: input.source ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  return row!;
}

/**
 * Retires a factor set: new bookings use the newest set still in use, past ones keep theirs. The
 * last set in use cannot be retired (load a newer one first).
 */
export async function retireFactorSet(ctx: ServiceContext, id: string): Promise<EmissionFactorSetRow> {
  const missionId = ctx.actor.missionId;
  const where = and(eq(emissionFactorSets.missionId, missionId), eq(emissionFactorSets.id, id));
  const [set] = await ctx.tx.select().from(emissionFactorSets).where(where).for('update');
  if (!set) throw notFound('Emission factor set');
  if (set.retiredAt) return set;
  const [other] = await ctx.tx
    .select({ id: emissionFactorSets.id })
    .from(emissionFactorSets)
    .where(
      and(
        eq(emissionFactorSets.missionId, missionId),
        ne(emissionFactorSets.id, id),
        isNull(emissionFactorSets.retiredAt),
      ),
    )
    .limit(1);
  if (!other) throw conflict('This is the only factor set in use: load a newer one before retiring it.');
  const [row] = await ctx.tx.update(emissionFactorSets).set({ retiredAt: ctx.now }).where(where).returning();
  await recordAudit(ctx, {
    action: 'emission_factor_set.retire',
    recordType: 'emission_factor_set',
    recordId: id,
    after: { retiredAt: ctx.now },
  });
  return row!;
}
