import { and, eq, inArray } from 'drizzle-orm';
import type { RestrictedCategory } from '../../platform/auth/need-to-know.js';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../organisation/schema.js';
import type { CaseDocument, CaseDocumentKind, DocumentContentType, Note, Task } from './activity-schemas.js';
import type { caseDocuments, caseNotes, caseTasks } from './schema.js';

export type UserSummary = { id: string; displayName: string; email: string };

/** The names of the given users of a mission, by id (one query for a whole list). */
export async function loadUserSummaries(
  db: Executor,
  missionId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, UserSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.missionId, missionId), inArray(users.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

const summaryOf = (people: Map<string, UserSummary>, id: string | null) =>
  id === null ? null : (people.get(id) ?? null);

/** A note as the API sends it; `hidden` leaves out the body of a restricted note. */
export function presentNote(
  row: typeof caseNotes.$inferSelect,
  people: Map<string, UserSummary>,
  hidden = false,
): Note {
  return {
    id: row.id,
    caseId: row.caseId,
    body: hidden ? null : row.body,
    restriction: row.restriction as RestrictedCategory | null,
    hidden,
    // Authors are never deleted (users are deactivated), so the fallback is for safety only.
    author: summaryOf(people, row.authorId) ?? { id: row.authorId, displayName: '', email: '' },
    createdAt: row.createdAt.toISOString(),
  };
}

/** A task as the API sends it, with its case's reference. */
export function presentTask(
  row: typeof caseTasks.$inferSelect & { caseReference: string },
  people: Map<string, UserSummary>,
): Task {
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference: row.caseReference,
    title: row.title,
    dueDate: row.dueDate,
    assignee: summaryOf(people, row.assigneeId),
    blocksTravel: row.blocksTravel,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: summaryOf(people, row.doneBy),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A document's description as the API sends it (the content has its own route); `hidden` leaves out its name. */
export function presentDocument(
  row: typeof caseDocuments.$inferSelect,
  people: Map<string, UserSummary>,
  hidden = false,
): CaseDocument {
  return {
    id: row.id,
    caseId: row.caseId,
    filename: hidden ? null : row.filename,
    kind: row.kind as CaseDocumentKind,
    hidden,
    contentType: row.contentType as DocumentContentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: summaryOf(people, row.uploadedBy),
    createdAt: row.createdAt.toISOString(),
  };
}
