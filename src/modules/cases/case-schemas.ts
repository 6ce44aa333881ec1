import { z } from 'zod';
import { ZOccurredAt } from '../../platform/time/fact-date.js';
import { ZPerson } from '../persons/person-schemas.js';
import { vulnerabilityCategories } from './schema.js';

export const programmes = ['avrr'] as const;

const ZLocalized = z.object({ en: z.string(), nl: z.string() });
const ZUserRef = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });

export const ZCreateCase = z.object({
  programme: z.enum(programmes),
  personIds: z.array(z.uuid()).min(1, 'add at least one person').max(20),
  officeId: z.uuid(),
  returnOfficeId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  referralSource: z.string().min(1).max(40),
  vulnerabilities: z.array(z.enum(vulnerabilityCategories)).max(4).default([]),
  fundingProject: z.string().trim().min(1).max(100).optional(),
  occurredAt: ZOccurredAt.describe(`When the case was registered, when not now; ${ZOccurredAt.description}`),
});
export type CreateCase = z.input<typeof ZCreateCase>;

export const ZUpdateCase = z.object({
  version: z.number().int().positive(),
  officeId: z.uuid().optional(),
  returnOfficeId: z.uuid().nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  referralSource: z.string().min(1).max(40).optional(),
  vulnerabilities: z.array(z.enum(vulnerabilityCategories)).max(4).optional(),
  fundingProject: z.string().trim().max(100).nullable().optional(),
  guardianConfirmedHost: z.boolean().optional(),
  guardianConfirmedReturn: z.boolean().optional(),
});
export type UpdateCase = z.infer<typeof ZUpdateCase>;

export const ZTransitionRequest = z.object({
  transition: z.string().min(1).max(60),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().positive().optional(),
});
export type TransitionCaseInput = z.infer<typeof ZTransitionRequest>;

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * Where a page of the caseload ends, in its order (last change first, then id): the case's
 * updatedAt to the microsecond, as the database holds it, and its id. Sent as an opaque base64url
 * string.
 */
export interface CaseCursor {
  updatedAt: string;
  id: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCaseCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt, cursor.id])).toString('base64url');
}

/** The cursor in `value`, or null when it is not one this list gave. */
export function decodeCaseCursor(value: string): CaseCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [updatedAt, id] = parsed;
    if (typeof updatedAt !== 'string' || !CURSOR_TIME.test(updatedAt)) return null;
    if (Number.isNaN(Date.parse(updatedAt)) || typeof id !== 'string' || !CURSOR_ID.test(id)) return null;
    return { updatedAt, id };
  } catch {
    return null;
  }
}

export const ZListCasesQuery = z
  .object({
    status: z.string().max(40).optional(),
    programme: z.enum(programmes).optional(),
    officeId: z.uuid().optional(),
    assigneeId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
    vulnerability: z.enum(vulnerabilityCategories).optional(),
    q: z.string().trim().max(100).optional(),
    open: booleanQuery.optional(),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe('The page number, from 1 (the default); not with `after`'),
    after: z
      .string()
      .max(200)
      .transform((value, ctx) => {
        const cursor = decodeCaseCursor(value);
        if (!cursor) {
          ctx.issues.push({ code: 'custom', message: 'is not a cursor this list gave', input: value });
          return z.NEVER;
        }
        return cursor;
      })
      .optional()
      .describe(
        'The `nextCursor` of the previous answer: the page after its last case (keyset pagination, as fast on deep pages as on the first); not with `page`',
      ),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((query) => query.page === undefined || query.after === undefined, {
    path: ['after'],
    message: 'give either page or after, not both',
  });
export type ListCasesQuery = z.infer<typeof ZListCasesQuery>;

export const ZPersonName = z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() });

export const ZCaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  programme: z.string(),
  status: z.string(),
  statusLabel: ZLocalized,
  office: z.object({ id: z.uuid(), name: z.string() }),
  assignee: ZUserRef.nullable(),
  vulnerabilities: z.array(z.string()),
  persons: z.array(ZPersonName),
  updatedAt: z.date(),
});

export const ZCasePerson = ZPerson.extend({ role: z.enum(['principal', 'member']) });

export const ZCaseDetail = ZCaseSummary.omit({ persons: true }).extend({
  version: z.number().int(),
  returnOffice: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  referralSource: z.string(),
  fundingProject: z.string().nullable(),
  guardianConfirmedHost: z.boolean(),
  guardianConfirmedReturn: z.boolean(),
  previousStatus: z.string().nullable(),
  createdAt: z.date(),
  statusChangedAt: z.date(),
  persons: z.array(ZCasePerson),
  policies: z.object({
    update: z.boolean(),
    transition: z.boolean(),
    addNote: z.boolean(),
    addTask: z.boolean(),
    uploadDocument: z.boolean(),
    breakGlass: z
      .boolean()
      .describe("A manager may open the case's restricted data with a reason (break-glass)"),
  }),
});
export type CaseDetail = z.infer<typeof ZCaseDetail>;

export const ZTransitionOption = z.object({
  transition: z.string(),
  to: z.string(),
  label: ZLocalized,
  allowed: z.boolean(),
  requiresReason: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: ZLocalized })),
});

export const ZTimelineEntry = z.object({
  id: z.uuid(),
  /** When it happened. */
  occurredAt: z.date(),
  /** When it was entered (later than occurredAt for a past fact recorded afterwards). */
  recordedAt: z.date(),
  kind: z.string(),
  actor: ZUserRef.nullable(),
  summary: ZLocalized,
  data: z.record(z.string(), z.unknown()),
});

export const ZCaseIdParams = z.object({ id: z.uuid() });

/** The parts of the case page `GET /cases/{id}` can return with the case, in the same answer. */
export const caseIncludes = ['transitions', 'timeline'] as const;
export type CaseInclude = (typeof caseIncludes)[number];
const includeList = new RegExp(`^(${caseIncludes.join('|')})(,(${caseIncludes.join('|')}))*$`);

export const ZCaseQuery = z.object({
  include: z
    .string()
    .max(100)
    .regex(includeList, `a comma-separated list of: ${caseIncludes.join(', ')}`)
    .transform((value) => [...new Set(value.split(','))] as CaseInclude[])
    .optional()
    .describe(
      `Parts of the case page to return in the same answer, comma-separated: ${caseIncludes.join(', ')} ` +
        '(the same lists as GET /cases/{id}/transitions and GET /cases/{id}/timeline)',
    ),
});
