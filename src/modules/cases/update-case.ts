import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from './case-events.js';
import { changesRestrictingFlags } from './case-policy.js';
import type { UpdateCase } from './case-schemas.js';
import type { CaseRow } from './load-case.js';
import { cases } from './schema.js';
import { validateCaseReferences } from './validate-case-references.js';

const EDITABLE = [
  'officeId',
  'returnOfficeId',
  'assigneeId',
  'referralSource',
  'vulnerabilities',
  'fundingProject',
  'guardianConfirmedHost',
  'guardianConfirmedReturn',
] as const;

/** Throws 409 with the current version when the client edited an older version of the case. */
export function assertCurrentVersion(kase: CaseRow, version: number | undefined): void {
  if (version !== undefined && version !== kase.version) {
    throw conflict(
      `The case was changed by someone else (you edited version ${version}, it is now version ${kase.version}). Reload and try again.`,
      { currentVersion: kase.version },
    );
  }
}

/** Changes a case's details; `kase` must have been loaded FOR UPDATE in this transaction. */
export async function updateCase(ctx: ServiceContext, kase: CaseRow, input: UpdateCase): Promise<CaseRow> {
  assertCurrentVersion(kase, input.version);
  await validateCaseReferences(ctx.tx, kase.missionId, {
    officeId: input.officeId,
    returnOfficeId: input.returnOfficeId,
    assigneeId: input.assigneeId,
    referralSource: input.referralSource,
  });
  const changes: Partial<CaseRow> = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of EDITABLE) {
    const value = input[field];
    if (value === undefined) continue;
    if (JSON.stringify(value) === JSON.stringify(kase[field])) continue;
    (changes as Record<string, unknown>)[field] = value;
    changed[field] = { from: kase[field], to: value };
  }
  if (Object.keys(changes).length === 0) return kase;
  const [updated] = await ctx.tx
    .update(cases)
    .set({ ...changes, version: kase.version + 1, updatedAt: ctx.now })
    .where(and(eq(cases.missionId, kase.missionId), eq(cases.id, kase.id)))
    .returning();
  await appendCaseEvent(ctx, kase.id, 'case_updated', { changes: changed });
  await recordAudit(ctx, {
    action: 'case.update',
    recordType: 'case',
    recordId: kase.id,
    before: kase,
    after: updated,
  });
  if (changed.vulnerabilities && changesRestrictingFlags(kase.vulnerabilities, updated!.vulnerabilities)) {
    await recordAudit(ctx, {
      action: 'case.restricted_flags',
      recordType: 'case',
      recordId: kase.id,
      before: { vulnerabilities: kase.vulnerabilities },
      after: { vulnerabilities: updated!.vulnerabilities },
    });
  }
  await emitEvent(ctx, 'case.updated', {
    caseId: kase.id,
    reference: kase.reference,
    fields: Object.keys(changed),
  });
  return updated!;
}
