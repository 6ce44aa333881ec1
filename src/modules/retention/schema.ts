import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';
import { persons } from '../persons/schema.js';

export const retentionActions = ['anonymise', 'keep'] as const;
/** anonymise: remove what identifies the person once the period has passed; keep: never. */
export type RetentionAction = (typeof retentionActions)[number];

/**
 * A mission's retention rule for one programme: what happens to the people of its cases a number
 * of years after their last case closed. Programmes without a row follow the documented defaults.
 */
export const retentionRules = pgTable(
  'retention_rules',
  {
    missionId: missionId().references(() => missions.id),
    programme: text('programme').notNull(),
    yearsAfterClosure: integer('years_after_closure').notNull(),
    action: text('action').$type<RetentionAction>().notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.programme] })],
);

export const retentionRunStatuses = ['running', 'completed', 'failed'] as const;
export type RetentionRunStatus = (typeof retentionRunStatuses)[number];

/** One run of the retention job for a mission (asked by an administrator or by the schedule), with its counts. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').$type<RetentionRunStatus>().notNull(),
    /** The user who asked for it; null for the scheduled run. */
    requestedBy: uuid('requested_by'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
    /** Persons found past retention when the run started. */
    total: integer('total').notNull().default(0),
    /** Persons anonymised so far (or listed, for a dry run). */
    done: integer('done').notNull().default(0),
    /** What was removed, summed over the persons done: documents, files, notes, messages... */
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.id] })],
);

/** That a person was anonymised, when and by which run: the person row stays, for the statistics. */
export const personAnonymisations = pgTable(
  'person_anonymisations',
  {
    missionId: missionId(),
    personId: uuid('person_id').notNull(),
    runId: uuid('run_id').notNull(),
    anonymisedAt: at('anonymised_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.personId] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({
      columns: [t.missionId, t.runId],
      foreignColumns: [retentionRuns.missionId, retentionRuns.id],
    }),
  ],
);

export type RetentionRuleRow = typeof retentionRules.$inferSelect;
export type RetentionRunRow = typeof retentionRuns.$inferSelect;
