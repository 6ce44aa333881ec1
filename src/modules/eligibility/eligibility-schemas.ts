import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { ZOccurredAt } from '../../platform/time/fact-date.js';
import { amountBases, countryListKinds, eligibilityOutcomes, parameterKeys, tariffItems } from './schema.js';

const ZLocalized = z.object({ en: z.string(), nl: z.string() });
const ZCountry = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals');
const ZAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a decimal amount with at most 2 decimals');

/** The minimum length of a written justification for overriding a decision. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export const ZDeclarations = z
  .object({
    canPayOwnDeparture: z.boolean().optional(),
    intendsToLeavePermanently: z.boolean().optional(),
    agreesToEndProcedure: z.boolean().optional(),
    governmentObjection: z.boolean().optional(),
    dublinClaimant: z.boolean().optional(),
    travelDocumentObtainable: z.boolean().optional(),
    fledUkraine: z.boolean().optional(),
  })
  .describe('What the officer states about the application; left out means not recorded yet');

export const ZEvaluateQuery = z.object({
  date: ZIsoDate.optional().describe('The date to apply the policy of (default: today in the mission)'),
});
export const ZEvaluateBody = z.object({ declarations: ZDeclarations.default({}) });
export const ZRecordDecision = z.object({
  date: ZIsoDate.optional().describe(
    "The date whose policy applies: the day of occurredAt in the mission's calendar, else today",
  ),
  occurredAt: ZOccurredAt.describe(`When the decision was taken, when not now; ${ZOccurredAt.description}`),
  declarations: ZDeclarations.default({}),
});
export type RecordDecisionInput = z.infer<typeof ZRecordDecision>;

export const ZOverrideDecision = z.object({
  outcome: z.enum(eligibilityOutcomes),
  justification: z
    .string()
    .trim()
    .min(MIN_JUSTIFICATION_LENGTH, `write at least ${MIN_JUSTIFICATION_LENGTH} characters`)
    .max(4000),
});
export type OverrideDecisionInput = z.infer<typeof ZOverrideDecision>;

export const ZCaseParams = z.object({ id: z.uuid() });
export const ZDecisionParams = z.object({ id: z.uuid(), decisionId: z.uuid() });

const ZReason = z.object({
  code: z.string(),
  effect: z.enum(['refuses_return', 'refuses_reintegration', 'grants', 'note']),
  personId: z.string().optional(),
  message: ZLocalized,
});

const ZAmountLine = z.object({
  item: z.enum(tariffItems),
  amount: z.string().nullable(),
  currency: z.string(),
  basis: z.enum(amountBases),
  additive: z.boolean(),
});

export const ZEligibilityResult = z.object({
  outcome: z.enum(eligibilityOutcomes),
  date: z.string(),
  policyVersionId: z.string(),
  policyVersion: z.number().int(),
  reintegrationLevel: z.enum(['none', 'partial', 'full']),
  persons: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      category: z.enum(['adult', 'child', 'unaccompanied_minor']),
      returnEligible: z.boolean(),
      reintegrationEligible: z.boolean(),
      amounts: z.array(ZAmountLine),
    }),
  ),
  totals: z.array(z.object({ currency: z.string(), amount: z.string() })),
  reasons: z.array(ZReason),
});

export const ZEligibilityDecision = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(['computed', 'override']),
  decisionDate: z.string(),
  policyVersionId: z.uuid(),
  outcome: z.enum(eligibilityOutcomes),
  eligible: z.boolean(),
  inputs: z.record(z.string(), z.unknown()),
  result: ZEligibilityResult,
  overridesDecisionId: z.uuid().nullable(),
  justification: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  decidedAt: z.date(),
});

const dated = { validFrom: ZIsoDate.nullable(), validTo: ZIsoDate.nullable() };
const ZCountryRule = z.object({
  list: z.enum(countryListKinds),
  country: ZCountry,
  ...dated,
  note: z.string().max(500).default(''),
});
const ZTariff = z.object({
  item: z.enum(tariffItems),
  amount: ZAmount.nullable().describe('Decimal string; null when the amount is not known'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  basis: z.enum(amountBases).default('fixed'),
  ...dated,
  startUnknown: z.boolean().default(false),
  note: z.string().max(500).default(''),
});
const ZParameter = z.object({
  key: z.enum(parameterKeys),
  value: z.string().min(1).max(100),
  ...dated,
  note: z.string().max(500).default(''),
});

export const ZCreatePolicyVersion = z.object({
  effectiveFrom: ZIsoDate,
  note: z.string().trim().min(1, 'say what changed').max(1000),
  countryRules: z.array(ZCountryRule).max(1000),
  tariffs: z.array(ZTariff).max(200),
  parameters: z.array(ZParameter).max(100),
});
export type CreatePolicyVersion = z.infer<typeof ZCreatePolicyVersion>;

export const ZPolicyVersionHeader = z.object({
  id: z.uuid(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.date(),
});
export const ZPolicyVersion = ZPolicyVersionHeader.extend({
  countryRules: z.array(ZCountryRule),
  tariffs: z.array(ZTariff),
  parameters: z.array(ZParameter),
});
export const ZPolicyVersionParams = z.object({ versionId: z.uuid() });
export const ZInForceQuery = z.object({ date: ZIsoDate.optional() });
