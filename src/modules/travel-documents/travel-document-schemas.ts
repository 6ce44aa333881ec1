import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { ZCountryCode } from '../persons/person-schemas.js';
import { embassyKinds, issuedDocumentKinds, travelDocumentRequestStatuses } from './schema.js';

const ZDate = ZIsoDate;
const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZIdParams = z.object({ id: z.uuid() });

export const ZCreateEmbassy = z.object({
  country: ZCountryCode.describe('The country the embassy or consulate represents (ISO 3166-1 alpha-2)'),
  kind: z.enum(embassyKinds),
  city: ZText(100),
  address: ZText(500).optional(),
  phone: ZText(40).optional(),
  email: z.email().max(200).optional(),
  notes: ZText(2000).optional(),
  reminderDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .nullable()
    .optional()
    .describe('Days without an answer before a request is overdue; the default (30) when null or left out'),
});
export type CreateEmbassy = z.infer<typeof ZCreateEmbassy>;

export const ZUpdateEmbassy = ZCreateEmbassy.partial().extend({
  address: ZText(500).nullable().optional(),
  phone: ZText(40).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  notes: ZText(2000).nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateEmbassy = z.infer<typeof ZUpdateEmbassy>;

export const ZEmbassy = z.object({
  id: z.uuid(),
  country: z.string(),
  kind: z.enum(embassyKinds),
  city: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  reminderDays: z.number().int().nullable(),
  effectiveReminderDays: z.number().int(),
  active: z.boolean(),
});
export type Embassy = z.infer<typeof ZEmbassy>;

export const ZEmbassyQuery = z.object({
  country: ZCountryCode.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const ZCreateTravelDocumentRequest = z.object({
  personId: z.uuid().describe('A person of the case'),
  embassyId: z.uuid(),
  requestedOn: ZDate,
  notes: ZText(2000).optional(),
});
export type CreateTravelDocumentRequest = z.infer<typeof ZCreateTravelDocumentRequest>;

const version = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('The version you edited; a stale one gets 409');

export const ZChangeRequestStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('interview_scheduled'), interviewOn: ZDate, version }),
  z
    .object({
      status: z.literal('issued'),
      documentKind: z.enum(issuedDocumentKinds),
      documentNumber: ZText(50),
      validFrom: ZDate.optional(),
      validUntil: ZDate,
      version,
    })
    .refine((d) => !d.validFrom || d.validFrom <= d.validUntil, {
      path: ['validUntil'],
      message: 'must not be before validFrom',
    }),
  z.object({ status: z.literal('refused'), reason: ZText(2000), version }),
  z.object({ status: z.literal('cancelled'), reason: ZText(2000).optional(), version }),
]);
export type ChangeRequestStatus = z.infer<typeof ZChangeRequestStatus>;

export const ZTravelDocumentRequest = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  embassy: z.object({ id: z.uuid(), country: z.string(), kind: z.enum(embassyKinds), city: z.string() }),
  status: z.enum(travelDocumentRequestStatuses),
  requestedOn: ZDate,
  interviewOn: ZDate.nullable(),
  documentKind: z.enum(issuedDocumentKinds).nullable(),
  documentNumber: z.string().nullable(),
  validFrom: ZDate.nullable(),
  validUntil: ZDate.nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  daysWaiting: z.number().int(),
  overdue: z.boolean(),
  reminderTaskId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TravelDocumentRequest = z.infer<typeof ZTravelDocumentRequest>;

export const ZOpenRequestsQuery = z.object({
  overdueOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe('"true": only requests past their embassy\'s reminder days'),
});

export const ZOpenRequestsByEmbassy = z.object({
  groups: z.array(
    z.object({
      embassy: ZEmbassy,
      overdue: z.number().int(),
      requests: z.array(ZTravelDocumentRequest),
    }),
  ),
});
