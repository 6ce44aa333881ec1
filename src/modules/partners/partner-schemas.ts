import { z } from 'zod';
import { requireSomeField } from '../../platform/http/field-schemas.js';
import { vulnerabilityCategories } from '../cases/schema.js';
import { ZCreatePerson } from '../persons/person-schemas.js';
import { apiKeyScopes, importStatuses, partnerKinds, webhookCaseScopes } from './schema.js';
import { webhookEvents } from './webhook-events.js';

export const ZIdParams = z.object({ id: z.uuid() });

export const ZCreatePartner = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(partnerKinds),
  referralSource: z.string().trim().min(1).max(60),
  defaultOfficeId: z.uuid(),
  contactEmail: z.email().optional(),
});
export type CreatePartner = z.infer<typeof ZCreatePartner>;

export const ZUpdatePartner = requireSomeField(
  ZCreatePartner.partial().extend({ active: z.boolean().optional() }),
);
export type UpdatePartner = z.infer<typeof ZUpdatePartner>;

export const ZPartner = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(partnerKinds),
  referralSource: z.string(),
  defaultOfficeId: z.uuid(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1),
});

export const ZApiKey = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

const ZWebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('Where deliveries are POSTed (https in production)');

export const ZCreateWebhook = z.object({
  url: ZWebhookUrl,
  events: z.array(z.enum(webhookEvents)).min(1),
  caseScope: z.enum(webhookCaseScopes).default('referred'),
});

export const ZUpdateWebhook = requireSomeField(
  z.object({
    url: ZWebhookUrl.optional(),
    events: z.array(z.enum(webhookEvents)).min(1).optional(),
    caseScope: z.enum(webhookCaseScopes).optional(),
    active: z.boolean().optional(),
  }),
);

export const ZWebhook = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  caseScope: z.enum(webhookCaseScopes),
  active: z.boolean(),
  createdAt: z.string(),
});

const ZReferralPerson = ZCreatePerson.pick({
  givenName: true,
  familyName: true,
  givenNameNative: true,
  familyNameNative: true,
  sex: true,
  dateOfBirth: true,
  dateOfBirthPrecision: true,
  nationalities: true,
  languages: true,
  preferredLanguage: true,
  phone: true,
});
export type ReferralPerson = z.infer<typeof ZReferralPerson>;

export const ZCreateReferral = z.object({
  /** The partner's own reference: sending the same one again returns the same case. */
  partnerReference: z.string().trim().min(1).max(100),
  /** Who referred: taken from the API key; a signed-in user names the partner. */
  partnerId: z.uuid().optional(),
  /** The office to open the case at; the partner's default office when omitted. */
  officeId: z.uuid().optional(),
  /** The people travelling together; the first is the principal applicant. */
  persons: z.array(ZReferralPerson).min(1).max(12),
  vulnerabilities: z.array(z.enum(vulnerabilityCategories)).max(4).default([]),
});
export type CreateReferral = z.infer<typeof ZCreateReferral>;

export const ZReferral = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerReference: z.string(),
  createdAt: z.string(),
  case: z.object({ id: z.uuid(), reference: z.string(), status: z.string(), programme: z.string() }),
  /**
   * For each referred person, in order: the registered person and whether an existing record was
   * matched. To a partner's key only for the persons who consented to sharing with that partner;
   * the others (new or matched alike) are `{ withheld: true }`.
   */
  persons: z
    .array(
      z.union([
        z.object({ id: z.uuid(), matchedExisting: z.boolean() }),
        z.object({ withheld: z.literal(true) }),
      ]),
    )
    .optional()
    .describe(
      'Each referred person; a partner sees the id and the match only with the person’s consent to sharing with it',
    ),
});

export const ZReferralParams = z.object({ partnerReference: z.string().trim().min(1).max(100) });
export const ZReferralQuery = z.object({ partnerId: z.uuid().optional() });

export const ZImportProblem = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

export const ZReferralImport = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  filename: z.string(),
  status: z.enum(importStatuses),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.number().int(),
  report: z.array(ZImportProblem),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
