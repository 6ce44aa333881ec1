import { z } from 'zod';
import { ZUserSummary } from '../organisation/organisation-schemas.js';

export const accessLogActions = [
  'case.read_sensitive',
  'vulnerability_details.read',
  'case.break_glass',
] as const;

export const ZBreakGlass = z.object({
  reason: z.string().trim().min(10).max(1000).describe('Why the restricted data must be opened now'),
});
export type BreakGlass = z.infer<typeof ZBreakGlass>;

export const ZAccessLogQuery = z.object({
  userId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  needsReview: z
    .enum(['true', 'false'])
    .optional()
    .describe('"true": only break-glass accesses not yet reviewed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AccessLogQuery = z.infer<typeof ZAccessLogQuery>;

export const ZAccessLogEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  action: z.enum(accessLogActions),
  user: ZUserSummary.nullable(),
  recordType: z.enum(['case', 'person']).describe('What was read: a case and its data, or a person'),
  caseId: z.string().describe('The case (or, for recordType person, the person) whose data was read'),
  caseReference: z.string().nullable(),
  what: z.string().describe('case, notes, document, vulnerability details or break-glass'),
  categories: z.array(z.string()),
  breakGlass: z.boolean().describe('Read under a break-glass access, or the break-glass itself'),
  reason: z.string().nullable(),
  needsReview: z.boolean(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedBy: ZUserSummary.nullable(),
});
export type AccessLogEntry = z.infer<typeof ZAccessLogEntry>;

export const ZReviewAccess = z.object({ note: z.string().trim().max(1000).optional() });
export const ZAccessEntryParams = z.object({ id: z.uuid() });
