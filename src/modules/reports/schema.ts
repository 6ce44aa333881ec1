import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';

// The summary tables below are kept by statement-level triggers on cases, case_tasks and case_events
// (migrations/*_reports_summary_triggers.sql), in the transaction of the change: every writer is
// covered, whichever service or script wrote the row, so the dashboard never reads a stale figure.
// `assignee_key` is the assignee or the nil UUID (a primary key column cannot be null);
// `vulnerabilities` is the case's categories sorted and comma-joined ('' for none), so visibility
// (trafficking) and the per-category counts can be read from the key.

/** Open and closed cases counted per office, programme, status, assignee and vulnerabilities. */
export const caseCounts = pgTable(
  'case_counts',
  {
    missionId: missionId().references(() => missions.id),
    officeId: uuid('office_id').notNull(),
    programme: text('programme').notNull(),
    status: text('status').notNull(),
    assigneeKey: uuid('assignee_key').notNull(),
    vulnerabilities: text('vulnerabilities').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.missionId, t.officeId, t.programme, t.status, t.assigneeKey, t.vulnerabilities],
    }),
  ],
);

/** Open case tasks with a due date, counted per due date and the key of their case. */
export const caseTaskCounts = pgTable(
  'case_task_counts',
  {
    missionId: missionId().references(() => missions.id),
    officeId: uuid('office_id').notNull(),
    programme: text('programme').notNull(),
    assigneeKey: uuid('assignee_key').notNull(),
    vulnerabilities: text('vulnerabilities').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.missionId, t.officeId, t.programme, t.assigneeKey, t.vulnerabilities, t.dueDate],
    }),
  ],
);

/**
 * Departures per mission-local day: `persons` counts the passengers marked departed on the airport
 * board (a case's `passenger_departed` events), `cases` the first of each case's people to depart;
 * with the case's key, the principal's first nationality and the final arrival airport of the booking
 * flown on (migrations/0015_departures_per_person.sql).
 */
export const caseDepartureCounts = pgTable(
  'case_departure_counts',
  {
    missionId: missionId().references(() => missions.id),
    day: date('day', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    programme: text('programme').notNull(),
    assigneeKey: uuid('assignee_key').notNull(),
    vulnerabilities: text('vulnerabilities').notNull(),
    nationality: text('nationality').notNull(),
    arrivalAirport: text('arrival_airport').notNull(),
    cases: bigint('cases', { mode: 'number' }).notNull(),
    persons: bigint('persons', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.missionId,
        t.day,
        t.officeId,
        t.programme,
        t.assigneeKey,
        t.vulnerabilities,
        t.nationality,
        t.arrivalAirport,
      ],
    }),
  ],
);

/**
 * Reintegration grants per mission-local day of their creation, type and currency, with the key of
 * their case and the case's return office (`return_office_key`, the nil UUID for none: reintegration
 * officers there see the grants of the cases they receive). `amount` and `disbursed` (cash and in
 * kind) are sums in the grant's currency. Kept by triggers on reintegration_grants and cases
 * (migrations/0013_reports_grant_document_triggers.sql).
 */
export const grantCounts = pgTable(
  'grant_counts',
  {
    missionId: missionId().references(() => missions.id),
    day: date('day', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    returnOfficeKey: uuid('return_office_key').notNull(),
    programme: text('programme').notNull(),
    assigneeKey: uuid('assignee_key').notNull(),
    vulnerabilities: text('vulnerabilities').notNull(),
    type: text('type').notNull(),
    currency: text('currency').notNull(),
    grants: bigint('grants', { mode: 'number' }).notNull(),
    amount: numeric('amount', { mode: 'string' }).notNull(),
    disbursed: numeric('disbursed', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.missionId,
        t.day,
        t.officeId,
        t.returnOfficeKey,
        t.programme,
        t.assigneeKey,
        t.vulnerabilities,
        t.type,
        t.currency,
      ],
    }),
  ],
);

/**
 * Travel document requests waiting for the embassy (requested or interview scheduled) per embassy,
 * with the key of their case and its return office, as grant_counts. Kept by triggers on
 * travel_document_requests and cases (migrations/0013_reports_grant_document_triggers.sql).
 */
export const pendingTravelDocumentCounts = pgTable(
  'pending_travel_document_counts',
  {
    missionId: missionId().references(() => missions.id),
    embassyId: uuid('embassy_id').notNull(),
    officeId: uuid('office_id').notNull(),
    returnOfficeKey: uuid('return_office_key').notNull(),
    programme: text('programme').notNull(),
    assigneeKey: uuid('assignee_key').notNull(),
    vulnerabilities: text('vulnerabilities').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.missionId,
        t.embassyId,
        t.officeId,
        t.returnOfficeKey,
        t.programme,
        t.assigneeKey,
        t.vulnerabilities,
      ],
    }),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const exportFormats = ['csv', 'hxl', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** A report export run as a job: its progress, and the file once it is done. */
export const reportExports = pgTable(
  'report_exports',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    report: text('report').notNull(),
    format: text('format').$type<ExportFormat>().notNull(),
    parameters: jsonb('parameters').$type<Record<string, string>>().notNull(),
    language: text('language').notNull(),
    status: text('status').$type<ExportStatus>().notNull(),
    processed: integer('processed').notNull().default(0),
    total: integer('total'),
    filename: text('filename'),
    contentType: text('content_type'),
    content: bytea('content'),
    error: text('error'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('report_exports_creator_idx').on(t.missionId, t.createdBy, t.createdAt),
    check('report_exports_processed_ck', sql`${t.processed} >= 0`),
  ],
);

export type ReportExportRow = typeof reportExports.$inferSelect;
