import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { sustainabilityWeights } from './schema.js';
import { equalWeights, type SurveyWeights } from './score-survey.js';

export type WeightsRow = typeof sustainabilityWeights.$inferSelect;

/** Gives a new mission weights version 1: equal weights and no "sustainable" threshold. */
export async function seedSustainabilityWeights(db: Executor, missionId: string): Promise<void> {
  const weights = equalWeights();
  await db
    .insert(sustainabilityWeights)
    .values({
      missionId,
      version: 1,
      dimensionWeights: weights.dimensions,
      indicatorWeights: weights.indicators,
      sustainableThreshold: null,
      createdBy: null,
      createdAt: new Date(),
    })
    .onConflictDoNothing();
}

/** The mission's weights in force now (its highest version); null if it was never seeded. */
export async function loadCurrentWeights(db: Executor, missionId: string): Promise<WeightsRow | null> {
  const [row] = await db
    .select()
    .from(sustainabilityWeights)
    .where(eq(sustainabilityWeights.missionId, missionId))
    .orderBy(desc(sustainabilityWeights.version))
    .limit(1);
  return row ?? null;
}

/** One weights version of a mission. */
export async function loadWeightsVersion(
  db: Executor,
  missionId: string,
  version: number,
): Promise<WeightsRow | null> {
  const [row] = await db
    .select()
    .from(sustainabilityWeights)
    .where(and(eq(sustainabilityWeights.missionId, missionId), eq(sustainabilityWeights.version, version)));
  return row ?? null;
}

/** A stored weights version as the scoring function takes it. */
export function toSurveyWeights(row: WeightsRow): SurveyWeights {
  return {
    dimensions: row.dimensionWeights,
    indicators: row.indicatorWeights,
    sustainableThreshold: row.sustainableThreshold,
  };
}

/** A weights version as the API sends it. */
export function presentWeights(row: WeightsRow) {
  return {
    version: row.version,
    dimensions: row.dimensionWeights,
    indicators: row.indicatorWeights,
    sustainableThreshold: row.sustainableThreshold,
    createdAt: row.createdAt.toISOString(),
  };
}
