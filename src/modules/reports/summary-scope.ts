import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Actor, visibleOfficeIds } from '../../platform/auth/actor.js';
import { visibleOfficeScope } from '../cases/case-policy.js';
import { seesOthersTraffickingCases } from './reports-policy.js';

/** The key columns every summary table shares. */
export interface SummaryKey {
  missionId: PgColumn;
  officeId: PgColumn;
  programme: PgColumn;
  assigneeKey: PgColumn;
  vulnerabilities: PgColumn;
  /** The case's return office (nil UUID for none), on the tables whose rows reintegration officers there see. */
  returnOfficeKey?: PgColumn;
}

/**
 * The case read rule (visibleCasesWhere) applied to a summary table's key: the actor's offices, and
 * victims of trafficking only for those who may see them or are assigned to the case.
 */
export function summaryScope(
  actor: Actor,
  table: SummaryKey,
  filters: { officeId?: string; programme?: string },
): SQL {
  const conditions: (SQL | undefined)[] = [eq(table.missionId, actor.missionId)];
  conditions.push(visibleOfficeScope(actor, table.officeId, table.returnOfficeKey));
  const offices = visibleOfficeIds(actor);
  const probeOffice = offices === null ? 'any' : offices[0];
  if (!probeOffice || !seesOthersTraffickingCases(actor, probeOffice)) {
    conditions.push(
      or(
        sql`position('victim_of_trafficking' in ${table.vulnerabilities}) = 0`,
        eq(table.assigneeKey, actor.id),
      ),
    );
  }
  if (filters.officeId) conditions.push(eq(table.officeId, filters.officeId));
  if (filters.programme) conditions.push(eq(table.programme, filters.programme));
  return and(...conditions)!;
}

/** The nil UUID stands for "no assignee" in the summary keys. */
export const NO_ASSIGNEE = '00000000-0000-0000-0000-000000000000';
