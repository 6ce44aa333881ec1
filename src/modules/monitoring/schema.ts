import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
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
import { cases } from '../cases/schema.js';
import { missions, offices } from '../organisation/schema.js';

/** A score between 0 and 1 with four decimals. */
const score = (name: string) => numeric(name, { precision: 5, scale: 4, mode: 'string' });

export const visitModes = ['in_person', 'phone'] as const;
export type VisitMode = (typeof visitModes)[number];

/** A post-return monitoring visit (or call) by an office in the country of origin. */
export const monitoringVisits = pgTable(
  'monitoring_visits',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    mode: text('mode').$type<VisitMode>().notNull(),
    officeId: uuid('office_id').notNull(),
    visitedBy: uuid('visited_by').notNull(),
    notes: text('notes'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    index('monitoring_visits_case_idx').on(t.missionId, t.caseId, t.visitDate),
  ],
);

/** Indicator and dimension weights keyed by id, as kept in a weights version. */
export type WeightMap = Record<string, string>;

/**
 * The scoring weights of the sustainability survey, versioned per mission: a change adds a
 * version, so every survey keeps the weights it was scored with.
 */
export const sustainabilityWeights = pgTable(
  'sustainability_weights',
  {
    missionId: missionId().references(() => missions.id),
    version: integer('version').notNull(),
    dimensionWeights: jsonb('dimension_weights').$type<WeightMap>().notNull(),
    indicatorWeights: jsonb('indicator_weights').$type<WeightMap>().notNull(),
    /** Composite score from which a returnee counts as sustainably reintegrated; null: no verdict. */
    sustainableThreshold: score('sustainable_threshold'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.version] }),
    check('sustainability_weights_version_ck', sql`${t.version} > 0`),
  ],
);

/** A reintegration sustainability survey: the answers and the scores computed when it was taken. */
export const sustainabilitySurveys = pgTable(
  'sustainability_surveys',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    visitId: uuid('visit_id'),
    surveyDate: date('survey_date', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    weightsVersion: integer('weights_version').notNull(),
    economicScore: score('economic_score'),
    socialScore: score('social_score'),
    psychosocialScore: score('psychosocial_score'),
    compositeScore: score('composite_score'),
    sustainable: boolean('sustainable'),
    officeId: uuid('office_id').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({
      columns: [t.missionId, t.visitId],
      foreignColumns: [monitoringVisits.missionId, monitoringVisits.id],
    }),
    foreignKey({
      columns: [t.missionId, t.weightsVersion],
      foreignColumns: [sustainabilityWeights.missionId, sustainabilityWeights.version],
    }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    index('sustainability_surveys_case_idx').on(t.missionId, t.caseId, t.surveyDate),
  ],
);
