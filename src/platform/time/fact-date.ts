import { DateTime } from 'luxon';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, hasRole } from '../auth/actor.js';
import type { ServiceContext } from '../db/transaction.js';
import { badRequest, HttpProblem } from '../http/problem.js';
import { localDate } from './mission-calendar.js';

/** How far back anyone who may record a fact may date it; further back needs "record history". */
export const BACKDATE_DAYS_WITHOUT_PERMISSION = 7;

/** The roles holding the "record history" permission: dating facts further back, importing past years. */
export const RECORD_HISTORY_ROLES = ['admin', 'manager'] as const;

// A client's clock may run a little ahead of the server's: a minute is not "the future".
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

/** True when the actor may date facts more than a few days back (and import history). */
export function canRecordHistory(actor: Actor): boolean {
  return actor.system === true || hasRole(actor, ...RECORD_HISTORY_ROLES);
}

/** A fact this one follows, which it may not be dated before. */
export interface EarlierFact {
  at: Date;
  what: string;
}

/**
 * Checks when a recorded fact happened and returns the context to record it in: `occurredAt` set to
 * that instant (or left absent when the fact happens now). Refuses, naming the field (`path`), a
 * date in the future (400), a date before a fact it follows (400), and a date more than
 * `BACKDATE_DAYS_WITHOUT_PERMISSION` days back from an actor without "record history" (403);
 * a permitted back-dating that far is audited on `record` ("history.backdate").
 */
export async function datedContext(
  ctx: ServiceContext,
  fact: {
    path: string;
    occurredAt: Date | undefined;
    after?: EarlierFact[];
    record: { type: string; id: string };
  },
): Promise<ServiceContext> {
  const { path, occurredAt } = fact;
  if (!occurredAt) {
    for (const earlier of fact.after ?? []) {
      if (ctx.now < earlier.at) refuseBefore(path, earlier);
    }
    return ctx;
  }
  if (occurredAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw badRequest('A fact cannot be recorded as happening in the future.', [
      { path, message: `lies in the future (now is ${ctx.now.toISOString()})` },
    ]);
  }
  for (const earlier of fact.after ?? []) {
    if (occurredAt < earlier.at) refuseBefore(path, earlier);
  }
  const ageMs = ctx.now.getTime() - occurredAt.getTime();
  if (ageMs > BACKDATE_DAYS_WITHOUT_PERMISSION * DAY_MS) {
    if (!canRecordHistory(ctx.actor)) {
      throw new HttpProblem({
        status: 403,
        title: 'Forbidden',
        detail: `Dating a fact more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days back needs the "record history" permission (administrators and managers).`,
        errors: [{ path, message: `more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days ago` }],
      });
    }
    await recordAudit(ctx, {
      action: 'history.backdate',
      recordType: fact.record.type,
      recordId: fact.record.id,
      after: { field: path, occurredAt: occurredAt.toISOString(), recordedAt: ctx.now.toISOString() },
    });
  }
  return { ...ctx, occurredAt };
}

function refuseBefore(path: string, earlier: EarlierFact): never {
  throw badRequest(`A fact cannot be dated before ${earlier.what}.`, [
    { path, message: `lies before ${earlier.what} (${earlier.at.toISOString()})` },
  ]);
}

/**
 * The instant a fact recorded by its calendar date (a session held on, a visit on) happened: now
 * when the date is today in the mission, otherwise the first instant of that day in the mission's
 * time zone, so that it counts on that day in every figure.
 */
export function instantOfDate(actor: Pick<Actor, 'mission'>, date: string, now: Date): Date | undefined {
  if (date === localDate(now, actor.mission.timeZone)) return undefined;
  return startOfLocalDay(date, actor.mission.timeZone);
}

/** The first instant of a calendar day (YYYY-MM-DD) in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

/** The optional `occurredAt` of an action that records something that happened, as the API takes it. */
export const ZOccurredAt = z.iso
  .datetime({ offset: true })
  .optional()
  .describe(
    `When it happened (ISO 8601 date-time), when not now: not in the future, not before the facts it follows; more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days back needs the "record history" permission (administrators, managers) and is audited`,
  );

/** The instant of an optional ISO date-time. */
export const toInstant = (value: string | undefined): Date | undefined =>
  value === undefined ? undefined : new Date(value);
