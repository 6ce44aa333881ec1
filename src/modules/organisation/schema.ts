import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';

/** A national mission: the tenant. A small reference table. */
export const missions = pgTable('missions', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  /** IANA time zone: the mission's "today", and the days its figures count by. */
  timeZone: text('time_zone').notNull(),
  /** ISO 4217 code of the mission's money. */
  currency: text('currency').notNull(),
  /** The languages the mission works in (ISO 639-1). */
  languages: text('languages').array().notNull(),
  /** The default locale of its users and documents. */
  locale: text('locale').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const officeKinds = [
  'mission_office',
  'reception_centre',
  'detention_centre',
  'airport_desk',
  'origin_office',
] as const;
export type OfficeKind = (typeof officeKinds)[number];

/** An office or work location of a mission. */
export const offices = pgTable(
  'offices',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OfficeKind>().notNull(),
    country: text('country').notNull(),
    city: text('city'),
    /** A closed office keeps its records and history but takes no new cases or users. */
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.id] }), unique('offices_name_uq').on(t.missionId, t.name)],
);

/**
 * A person who signs in. Users are a small reference table (login looks them up by e-mail
 * across missions); each belongs to one mission.
 */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  missionId: uuid('mission_id')
    .notNull()
    .references(() => missions.id),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('en'),
  active: boolean('active').notNull().default(true),
  /** A platform administrator runs the installation: creates missions. Not a role of one mission. */
  platformAdmin: boolean('platform_admin').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const roles = [
  'counsellor',
  'vulnerable_cases_officer',
  'movements_officer',
  'reintegration_officer',
  'resettlement_officer',
  'diplomatic_liaison',
  'manager',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** A role held by a user at one office; office null means the whole mission. */
export const userRoles = pgTable(
  'user_roles',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<Role>().notNull(),
    officeId: uuid('office_id'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('user_roles_user_idx').on(t.userId),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
  ],
);

/** A team of users at an office. */
export const teams = pgTable(
  'teams',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    officeId: uuid('office_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    missionId: missionId(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.teamId, t.userId] }),
    foreignKey({ columns: [t.missionId, t.teamId], foreignColumns: [teams.missionId, teams.id] }),
  ],
);

/** Where referrals come from: an editable list per mission. */
export const referralSources = pgTable(
  'referral_sources',
  {
    missionId: missionId().references(() => missions.id),
    code: text('code').notNull(),
    labelEn: text('label_en').notNull(),
    labelNl: text('label_nl').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.code] })],
);

/** Per-mission counters for human-readable references (AVRR-2026-000123). */
export const missionCounters = pgTable(
  'mission_counters',
  {
    missionId: missionId().references(() => missions.id),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.name] })],
);
