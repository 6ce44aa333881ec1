import { Decimal } from 'decimal.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { caseEvents, caseGroupMembers, caseGroups, cases } from '../cases/schema.js';
import type { EmissionFactorSetRow } from '../emissions/schema.js';
import { prepareSegments } from '../movements/prepare-segments.js';
import { bookingPassengers, bookingSegments, bookings } from '../movements/schema.js';
import { missionCounters, offices } from '../organisation/schema.js';
import { computeNameColumns } from '../persons/name-normalisation.js';
import { persons } from '../persons/schema.js';
import { fundingBudgets, reintegrationGrants } from '../reintegration/schema.js';
import type { HistoricCase } from './history-file.js';
import { type HistoryImportProblem, historyImportKeys } from './schema.js';

type SegmentRow = typeof bookingSegments.$inferInsert;

/** A historic case checked against the mission: its office found, its flight turned into a segment. */
export interface PreparedCase {
  source: HistoricCase;
  officeId: string;
  originOfficeId: string;
  caseId: string;
  bookingId: string | null;
  segment: SegmentRow | null;
}

/** The status a historic case ends in: departed once it flew, else what its decision says. */
function statusOf(item: HistoricCase): string {
  if (item.flight) return 'departed';
  if (item.decision?.outcome === 'ineligible') return 'ineligible';
  if (item.decision) return 'eligible';
  return 'registered';
}

/**
 * Checks the valid cases of a file against the mission: the office named (id or name, else the
 * first mission office) and the flight's airports and local times (as a booking would). Each case
 * that fails is reported and left out.
 */
export async function prepareHistoricCases(
  db: Executor,
  missionId: string,
  items: HistoricCase[],
  factorSet: EmissionFactorSetRow,
): Promise<{ prepared: PreparedCase[]; problems: HistoryImportProblem[] }> {
  const officeRows = await db
    .select({ id: offices.id, name: offices.name, kind: offices.kind })
    .from(offices)
    .where(eq(offices.missionId, missionId));
  const byKey = new Map<string, string>();
  for (const office of officeRows) {
    byKey.set(office.id, office.id);
    byKey.set(office.name.toLowerCase(), office.id);
  }
  // The file's constants, found once: the default office and the office grants come from.
  const fallback = officeRows.find((office) => office.kind === 'mission_office') ?? officeRows[0];
  const origin = officeRows.find((office) => office.kind === 'origin_office');
  const prepared: PreparedCase[] = [];
  const problems: HistoryImportProblem[] = [];
  for (const item of items) {
    const row = item.rows[0]!;
    const officeId = item.office ? byKey.get(item.office.toLowerCase()) : fallback?.id;
    if (!officeId) {
      problems.push({ row, field: 'office', message: 'is not an office of this mission' });
      continue;
    }
    const caseId = newId();
    let bookingId: string | null = null;
    let segment: SegmentRow | null = null;
    if (item.flight) {
      bookingId = newId();
      try {
        const rows = await prepareSegments({
          missionId,
          bookingId,
          segments: [item.flight],
          factorSet,
          path: '',
        });
        segment = rows[0] ?? null;
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        for (const field of error.errors ?? []) {
          problems.push({ row, field: flightColumn(field.path), message: field.message });
        }
        continue;
      }
    }
    prepared.push({
      source: item,
      officeId,
      originOfficeId: origin?.id ?? officeId,
      caseId,
      bookingId,
      segment: segment ?? null,
    });
  }
  return { prepared, problems };
}

// prepareSegments names segment fields (.0.departureLocal); the report names the file's columns.
function flightColumn(path: string): string {
  const field = path.split('.').at(-1) ?? path;
  const columns: Record<string, string> = {
    departureAirport: 'departure_airport',
    arrivalAirport: 'arrival_airport',
    departureLocal: 'departure_local',
    arrivalLocal: 'arrival_local',
  };
  return columns[field] ?? field;
}

/** The source ids of the file that an earlier import already brought in. */
export async function existingSourceIds(
  db: Executor,
  missionId: string,
  sourceIds: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < sourceIds.length; start += 1000) {
    const rows = await db
      .select({ sourceId: historyImportKeys.sourceId })
      .from(historyImportKeys)
      .where(
        and(
          eq(historyImportKeys.missionId, missionId),
          inArray(historyImportKeys.sourceId, sourceIds.slice(start, start + 1000)),
        ),
      );
    for (const row of rows) found.add(row.sourceId);
  }
  return found;
}

/**
 * Writes a batch of historic cases in the caller's transaction, in bulk: persons, cases with the
 * reference of their registration year, their timeline dated when each milestone happened, the
 * departure as a confirmed booking whose passengers departed, and grants drawn on a budget of
 * history per currency. Cases whose source id is already known are skipped (returned as existing).
 * The summary triggers see the rows as any other, so the dashboard and the reports count them.
 */
export async function writeHistoricCases(
  ctx: ServiceContext,
  importId: string,
  batch: PreparedCase[],
): Promise<{ created: number; existing: number }> {
  const missionId = ctx.actor.missionId;
  const timeZone = ctx.actor.mission.timeZone;
  const known = await existingSourceIds(
    ctx.tx,
    missionId,
    batch.map((item) => item.source.sourceId),
  );
  const fresh = batch.filter((item) => !known.has(item.source.sourceId));
  if (fresh.length === 0) return { created: 0, existing: batch.length };
  // Claim the source ids first: a concurrent import of the same file waits here, then skips them.
  const claimed = await ctx.tx
    .insert(historyImportKeys)
    .values(
      fresh.map((item) => ({ missionId, sourceId: item.source.sourceId, caseId: item.caseId, importId })),
    )
    .onConflictDoNothing()
    .returning({ sourceId: historyImportKeys.sourceId });
  const claimedIds = new Set(claimed.map((row) => row.sourceId));
  const todo = fresh.filter((item) => claimedIds.has(item.source.sourceId));
  const references = await reserveReferences(ctx, todo, timeZone);
  const by = ctx.actor.system ? null : ctx.actor.id;
  const now = ctx.now;

  const personRows: (typeof persons.$inferInsert)[] = [];
  const groupRows: (typeof caseGroups.$inferInsert)[] = [];
  const memberRows: (typeof caseGroupMembers.$inferInsert)[] = [];
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const bookingRows: (typeof bookings.$inferInsert)[] = [];
  const segmentRows: SegmentRow[] = [];
  const passengerRows: (typeof bookingPassengers.$inferInsert)[] = [];
  const grantRows: (typeof reintegrationGrants.$inferInsert)[] = [];
  const budgetTotals = new Map<string, Decimal>();

  for (const item of todo) {
    const { source } = item;
    const caseGroupId = newId();
    groupRows.push({ missionId, id: caseGroupId, createdAt: source.registeredAt });
    const personIds = source.persons.map((person, position) => {
      const id = newId();
      personRows.push({
        missionId,
        id,
        givenName: person.givenName,
        familyName: person.familyName,
        sex: person.sex,
        dateOfBirth: person.dateOfBirth,
        dateOfBirthPrecision: person.dateOfBirthPrecision,
        nationalities: person.nationalities,
        ...computeNameColumns({ givenName: person.givenName, familyName: person.familyName }),
        createdAt: now,
        updatedAt: now,
      });
      memberRows.push({
        missionId,
        caseGroupId,
        personId: id,
        role: position === 0 ? 'principal' : 'member',
        position,
      });
      return id;
    });
    const status = statusOf(source);
    const departedAt = item.segment?.departureAt ?? null;
    const lastChange = departedAt ?? source.decision?.at ?? source.registeredAt;
    caseRows.push({
      missionId,
      id: item.caseId,
      reference: references.get(item.caseId)!,
      programme: 'avrr',
      status,
      caseGroupId,
      officeId: item.officeId,
      referralSource: 'history_import',
      vulnerabilities: [],
      createdBy: by,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: lastChange,
    });
    const event = (kind: string, occurredAt: Date, data: Record<string, unknown>) =>
      eventRows.push({
        missionId,
        id: newId(),
        caseId: item.caseId,
        occurredAt,
        recordedAt: now,
        kind,
        actorId: by,
        data: { ...data, importId, sourceId: source.sourceId },
      });
    event('case_created', source.registeredAt, {
      reference: references.get(item.caseId),
      status: 'registered',
      personIds,
    });
    if (source.decision) {
      event('eligibility_decided', source.decision.at, { outcome: source.decision.outcome, imported: true });
    }
    if (status !== 'registered') {
      event('status_changed', lastChange, { transition: 'import_history', from: 'registered', to: status });
    }
    if (item.segment && item.bookingId) {
      bookingRows.push({
        missionId,
        id: item.bookingId,
        lineageId: item.bookingId,
        version: 1,
        kind: 'departure',
        programme: 'avrr',
        caseId: item.caseId,
        status: 'confirmed',
        createdBy: by,
        createdAt: now,
        updatedAt: now,
        confirmedAt: now,
      });
      segmentRows.push(item.segment);
      personIds.forEach((personId, position) => {
        const passengerId = newId();
        passengerRows.push({
          missionId,
          id: passengerId,
          bookingId: item.bookingId!,
          personId,
          position,
          status: 'departed',
          statusChangedAt: item.segment!.departureAt,
          statusChangedBy: by,
        });
        event('passenger_departed', item.segment!.departureAt, {
          bookingId: item.bookingId,
          passengerId,
          personId,
        });
      });
    }
    if (source.grant) {
      const grantId = newId();
      budgetTotals.set(
        source.grant.currency,
        (budgetTotals.get(source.grant.currency) ?? new Decimal(0)).plus(source.grant.amount),
      );
      grantRows.push({
        missionId,
        id: grantId,
        caseId: item.caseId,
        type: source.grant.type,
        budgetId: '', // set below, once the currency's budget is known
        originOfficeId: item.originOfficeId,
        currency: source.grant.currency,
        amount: source.grant.amount,
        cashAmount: source.grant.cashAmount,
        capsSource: 'history_import',
        createdBy: by ?? '00000000-0000-0000-0000-000000000000',
        createdAt: source.grant.at,
      });
      event('grant_created', source.grant.at, {
        grantId,
        type: source.grant.type,
        currency: source.grant.currency,
        amount: source.grant.amount,
        cashAmount: source.grant.cashAmount,
      });
    }
  }

  const budgets = await historyBudgets(ctx, budgetTotals);
  for (const grant of grantRows) grant.budgetId = budgets.get(grant.currency)!;
  // Parents before children; chunks keep each statement under the protocol's parameter limit.
  await insertAll(ctx, persons, personRows);
  await insertAll(ctx, caseGroups, groupRows);
  await insertAll(ctx, caseGroupMembers, memberRows);
  await insertAll(ctx, cases, caseRows);
  await insertAll(ctx, bookings, bookingRows);
  await insertAll(ctx, bookingSegments, segmentRows);
  await insertAll(ctx, bookingPassengers, passengerRows);
  await insertAll(ctx, reintegrationGrants, grantRows);
  await insertAll(ctx, caseEvents, eventRows);
  return { created: todo.length, existing: batch.length - todo.length };
}

// biome-ignore lint/suspicious/noExplicitAny: one helper for the tables of a batch
async function insertAll(ctx: ServiceContext, table: any, rows: Record<string, unknown>[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    await ctx.tx.insert(table).values(rows.slice(start, start + perStatement));
  }
}

/**
 * Reserves case references in the registration year of each case, one counter update per year:
 * AVRR-2023-000042 for a case registered in 2023, numbered on from the cases already there.
 */
async function reserveReferences(
  ctx: ServiceContext,
  items: PreparedCase[],
  timeZone: string,
): Promise<Map<string, string>> {
  const byYear = new Map<string, PreparedCase[]>();
  for (const item of [...items].sort(
    (a, b) => a.source.registeredAt.getTime() - b.source.registeredAt.getTime(),
  )) {
    const year = localDate(item.source.registeredAt, timeZone).slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  const references = new Map<string, string>();
  for (const [year, list] of byYear) {
    const [counter] = await ctx.tx
      .insert(missionCounters)
      .values({ missionId: ctx.actor.missionId, name: `case:avrr:${year}`, value: list.length })
      .onConflictDoUpdate({
        target: [missionCounters.missionId, missionCounters.name],
        set: { value: sql`${missionCounters.value} + ${list.length}` },
      })
      .returning({ value: missionCounters.value });
    const first = counter!.value - list.length + 1;
    list.forEach((item, index) => {
      references.set(item.caseId, `AVRR-${year}-${String(first + index).padStart(6, '0')}`);
    });
  }
  return references;
}

/**
 * The funding budget per currency that historic grants are drawn on (project HISTORY-EUR): grown
 * by what the batch grants, so history never takes money from a current project's budget.
 */
async function historyBudgets(
  ctx: ServiceContext,
  totals: Map<string, Decimal>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [currency, total] of totals) {
    const amount = total.toFixed(2);
    const [row] = await ctx.tx
      .insert(fundingBudgets)
      .values({
        missionId: ctx.actor.missionId,
        id: newId(),
        projectCode: `HISTORY-${currency}`,
        name: `Grants imported from an earlier system (${currency})`,
        currency,
        amount,
        committed: amount,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [fundingBudgets.missionId, fundingBudgets.projectCode],
        set: {
          amount: sql`${fundingBudgets.amount} + ${amount}::numeric`,
          committed: sql`${fundingBudgets.committed} + ${amount}::numeric`,
        },
      })
      .returning({ id: fundingBudgets.id });
    ids.set(currency, row!.id);
  }
  return ids;
}
