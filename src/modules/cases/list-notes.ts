import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Note } from './activity-schemas.js';
import type { CaseRow } from './load-case.js';
import { loadUserSummaries, presentNote } from './present-activity.js';
import { caseNotes } from './schema.js';

/** A case's notes, newest first. */
export async function listNotes(db: Executor, kase: CaseRow): Promise<Note[]> {
  const rows = await db
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.missionId, kase.missionId), eq(caseNotes.caseId, kase.id)))
    // Ids are time-ordered, so they break ties between notes written in the same instant.
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
  const people = await loadUserSummaries(
    db,
    kase.missionId,
    rows.map((row) => row.authorId),
  );
  return rows.map((row) => presentNote(row, people));
}
