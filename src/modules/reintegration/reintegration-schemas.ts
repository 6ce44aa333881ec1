import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { BACKDATE_DAYS_WITHOUT_PERMISSION, ZOccurredAt } from '../../platform/time/fact-date.js';
import { ZUserSummary } from '../organisation/organisation-schemas.js';
import { AMOUNT_PATTERN, CURRENCY_PATTERN, RATE_PATTERN } from './money.js';
import { disbursementMethods, grantParts, grantTypes, planStatuses, supportKinds } from './schema.js';

const ZAmount = z
  .string()
  .regex(AMOUNT_PATTERN, 'An amount as a decimal string with at most 2 decimals, e.g. "1250.00"')
  .describe('A decimal amount as a string (never a JSON number), with its currency beside it');
const ZCurrency = z.string().regex(CURRENCY_PATTERN, 'An ISO 4217 code such as EUR').describe('ISO 4217');
const ZRate = z
  .string()
  .regex(RATE_PATTERN, 'A rate as a decimal string with at most 6 decimals, e.g. "0.000685"')
  .refine((value) => Number(value) > 0, 'The rate must be above zero')
  .describe('EUR per one unit of the currency, at most 6 decimals; 1 for EUR');

export const ZCaseParams = z.object({ id: z.uuid() });
export const ZGrantParams = z.object({ id: z.uuid(), grantId: z.uuid() });

export const ZPlanPolicies = z.object({
  draftPlan: z.boolean(),
  finalisePlan: z.boolean(),
  createGrant: z.boolean(),
  disburse: z.boolean(),
});

export const ZPlan = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  originOffice: z.object({ id: z.uuid(), name: z.string(), country: z.string() }),
  supportKinds: z.array(z.enum(supportKinds)),
  description: z.string(),
  status: z.enum(planStatuses),
  version: z.number().int(),
  draftedBy: ZUserSummary.nullable(),
  draftedAt: z.iso.datetime(),
  finalisedBy: ZUserSummary.nullable(),
  finalisedAt: z.iso.datetime().nullable(),
  revisedBy: ZUserSummary.nullable(),
  revisedAt: z.iso.datetime().nullable(),
});
export type Plan = z.infer<typeof ZPlan>;

export const ZPlanResponse = z.object({ plan: ZPlan.nullable(), policies: ZPlanPolicies });

export const ZSavePlan = z.object({
  supportKinds: z
    .array(z.enum(supportKinds))
    .min(1)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'Each kind of support once'),
  description: z.string().trim().min(1).max(20_000),
  originOfficeId: z
    .uuid()
    .describe('The office in the country of origin that finalises the plan and pays in kind'),
  version: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('The version you edited (required to change a plan)'),
});
export type SavePlan = z.infer<typeof ZSavePlan>;

export const ZFinalisePlan = z.object({ version: z.number().int().positive() });

export const ZBudget = z.object({
  id: z.uuid(),
  projectCode: z.string(),
  name: z.string(),
  currency: z.string(),
  amount: z.string(),
  committed: z.string(),
  remaining: z.string(),
  active: z.boolean().describe('false: retired; its grants stay, it funds no new ones'),
});
export const ZCreateBudget = z.object({
  projectCode: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  currency: ZCurrency,
  amount: ZAmount,
});
export type CreateBudget = z.infer<typeof ZCreateBudget>;
export const ZUpdateBudget = z
  .object({
    name: z.string().trim().min(1).max(200),
    amount: ZAmount.describe('never below what grants have drawn'),
    active: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'change at least one field');
export type UpdateBudget = z.infer<typeof ZUpdateBudget>;

export const ZPartnerNgo = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export const ZCreatePartnerNgo = z.object({ name: z.string().trim().min(1).max(200) });
export const ZUpdatePartnerNgo = z
  .object({ name: z.string().trim().min(1).max(200), active: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'change at least one field');

export const ZDisbursement = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  part: z.enum(grantParts),
  method: z.enum(disbursementMethods),
  currency: z.string(),
  amount: z.string(),
  rateToEur: z.string(),
  amountEur: z.string(),
  debit: z.string().describe("What the line took off the grant, in the grant's currency"),
  paidOn: ZIsoDate,
  office: z.object({ id: z.uuid(), name: z.string() }),
  receiptDocumentId: z.uuid().nullable(),
  recordedBy: ZUserSummary.nullable(),
  recordedAt: z.iso.datetime(),
});
export type Disbursement = z.infer<typeof ZDisbursement>;

export const ZGrant = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  type: z.enum(grantTypes),
  partnerNgo: ZPartnerNgo.nullable(),
  fundingProject: z.string(),
  originOffice: z.object({ id: z.uuid(), name: z.string() }),
  currency: z.string(),
  amount: z.string(),
  cashAmount: z.string().describe('Paid in cash at departure'),
  inKindAmount: z.string().describe('Paid in kind after return by the origin office'),
  disbursedCash: z.string(),
  disbursedInKind: z.string(),
  balance: z.string(),
  cashRemaining: z.string(),
  inKindRemaining: z.string(),
  disbursedEur: z.string().describe('Sum of the EUR equivalents of the ledger lines'),
  capsSource: z.string(),
  note: z.string().nullable(),
  createdBy: ZUserSummary.nullable(),
  createdAt: z.iso.datetime(),
  ledger: z.array(ZDisbursement),
});
export type Grant = z.infer<typeof ZGrant>;

export const ZCreateGrant = z
  .object({
    type: z.enum(grantTypes),
    partnerNgoId: z.uuid().optional().describe('Required for partner_ngo grants'),
    fundingProject: z.string().trim().min(1).max(100).describe('Code of a funding project with a budget'),
    currency: ZCurrency,
    amount: ZAmount,
    cashAmount: ZAmount.default('0').describe('The part paid in cash at departure (capped)'),
    note: z.string().trim().max(2000).optional(),
    occurredAt: ZOccurredAt.describe(`When the grant was made, when not now; ${ZOccurredAt.description}`),
  })
  .superRefine((grant, context) => {
    if ((grant.type === 'partner_ngo') !== (grant.partnerNgoId !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['partnerNgoId'],
        message: 'A partner NGO is named for partner_ngo grants, and only for them',
      });
    }
  });
export type CreateGrant = z.infer<typeof ZCreateGrant>;

export const ZRecordDisbursement = z.object({
  part: z.enum(grantParts),
  method: z.enum(disbursementMethods),
  currency: ZCurrency,
  amount: ZAmount,
  rateToEur: ZRate,
  paidOn: ZIsoDate.describe(
    `The day it was paid, in the mission's calendar (when it happened): not in the future, not before the grant was made; more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days back needs the "record history" permission and is audited`,
  ),
  receiptDocumentId: z.uuid().optional().describe('A document of this case: the signed receipt'),
});
export type RecordDisbursement = z.infer<typeof ZRecordDisbursement>;
