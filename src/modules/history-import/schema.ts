import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';

export const historyImportStatuses = ['running', 'completed', 'failed'] as const;
export type HistoryImportStatus = (typeof historyImportStatuses)[number];

/** One problem of an imported file: the row (1 is the header), the column and what is wrong. */
export interface HistoryImportProblem {
  row: number;
  field: string;
  message: string;
}

/**
 * An import of past years from another system (a CSV or XLSX of persons and cases with dated
 * milestones): the job whose progress the API shows, and its per-row report. A dry run validates
 * and counts without writing a case.
 */
export const historyImports = pgTable(
  'history_imports',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    filename: text('filename').notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').$type<HistoryImportStatus>().notNull(),
    /** Cases in the file (groups of rows sharing case_id). */
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    existing: integer('existing').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    report: jsonb('report').$type<HistoryImportProblem[]>().notNull().default([]),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('history_imports_created_idx').on(t.missionId, t.createdAt),
  ],
);

/**
 * The case each source-system id became: what makes importing the same file twice create nothing
 * new. The primary key serialises two imports of the same case.
 */
export const historyImportKeys = pgTable(
  'history_import_keys',
  {
    missionId: missionId().references(() => missions.id),
    sourceId: text('source_id').notNull(),
    caseId: uuid('case_id').notNull(),
    importId: uuid('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.sourceId] })],
);

export type HistoryImportRow = typeof historyImports.$inferSelect;
