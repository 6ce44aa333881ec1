import { z } from 'zod';
import { restrictedCategories } from '../../platform/auth/need-to-know.js';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { ZUserSummary } from '../organisation/organisation-schemas.js';

/** Kinds of uploaded case documents (the web UI offers the same list). */
export const CASE_DOCUMENT_KINDS = ['consent', 'identity', 'medical', 'correspondence', 'other'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** The content types a case document may have; each is also checked against the file's bytes. */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'text/plain'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

export const ZCaseParams = z.object({ id: z.uuid() });
export const ZTaskParams = z.object({ id: z.uuid() });
export const ZDocumentParams = z.object({ id: z.uuid() });
export const ZCaseDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

const ZRestriction = z
  .enum(restrictedCategories)
  .nullable()
  .describe('A restricted category: only those who need to know it read the content');

export const ZNote = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  body: z.string().nullable().describe('null when the note is restricted and you may not read it'),
  restriction: ZRestriction,
  hidden: z.boolean().describe('A restricted note exists here; its content is not shown to you'),
  author: ZUserSummary,
  createdAt: z.iso.datetime(),
});
export type Note = z.infer<typeof ZNote>;

export const ZCreateNote = z.object({
  body: z.string().trim().min(1).max(20_000),
  restriction: ZRestriction.optional(),
});
export type CreateNote = z.infer<typeof ZCreateNote>;

export const ZTask = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  title: z.string(),
  dueDate: ZIsoDate.nullable(),
  assignee: ZUserSummary.nullable(),
  blocksTravel: z.boolean().describe('While open, the task holds up travel booking'),
  doneAt: z.iso.datetime().nullable(),
  doneBy: ZUserSummary.nullable(),
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof ZTask>;

export const ZCreateTask = z.object({
  title: z.string().trim().min(1).max(300),
  dueDate: ZIsoDate.optional(),
  assigneeId: z.uuid().optional().describe('An active user of the mission; the case assignee when left out'),
  blocksTravel: z.boolean().optional(),
});
export type CreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z.object({
  done: z.boolean().optional().describe('Ticking records who completed it and when; un-ticking clears both'),
  title: z.string().trim().min(1).max(300).optional(),
  dueDate: ZIsoDate.nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  blocksTravel: z.boolean().optional(),
});
export type UpdateTask = z.infer<typeof ZUpdateTask>;

export const ZTaskQuery = z.object({
  assigneeId: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe('"me" for the signed-in user, or a user id; all assignees when left out'),
  open: z
    .enum(['true', 'false'])
    .optional()
    .describe('"true": only tasks not done; "false": only tasks done'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type TaskQuery = z.infer<typeof ZTaskQuery>;

export const ZCaseDocument = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  filename: z.string().nullable().describe('null when the document is restricted and you may not read it'),
  kind: z.enum(CASE_DOCUMENT_KINDS),
  hidden: z.boolean().describe('A restricted (medical) document exists here; you may not open it'),
  contentType: z.enum(DOCUMENT_CONTENT_TYPES),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: ZUserSummary.nullable(),
  createdAt: z.iso.datetime(),
});
export type CaseDocument = z.infer<typeof ZCaseDocument>;
