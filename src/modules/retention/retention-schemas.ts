import { z } from 'zod';
import { programmes } from '../cases/case-schemas.js';
import { retentionActions, retentionRunStatuses } from './schema.js';

export const ZRetentionRule = z.object({
  programme: z.string(),
  yearsAfterClosure: z.number().int(),
  action: z.enum(retentionActions),
  isDefault: z.boolean().describe('true when the mission has not set its own rule and the default applies'),
});
export type RetentionRuleView = z.infer<typeof ZRetentionRule>;

export const ZProgrammeParams = z.object({ programme: z.enum(programmes) });

export const ZSetRetentionRule = z
  .object({
    yearsAfterClosure: z.number().int().min(1).max(100),
    action: z.enum(retentionActions),
  })
  .strict();
export type SetRetentionRule = z.infer<typeof ZSetRetentionRule>;

export const ZStartRetentionRun = z
  .object({
    dryRun: z.boolean().describe('list who would be anonymised, and change nothing'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('for a dry run: at most this many persons listed'),
  })
  .strict();

export const ZRetentionCandidate = z.object({
  personId: z.uuid(),
  lastClosedAt: z.iso.datetime(),
  cases: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      programme: z.string(),
      status: z.string(),
      closedAt: z.iso.datetime(),
    }),
  ),
});
export type RetentionCandidate = z.infer<typeof ZRetentionCandidate>;

export const ZRetentionRun = z.object({
  id: z.uuid(),
  dryRun: z.boolean(),
  status: z.enum(retentionRunStatuses),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  total: z.number().int().describe('persons past retention when the run started'),
  done: z.number().int().describe('persons anonymised so far'),
  counts: z.record(z.string(), z.number().int()).describe('what was removed, summed over the persons done'),
  error: z.string().nullable(),
});
export type RetentionRunView = z.infer<typeof ZRetentionRun>;

export const ZDryRunResult = z.object({
  run: ZRetentionRun,
  candidates: z.array(ZRetentionCandidate),
});

export const ZRunIdParams = z.object({ id: z.uuid() });
