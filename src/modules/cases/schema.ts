import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions, offices, users } from '../organisation/schema.js';
import { persons } from '../persons/schema.js';

/** The people who travel together; a case covers one group. */
export const caseGroups = pgTable(
  'case_groups',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.id] })],
);

export const caseGroupMembers = pgTable(
  'case_group_members',
  {
    missionId: missionId(),
    caseGroupId: uuid('case_group_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').$type<'principal' | 'member'>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.caseGroupId, t.personId] }),
    foreignKey({
      columns: [t.missionId, t.caseGroupId],
      foreignColumns: [caseGroups.missionId, caseGroups.id],
    }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    index('case_group_members_person_idx').on(t.missionId, t.personId),
  ],
);

export const vulnerabilityCategories = [
  'unaccompanied_minor',
  'health_needs',
  'victim_of_trafficking',
  'other',
] as const;
export type VulnerabilityCategory = (typeof vulnerabilityCategories)[number];

/** A case: one programme's workflow for one case group. */
export const cases = pgTable(
  'cases',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    programme: text('programme').notNull(),
    status: text('status').notNull(),
    previousStatus: text('previous_status'),
    caseGroupId: uuid('case_group_id').notNull(),
    officeId: uuid('office_id').notNull(),
    /** The office in the country of return that receives the person and runs reintegration. */
    returnOfficeId: uuid('return_office_id'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    referralSource: text('referral_source').notNull(),
    vulnerabilities: text('vulnerabilities').array().$type<VulnerabilityCategory[]>().notNull().default([]),
    fundingProject: text('funding_project'),
    guardianConfirmedHost: boolean('guardian_confirmed_host').notNull().default(false),
    guardianConfirmedReturn: boolean('guardian_confirmed_return').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    statusChangedAt: at('status_changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('cases_reference_uq').on(t.missionId, t.reference),
    foreignKey({
      columns: [t.missionId, t.caseGroupId],
      foreignColumns: [caseGroups.missionId, caseGroups.id],
    }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    foreignKey({
      name: 'cases_return_office_fk',
      columns: [t.missionId, t.returnOfficeId],
      foreignColumns: [offices.missionId, offices.id],
    }),
    index('cases_return_office_idx').on(t.missionId, t.returnOfficeId),
    index('cases_caseload_idx').on(t.missionId, t.officeId, t.status, t.updatedAt),
    index('cases_assignee_idx').on(t.missionId, t.assigneeId, t.updatedAt),
    index('cases_updated_idx').on(t.missionId, t.updatedAt),
    index('cases_group_idx').on(t.missionId, t.caseGroupId),
  ],
);

/**
 * The case timeline: one row per thing that happened, written by the services, with when it
 * happened (`occurred_at`, which may lie in the past) and when it was entered (`recorded_at`).
 */
export const caseEvents = pgTable(
  'case_events',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    occurredAt: at('occurred_at').notNull(),
    recordedAt: at('recorded_at').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    index('case_events_case_idx').on(t.missionId, t.caseId, t.occurredAt),
  ],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    body: text('body').notNull(),
    /** A restricted category (medical, trafficking, minor): only those who need to know read the body. */
    restriction: text('restriction'),
    authorId: uuid('author_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    index('case_notes_case_idx').on(t.missionId, t.caseId),
  ],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** A blocking task holds up travel booking until it is done (the workflow guard reads it). */
    blocksTravel: boolean('blocks_travel').notNull().default(false),
    doneAt: at('done_at'),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    index('case_tasks_case_idx').on(t.missionId, t.caseId),
    index('case_tasks_assignee_idx').on(t.missionId, t.assigneeId, t.doneAt),
  ],
);

export const caseDocuments = pgTable(
  'case_documents',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    filename: text('filename').notNull(),
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    index('case_documents_case_idx').on(t.missionId, t.caseId),
  ],
);
