import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { cases } from '../cases/schema.js';
import { offices, users } from '../organisation/schema.js';

/** What a counselling session may cover: a fixed list, so sessions can be counted by topic. */
export const counsellingTopics = [
  'return_options',
  'eligibility',
  'travel_documents',
  'travel_arrangements',
  'reintegration_support',
  'health',
  'family',
  'legal_status',
  'vulnerability',
  'other',
] as const;
export type CounsellingTopic = (typeof counsellingTopics)[number];

/** Where the migrant stands after a session. */
export const counsellingOutcomes = [
  'interested',
  'undecided',
  'decided_to_return',
  'not_interested',
  'follow_up_needed',
] as const;
export type CounsellingOutcome = (typeof counsellingOutcomes)[number];

/** One counselling session with the people of a case. */
export const counsellingSessions = pgTable(
  'counselling_sessions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    location: text('location'),
    counsellorId: uuid('counsellor_id')
      .notNull()
      .references(() => users.id),
    language: text('language').notNull(),
    interpreterUsed: boolean('interpreter_used').notNull().default(false),
    interpreterLanguage: text('interpreter_language'),
    topics: text('topics').array().$type<CounsellingTopic[]>().notNull().default([]),
    outcome: text('outcome').$type<CounsellingOutcome>().notNull(),
    nextStep: text('next_step'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    index('counselling_sessions_case_idx').on(t.missionId, t.caseId, t.heldOn),
    index('counselling_sessions_office_idx').on(t.missionId, t.officeId, t.heldOn),
  ],
);

export const outreachKinds = ['information_session', 'network_meeting'] as const;
export type OutreachKind = (typeof outreachKinds)[number];

/** An information session or network meeting held at a location: counted for outreach reporting. */
export const outreachActivities = pgTable(
  'outreach_activities',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    kind: text('kind').$type<OutreachKind>().notNull(),
    participants: integer('participants').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    index('outreach_activities_office_idx').on(t.missionId, t.officeId, t.heldOn),
    check('outreach_activities_participants_ck', sql`${t.participants} >= 0`),
  ],
);

export type CounsellingSessionRow = typeof counsellingSessions.$inferSelect;
export type OutreachActivityRow = typeof outreachActivities.$inferSelect;
