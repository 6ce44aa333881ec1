import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { cases } from '../cases/schema.js';
import { missions } from '../organisation/schema.js';

/**
 * One version of a mission's return policy. A change writes a new version with all its rows;
 * older versions are never rewritten, so a decision can always be reproduced from the version it used.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    /** From this date on, decisions use this version (until a later version takes effect). */
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    /** Null for versions written by the system (the seed of a new mission). */
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('policy_versions_number_uq').on(t.missionId, t.version),
    index('policy_versions_effective_idx').on(t.missionId, t.effectiveFrom),
  ],
);

export const countryListKinds = ['return_excluded', 'reintegration_excluded'] as const;
export type CountryListKind = (typeof countryListKinds)[number];

/** A country on one of the policy's dated lists (nationals, or holders of its permits, are excluded). */
export const policyCountryRules = pgTable(
  'policy_country_rules',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    versionId: uuid('version_id').notNull(),
    list: text('list').$type<CountryListKind>().notNull(),
    country: text('country').notNull(),
    /** Null: since before any date the policy knows of. */
    validFrom: date('valid_from', { mode: 'string' }),
    /** Null: still in force. Inclusive. */
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.versionId],
      foreignColumns: [policyVersions.missionId, policyVersions.id],
    }),
    index('policy_country_rules_version_idx').on(t.missionId, t.versionId),
  ],
);

export const tariffItems = [
  'return_allowance_adult',
  'return_allowance_child',
  'inkind_budget_adult',
  'inkind_budget_minor_with_family',
  'inkind_budget_unaccompanied_minor',
  'cash_part_cap',
  'post_arrival_assistance',
  'reintegration_in_kind',
  'medical_budget',
] as const;
export type TariffItem = (typeof tariffItems)[number];
export const amountBases = ['fixed', 'minimum', 'maximum'] as const;
export type AmountBasis = (typeof amountBases)[number];

/** An amount of the policy, dated; amount null means the figure is not known yet. */
export const policyTariffs = pgTable(
  'policy_tariffs',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    versionId: uuid('version_id').notNull(),
    item: text('item').$type<TariffItem>().notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'string' }),
    currency: text('currency').notNull().default('EUR'),
    /** "from EUR 200" is a minimum, "at most EUR 1,800" a maximum. */
    basis: text('basis').$type<AmountBasis>().notNull().default('fixed'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** The start date is not known: the row is shown but not applied until an administrator dates it. */
    startUnknown: boolean('start_unknown').notNull().default(false),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.versionId],
      foreignColumns: [policyVersions.missionId, policyVersions.id],
    }),
    index('policy_tariffs_version_idx').on(t.missionId, t.versionId),
  ],
);

export const parameterKeys = ['previous_departure_years', 'ukraine_third_country_exception'] as const;
export type ParameterKey = (typeof parameterKeys)[number];

/** A dated rule parameter: the 5-year rule's years, or a rule flag (value 'true'/'false'). */
export const policyParameters = pgTable(
  'policy_parameters',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    versionId: uuid('version_id').notNull(),
    key: text('key').$type<ParameterKey>().notNull(),
    value: text('value').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.versionId],
      foreignColumns: [policyVersions.missionId, policyVersions.id],
    }),
    index('policy_parameters_version_idx').on(t.missionId, t.versionId),
  ],
);

export const decisionKinds = ['computed', 'override'] as const;
export type DecisionKind = (typeof decisionKinds)[number];
export const eligibilityOutcomes = [
  'eligible_return_and_reintegration',
  'eligible_return',
  'ineligible',
] as const;
export type EligibilityOutcome = (typeof eligibilityOutcomes)[number];

/**
 * An eligibility decision on a case, with the inputs and the policy version it used, so it can be
 * reproduced later. An override is a new row pointing at the decision it overrides.
 */
export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').$type<DecisionKind>().notNull(),
    /** The date the policy was applied for. */
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    policyVersionId: uuid('policy_version_id').notNull(),
    outcome: text('outcome').$type<EligibilityOutcome>().notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    /** Reasons, per-person amounts and totals, as shown when the decision was made. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    overridesDecisionId: uuid('overrides_decision_id'),
    justification: text('justification'),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: at('decided_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({
      columns: [t.missionId, t.policyVersionId],
      foreignColumns: [policyVersions.missionId, policyVersions.id],
    }),
    foreignKey({
      columns: [t.missionId, t.overridesDecisionId],
      foreignColumns: [t.missionId, t.id],
    }),
    index('eligibility_decisions_case_idx').on(t.missionId, t.caseId, t.decidedAt),
  ],
);

export type PolicyVersionRow = typeof policyVersions.$inferSelect;
export type EligibilityDecisionRow = typeof eligibilityDecisions.$inferSelect;
