import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseDocument } from './activity-schemas.js';
import type { CaseRow } from './load-case.js';
import { loadUserSummaries, presentDocument } from './present-activity.js';
import { caseDocuments } from './schema.js';

/** A case's documents, newest first. */
export async function listDocuments(db: Executor, kase: CaseRow): Promise<CaseDocument[]> {
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
  return rows.map((row) => presentDocument(row, people));
}
