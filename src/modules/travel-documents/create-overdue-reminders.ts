import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { appendAuditRows } from '../../platform/audit/audit-chain.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { caseEvents, caseTasks } from '../cases/schema.js';
import { missions, userRoles, users } from '../organisation/schema.js';
import { persons } from '../persons/schema.js';
import { DEFAULT_REMINDER_DAYS, OPEN_STATUSES } from './request-rules.js';
import { embassies, type TravelDocumentRequestRow, travelDocumentRequests } from './schema.js';

/**
 * Gives every overdue travel-document request (no answer from the embassy within its reminder days)
 * a task for the diplomatic liaison to chase it. Idempotent: a request gets at most one reminder, so
 * it is safe to run as often as one likes, from several processes at once.
 */
export async function createOverdueReminders(
  db: Db,
  options: { now: Date; missionId?: string },
): Promise<{ created: number }> {
  // Each mission's own today: a request is overdue by the calendar where the mission works.
  const today = sql`(${options.now.toISOString()}::timestamptz at time zone ${missions.timeZone})::date`;
  const since = sql`coalesce(${travelDocumentRequests.interviewOn}, ${travelDocumentRequests.requestedOn})`;
  const days = sql`coalesce(${embassies.reminderDays}, ${DEFAULT_REMINDER_DAYS})`;
  const due = await db
    .select({ missionId: travelDocumentRequests.missionId, id: travelDocumentRequests.id })
    .from(travelDocumentRequests)
    .innerJoin(
      embassies,
      and(
        eq(embassies.missionId, travelDocumentRequests.missionId),
        eq(embassies.id, travelDocumentRequests.embassyId),
      ),
    )
    .innerJoin(missions, eq(missions.id, travelDocumentRequests.missionId))
    .where(
      and(
        options.missionId ? eq(travelDocumentRequests.missionId, options.missionId) : undefined,
        inArray(travelDocumentRequests.status, [...OPEN_STATUSES]),
        isNull(travelDocumentRequests.reminderTaskId),
        sql`${since} + ${days} < ${today}`,
      ),
    );
  let created = 0;
  // One short transaction per request, so a large backlog never holds a long lock.
  for (const { missionId, id } of due) {
    const made = await db.transaction((tx) => remindOne(tx, missionId, id, options.now));
    if (made) created += 1;
  }
  return { created };
}

async function remindOne(tx: Tx, missionId: string, id: string, now: Date): Promise<boolean> {
  const [request] = await tx
    .select()
    .from(travelDocumentRequests)
    .where(
      and(
        eq(travelDocumentRequests.missionId, missionId),
        eq(travelDocumentRequests.id, id),
        isNull(travelDocumentRequests.reminderTaskId),
      ),
    )
    .for('update', { skipLocked: true });
  if (!request) return false;
  const [embassy] = await tx
    .select()
    .from(embassies)
    .where(and(eq(embassies.missionId, missionId), eq(embassies.id, request.embassyId)));
  const [mission] = await tx
    .select({ timeZone: missions.timeZone })
    .from(missions)
    .where(eq(missions.id, missionId));
  const [person] = await tx
    .select({ givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(and(eq(persons.missionId, missionId), eq(persons.id, request.personId)));
  const taskId = newId();
  const title = `Chase the ${embassy!.kind} of ${embassy!.country} in ${embassy!.city}: travel document for ${person!.givenName} ${person!.familyName} requested ${request.requestedOn}`;
  await tx.insert(caseTasks).values({
    missionId,
    id: taskId,
    caseId: request.caseId,
    title: title.slice(0, 300),
    dueDate: localDate(now, mission!.timeZone),
    assigneeId: await liaisonFor(tx, request),
    blocksTravel: false,
    createdAt: now,
  });
  await tx
    .update(travelDocumentRequests)
    .set({ reminderTaskId: taskId, updatedAt: now })
    .where(and(eq(travelDocumentRequests.missionId, missionId), eq(travelDocumentRequests.id, id)));
  await tx.insert(caseEvents).values({
    missionId,
    id: newId(),
    caseId: request.caseId,
    occurredAt: now,
    recordedAt: now,
    kind: 'travel_document_request_overdue',
    actorId: null,
    data: { requestId: id, taskId },
  });
  await appendAuditRows(tx, [
    {
      missionId,
      id: newId(),
      at: now,
      actorType: 'system',
      actorId: null,
      action: 'travel_document_request.reminder',
      recordType: 'travel_document_request',
      recordId: id,
      after: { taskId },
    },
  ]);
  return true;
}

// The liaison who made the request chases it; otherwise the mission's first liaison.
async function liaisonFor(tx: Tx, request: TravelDocumentRequestRow): Promise<string | null> {
  const liaisons = await tx
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.missionId, request.missionId),
        eq(userRoles.role, 'diplomatic_liaison'),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.displayName));
  if (liaisons.some((l) => l.id === request.createdBy)) return request.createdBy;
  return liaisons[0]?.id ?? null;
}

const HOUR = 60 * 60 * 1000;

/**
 * Runs the reminders once the server listens, then every hour. Only a listening server runs them:
 * tests drive the app through inject() and never start the interval.
 */
export function scheduleOverdueReminders(app: FastifyInstance, intervalMs = HOUR): void {
  let timer: NodeJS.Timeout | null = null;
  const run = () =>
    createOverdueReminders(app.database.db, { now: new Date() })
      .then(({ created }) => {
        if (created > 0) app.log.info({ created }, 'travel document reminders created');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'travel document reminders failed'));
  app.addHook('onListen', async () => {
    void run();
    timer = setInterval(run, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
