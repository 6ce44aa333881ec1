import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import type { CreateNote, Note } from './activity-schemas.js';
import { appendCaseEvent } from './case-events.js';
import type { CaseRow } from './load-case.js';
import { presentNote } from './present-activity.js';
import { caseNotes } from './schema.js';

/** Adds a counselling note to a case, with its audit entry and timeline event. */
export async function addNote(ctx: ServiceContext, kase: CaseRow, input: CreateNote): Promise<Note> {
  const [row] = await ctx.tx
    .insert(caseNotes)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      body: input.body,
      restriction: input.restriction ?? null,
      authorId: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  const note = row!;
  await recordAudit(ctx, {
    action: 'note.create',
    recordType: 'case_note',
    recordId: note.id,
    after: { caseId: kase.id, restriction: note.restriction },
  });
  await appendCaseEvent(ctx, kase.id, 'note_added', { noteId: note.id });
  const { id, displayName, email } = ctx.actor;
  return presentNote(note, new Map([[id, { id, displayName, email }]]));
}
