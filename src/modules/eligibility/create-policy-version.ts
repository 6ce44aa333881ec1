import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import type { CreatePolicyVersion } from './eligibility-schemas.js';
import { writePolicyVersion } from './policy-store.js';
import type { PolicyVersionRow } from './schema.js';

/** Saves a change of policy as a new version; the versions before it stay untouched. */
export async function createPolicyVersion(
  ctx: ServiceContext,
  input: CreatePolicyVersion,
): Promise<PolicyVersionRow> {
  const version = await writePolicyVersion(ctx.tx, {
    missionId: ctx.actor.missionId,
    createdBy: ctx.actor.id,
    now: ctx.now,
    input,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error))
      throw conflict('Another policy version was saved meanwhile; reload and try again.');
    throw error;
  });
  await recordAudit(ctx, {
    action: 'policy.version_create',
    recordType: 'policy_version',
    recordId: version.id,
    after: {
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      note: version.note,
      countryRules: input.countryRules.length,
      tariffs: input.tariffs.length,
      parameters: input.parameters.length,
    },
  });
  return version;
}

// Drivers wrap the PostgreSQL error differently: look for SQLSTATE 23505 on it or its cause.
function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) =>
    typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
}
