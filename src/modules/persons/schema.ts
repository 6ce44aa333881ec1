import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];
export const dobPrecisions = ['exact', 'month', 'year', 'estimated'] as const;
export type DobPrecision = (typeof dobPrecisions)[number];

/** A migrant or family member known to the mission. */
export const persons = pgTable(
  'persons',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    givenNameNative: text('given_name_native'),
    familyNameNative: text('family_name_native'),
    aliases: text('aliases').array().notNull().default([]),
    sex: text('sex').$type<Sex>().notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    dateOfBirthPrecision: text('date_of_birth_precision').$type<DobPrecision>().notNull(),
    nationalities: text('nationalities').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    preferredLanguage: text('preferred_language'),
    phone: text('phone'),
    /** Lower-cased, unaccented names and aliases: what trigram search compares. */
    nameKey: text('name_key').notNull(),
    /** Consonant skeleton of each name (Mohammed, Muhammad, Mohamed → mhmd): transliteration-tolerant. */
    nameSkeleton: text('name_skeleton').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('persons_name_key_trgm').using('gin', t.nameKey.op('gin_trgm_ops')),
    index('persons_name_skeleton_trgm').using('gin', t.nameSkeleton.op('gin_trgm_ops')),
    index('persons_dob_idx').on(t.missionId, t.dateOfBirth),
  ],
);

export const documentKinds = [
  'passport',
  'laissez_passer',
  'national_id',
  'residence_permit',
  'other',
] as const;
export type IdentityDocumentKind = (typeof documentKinds)[number];

/** An identity or travel document held by a person. */
export const personDocuments = pgTable(
  'person_documents',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<IdentityDocumentKind>().notNull(),
    number: text('number').notNull(),
    issuingCountry: text('issuing_country').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    index('person_documents_person_idx').on(t.missionId, t.personId),
  ],
);

/** A stored person. */
export type PersonRow = typeof persons.$inferSelect;
/** A stored identity or travel document. */
export type PersonDocumentRow = typeof personDocuments.$inferSelect;
