import {
  boolean,
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
import { cases, caseTasks } from '../cases/schema.js';
import { persons } from '../persons/schema.js';

export const embassyKinds = ['embassy', 'consulate'] as const;
export type EmbassyKind = (typeof embassyKinds)[number];

/** The mission's directory of embassies and consulates that issue travel documents. */
export const embassies = pgTable(
  'embassies',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    country: text('country').notNull(),
    kind: text('kind').$type<EmbassyKind>().notNull(),
    city: text('city').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
    /** Days without an answer before a request counts as overdue; null means the mission default. */
    reminderDays: integer('reminder_days'),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('embassies_country_idx').on(t.missionId, t.country),
  ],
);

export const travelDocumentRequestStatuses = [
  'requested',
  'interview_scheduled',
  'issued',
  'refused',
  'cancelled',
] as const;
export type TravelDocumentRequestStatus = (typeof travelDocumentRequestStatuses)[number];

export const issuedDocumentKinds = ['passport', 'laissez_passer'] as const;
export type IssuedDocumentKind = (typeof issuedDocumentKinds)[number];

/** A request to an embassy for a travel document for one person of a case. */
export const travelDocumentRequests = pgTable(
  'travel_document_requests',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    embassyId: uuid('embassy_id').notNull(),
    status: text('status').$type<TravelDocumentRequestStatus>().notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    interviewOn: date('interview_on', { mode: 'string' }),
    documentKind: text('document_kind').$type<IssuedDocumentKind>(),
    documentNumber: text('document_number'),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The identity document recorded on the person when the document was issued. */
    personDocumentId: uuid('person_document_id'),
    reason: text('reason'),
    notes: text('notes'),
    /** The liaison's reminder task, once the request went overdue (at most one per request). */
    reminderTaskId: uuid('reminder_task_id'),
    answeredAt: at('answered_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({
      columns: [t.missionId, t.embassyId],
      foreignColumns: [embassies.missionId, embassies.id],
    }),
    foreignKey({
      columns: [t.missionId, t.reminderTaskId],
      foreignColumns: [caseTasks.missionId, caseTasks.id],
    }),
    index('travel_document_requests_case_idx').on(t.missionId, t.caseId),
    index('travel_document_requests_open_idx').on(t.missionId, t.status, t.embassyId),
  ],
);

export type EmbassyRow = typeof embassies.$inferSelect;
export type TravelDocumentRequestRow = typeof travelDocumentRequests.$inferSelect;
