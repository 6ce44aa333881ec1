import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import type { ReportDefinition, ReportParams, ReportRow } from './report-types.js';
import type { ReportQuery } from './reports-schemas.js';

/** A report's parameters with their defaults: this year so far, every office, every programme. */
export function reportParams(query: ReportQuery, actor: Actor, now: Date): ReportParams {
  const today = missionToday(actor, now);
  return {
    from: query.from ?? `${today.slice(0, 4)}-01-01`,
    to: query.to ?? today,
    ...(query.officeId ? { officeId: query.officeId } : {}),
    ...(query.programme ? { programme: query.programme } : {}),
  };
}

/** Runs a report for the actor: rows typed as the report's columns say. */
export async function runReport(
  db: Executor,
  actor: Actor,
  report: ReportDefinition,
  params: ReportParams,
  language: 'en' | 'nl' = 'en',
): Promise<ReportRow[]> {
  return report.run({ db, actor, params, language });
}
