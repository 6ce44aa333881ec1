import { and, desc, eq } from 'drizzle-orm';
import type { RestrictedCategory } from '../../platform/auth/need-to-know.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import type { Note } from './activity-schemas.js';
import { type CaseForPolicy, casePolicy } from './case-policy.js';
import type { CaseRow } from './load-case.js';
import { loadUserSummaries, presentNote } from './present-activity.js';
import { caseCategories } from './restricted-case-reads.js';
import { recordSensitiveRead } from './restricted-data.js';
import { caseNotes } from './schema.js';

/**
 * A case's notes, newest first. A restricted note's body goes only to its author and to those who
 * need to know its category; showing one is written to the access log.
 */
export async function listNotes(ctx: ServiceContext, kase: CaseRow & CaseForPolicy): Promise<Note[]> {
  const rows = await ctx.tx
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.missionId, kase.missionId), eq(caseNotes.caseId, kase.id)))
    // Ids are time-ordered, so they break ties between notes written in the same instant.
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
  const people = await loadUserSummaries(
    ctx.tx,
    kase.missionId,
    rows.map((row) => row.authorId),
  );
  const shown: RestrictedCategory[] = [];
  const shownIds: string[] = [];
  const notes = rows.map((row) => {
    const category = row.restriction as RestrictedCategory | null;
    if (category === null) return presentNote(row, people);
    const visible = row.authorId === ctx.actor.id || casePolicy.know(ctx.actor, kase, category);
    if (visible) {
      shown.push(category);
      shownIds.push(row.id);
    }
    return presentNote(row, people, !visible);
  });
  // Notes log their own read: the case's categories (a trafficking or minor's case) and the restricted
  // notes shown, in one entry; the case-read hook leaves this route alone.
  await recordSensitiveRead(ctx, kase, {
    what: 'notes',
    categories: [...caseCategories(kase), ...shown],
    ids: shownIds,
  });
  return notes;
}
