import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { caseDocuments, cases } from '../cases/schema.js';
import { missions, offices } from '../organisation/schema.js';

/** Money in the ledger: numeric(14,2), read and written as strings, never as floats. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'string' });

export const supportKinds = ['business', 'education_training', 'housing', 'medical', 'other'] as const;
export type SupportKind = (typeof supportKinds)[number];

export const planStatuses = ['draft', 'finalised', 'revised'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/**
 * The reintegration plan of a case: drafted in the host country, finalised (and later revised)
 * by the office in the country of origin that will pay the in-kind support.
 */
export const reintegrationPlans = pgTable(
  'reintegration_plans',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    originOfficeId: uuid('origin_office_id').notNull(),
    supportKinds: text('support_kinds').array().$type<SupportKind[]>().notNull(),
    description: text('description').notNull(),
    status: text('status').$type<PlanStatus>().notNull(),
    version: integer('version').notNull().default(1),
    draftedBy: uuid('drafted_by').notNull(),
    draftedAt: at('drafted_at').notNull(),
    finalisedBy: uuid('finalised_by'),
    finalisedAt: at('finalised_at'),
    revisedBy: uuid('revised_by'),
    revisedAt: at('revised_at'),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('reintegration_plans_case_uq').on(t.missionId, t.caseId),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({
      columns: [t.missionId, t.originOfficeId],
      foreignColumns: [offices.missionId, offices.id],
    }),
    index('reintegration_plans_office_idx').on(t.missionId, t.originOfficeId),
    check('reintegration_plans_kinds_ck', sql`cardinality(${t.supportKinds}) > 0`),
  ],
);

/** Partner NGOs on whose behalf the mission pays grants: a small per-mission list. */
export const partnerNgos = pgTable(
  'partner_ngos',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('partner_ngos_name_uq').on(t.missionId, t.name),
  ],
);

/**
 * The reintegration budget of a funding project. `committed` is the sum of the grants drawn on
 * it, kept under a row lock so two grants cannot together exceed the budget.
 */
export const fundingBudgets = pgTable(
  'funding_budgets',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    projectCode: text('project_code').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    amount: money('amount').notNull(),
    committed: money('committed').notNull().default('0'),
    /** A retired budget keeps its grants but funds no new ones. */
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('funding_budgets_project_uq').on(t.missionId, t.projectCode),
    check('funding_budgets_amount_ck', sql`${t.amount} >= 0`),
    check('funding_budgets_committed_ck', sql`${t.committed} >= 0 and ${t.committed} <= ${t.amount}`),
  ],
);

export const grantTypes = ['economic', 'medical', 'partner_ngo'] as const;
export type GrantType = (typeof grantTypes)[number];

/**
 * A reintegration grant: a cash part paid at departure and an in-kind part paid after return.
 * The disbursed totals are the sums of the ledger lines, kept on the row so that the CHECKs can
 * refuse any overdraft even if the service were bypassed.
 */
export const reintegrationGrants = pgTable(
  'reintegration_grants',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    type: text('type').$type<GrantType>().notNull(),
    partnerNgoId: uuid('partner_ngo_id'),
    budgetId: uuid('budget_id').notNull(),
    originOfficeId: uuid('origin_office_id').notNull(),
    currency: text('currency').notNull(),
    amount: money('amount').notNull(),
    cashAmount: money('cash_amount').notNull(),
    disbursedCash: money('disbursed_cash').notNull().default('0'),
    disbursedInKind: money('disbursed_in_kind').notNull().default('0'),
    capsSource: text('caps_source').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({
      columns: [t.missionId, t.budgetId],
      foreignColumns: [fundingBudgets.missionId, fundingBudgets.id],
    }),
    foreignKey({
      columns: [t.missionId, t.partnerNgoId],
      foreignColumns: [partnerNgos.missionId, partnerNgos.id],
    }),
    foreignKey({
      columns: [t.missionId, t.originOfficeId],
      foreignColumns: [offices.missionId, offices.id],
    }),
    index('reintegration_grants_case_idx').on(t.missionId, t.caseId),
    index('reintegration_grants_office_idx').on(t.missionId, t.originOfficeId),
    check('reintegration_grants_amount_ck', sql`${t.amount} > 0`),
    check('reintegration_grants_cash_ck', sql`${t.cashAmount} >= 0 and ${t.cashAmount} <= ${t.amount}`),
    check(
      'reintegration_grants_disbursed_cash_ck',
      sql`${t.disbursedCash} >= 0 and ${t.disbursedCash} <= ${t.cashAmount}`,
    ),
    check(
      'reintegration_grants_disbursed_in_kind_ck',
      sql`${t.disbursedInKind} >= 0 and ${t.disbursedInKind} <= ${t.amount} - ${t.cashAmount}`,
    ),
    check(
      'reintegration_grants_partner_ck',
      sql`(${t.type} = 'partner_ngo') = (${t.partnerNgoId} is not null)`,
    ),
  ],
);

export const grantParts = ['cash_at_departure', 'in_kind'] as const;
export type GrantPart = (typeof grantParts)[number];
export const disbursementMethods = ['cash', 'in_kind', 'voucher'] as const;
export type DisbursementMethod = (typeof disbursementMethods)[number];

/** One payment out of a grant: an append-only ledger line (a trigger refuses UPDATE and DELETE). */
export const grantDisbursements = pgTable(
  'grant_disbursements',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    grantId: uuid('grant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    part: text('part').$type<GrantPart>().notNull(),
    method: text('method').$type<DisbursementMethod>().notNull(),
    currency: text('currency').notNull(),
    amount: money('amount').notNull(),
    rateToEur: numeric('rate_to_eur', { precision: 18, scale: 6, mode: 'string' }).notNull(),
    amountEur: money('amount_eur').notNull(),
    /** What the line takes off the grant, in the grant's currency. */
    debit: money('debit').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    officeId: uuid('office_id').notNull(),
    receiptDocumentId: uuid('receipt_document_id'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.grantId],
      foreignColumns: [reintegrationGrants.missionId, reintegrationGrants.id],
    }),
    foreignKey({ columns: [t.missionId, t.officeId], foreignColumns: [offices.missionId, offices.id] }),
    foreignKey({
      columns: [t.missionId, t.receiptDocumentId],
      foreignColumns: [caseDocuments.missionId, caseDocuments.id],
    }),
    index('grant_disbursements_grant_idx').on(t.missionId, t.grantId, t.recordedAt),
    check('grant_disbursements_amount_ck', sql`${t.amount} > 0 and ${t.debit} > 0 and ${t.amountEur} >= 0`),
    check('grant_disbursements_rate_ck', sql`${t.rateToEur} > 0`),
  ],
);
