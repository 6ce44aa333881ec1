import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseDocument } from './activity-schemas.js';
import { type CaseForPolicy, casePolicy } from './case-policy.js';
import type { CaseRow } from './load-case.js';
import { loadUserSummaries, presentDocument } from './present-activity.js';
import { documentCategory } from './restricted-data.js';
import { caseDocuments } from './schema.js';

/** A case's documents, newest first; restricted ones without their name for those who may not open them. */
export async function listDocuments(
  db: Executor,
  kase: CaseRow & CaseForPolicy,
  actor: Parameters<typeof casePolicy.know>[0],
): Promise<CaseDocument[]> {
  const rows = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.missionId, kase.missionId), eq(caseDocuments.caseId, kase.id)))
    .orderBy(desc(caseDocuments.createdAt), desc(caseDocuments.id));
  const people = await loadUserSummaries(
    db,
    kase.missionId,
    rows.map((row) => row.uploadedBy),
  );
  return rows.map((row) => {
    const category = documentCategory(row.kind);
    const hidden =
      category !== null && row.uploadedBy !== actor.id && !casePolicy.know(actor, kase, category);
    return presentDocument(row, people, hidden);
  });
}
