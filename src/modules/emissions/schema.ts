import { integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';
import type { DistanceBandFactors } from './flight-emissions.js';

/**
 * A published set of flight emission factors, kept as data: a newer year is loaded beside the old
 * one, and every computed segment names the set it used, so past figures stay reproducible.
 */
export const emissionFactorSets = pgTable(
  'emission_factor_sets',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** The publication year; null when the source does not say which year it transcribes. */
    year: integer('year'),
    version: integer('version').notNull(),
    method: text('method').$type<'distance_band'>().notNull(),
    factors: jsonb('factors').$type<DistanceBandFactors>().notNull(),
    source: text('source'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    /** When an administrator retired the set: new bookings no longer use it, past ones keep it. */
    retiredAt: at('retired_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('emission_factor_sets_version_uq').on(t.missionId, t.name, t.version),
  ],
);

export type EmissionFactorSetRow = typeof emissionFactorSets.$inferSelect;
