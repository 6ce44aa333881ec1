import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, unprocessable } from '../../platform/http/problem.js';
import { sustainabilityWeights } from './schema.js';
import { checkWeights, type SurveyWeights } from './score-survey.js';
import { loadCurrentWeights, presentWeights } from './sustainability-weights.js';

/**
 * Puts new survey weights in force as the next version. Earlier surveys keep the version and the
 * scores they were taken with; only surveys recorded from now on use these.
 */
export async function updateSustainabilityWeights(
  ctx: ServiceContext,
  input: SurveyWeights & { basedOnVersion: number },
) {
  const errors = checkWeights(input);
  if (errors.length > 0) throw unprocessable('The weights are incomplete or invalid.', undefined, errors);
  const current = await loadCurrentWeights(ctx.tx, ctx.actor.missionId);
  const currentVersion = current?.version ?? 0;
  if (input.basedOnVersion !== currentVersion) {
    throw conflict('The weights changed meanwhile.', { currentVersion });
  }
  const [row] = await ctx.tx
    .insert(sustainabilityWeights)
    .values({
      missionId: ctx.actor.missionId,
      version: currentVersion + 1,
      dimensionWeights: input.dimensions,
      indicatorWeights: input.indicators,
      sustainableThreshold: input.sustainableThreshold,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    // Two administrators saving at once both aim at the same version number: one of them loses.
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('The weights changed meanwhile.', { currentVersion: currentVersion + 1 });
  await recordAudit(ctx, {
    action: 'sustainability_weights.create',
    recordType: 'sustainability_weights',
    recordId: `${row.version}`,
    before: current ? presentWeights(current) : null,
    after: presentWeights(row),
  });
  return presentWeights(row);
}
