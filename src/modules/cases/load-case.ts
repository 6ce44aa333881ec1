import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { casePolicy } from './case-policy.js';
import { cases } from './schema.js';

export type CaseRow = typeof cases.$inferSelect;

/**
 * Loads a case of the actor's mission. A case the actor may not read answers 404, like one that
 * does not exist, so its existence is not disclosed. Pass `forUpdate` to lock the row for a change.
 */
export async function loadCase(
  db: Executor,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  return loadCaseIf(db, actor, caseId, casePolicy.read, options);
}

/**
 * Loads a case of the actor's mission that `mayRead` lets the actor see; 404 otherwise, like a
 * case that does not exist.
 */
export async function loadCaseIf(
  db: Executor,
  actor: Actor,
  caseId: string,
  mayRead: (actor: Actor, kase: CaseRow) => boolean,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.missionId, actor.missionId), eq(cases.id, caseId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row || !mayRead(actor, row)) throw notFound('Case');
  return row;
}

/**
 * Loads a case by id without a visibility check, for the subscribers of a domain event about it:
 * the service that emitted the event has already authorised the change.
 */
export async function loadCaseForEvent(
  db: Executor,
  missionId: string,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.missionId, missionId), eq(cases.id, caseId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new Error(`Case ${caseId} of an event does not exist`);
  return row;
}
