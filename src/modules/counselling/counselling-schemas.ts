import { z } from 'zod';
import { periodCap, ZIsoDate } from '../../platform/http/field-schemas.js';
import { BACKDATE_DAYS_WITHOUT_PERMISSION } from '../../platform/time/fact-date.js';
import { ZUserSummary } from '../organisation/organisation-schemas.js';
import { ZLanguageCode } from '../persons/person-schemas.js';
import { counsellingOutcomes, counsellingTopics, outreachKinds } from './schema.js';

const ZDate = ZIsoDate;
const ZOffice = z.object({ id: z.uuid(), name: z.string() });

export const ZCreateCounsellingSession = z
  .object({
    heldOn: ZDate.describe(
      `The day the session was held, in the mission's calendar (when it happened): not in the future, not before the case's registration; more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days back needs the "record history" permission and is audited`,
    ),
    officeId: z.uuid().optional().describe("Where the session took place; the case's office when left out"),
    location: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A room, a reception centre wing, by phone...'),
    counsellorId: z
      .uuid()
      .optional()
      .describe('The counsellor who held it; the signed-in user when left out'),
    language: ZLanguageCode.describe('The language the session was held in (ISO 639)'),
    interpreterUsed: z.boolean().default(false),
    interpreterLanguage: ZLanguageCode.optional(),
    topics: z.array(z.enum(counsellingTopics)).min(1).max(counsellingTopics.length),
    outcome: z.enum(counsellingOutcomes),
    nextStep: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((s) => !s.interpreterUsed || s.interpreterLanguage !== undefined, {
    path: ['interpreterLanguage'],
    message: 'is required when an interpreter was used',
  })
  .refine((s) => s.interpreterUsed || s.interpreterLanguage === undefined, {
    path: ['interpreterLanguage'],
    message: 'is only recorded when an interpreter was used',
  });
export type CreateCounsellingSession = z.infer<typeof ZCreateCounsellingSession>;

export const ZCounsellingSession = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  heldOn: ZDate,
  office: ZOffice,
  location: z.string().nullable(),
  counsellor: ZUserSummary.nullable(),
  language: z.string(),
  interpreterUsed: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  topics: z.array(z.enum(counsellingTopics)),
  outcome: z.enum(counsellingOutcomes),
  nextStep: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type CounsellingSession = z.infer<typeof ZCounsellingSession>;

export const ZCreateOutreachActivity = z.object({
  heldOn: ZDate,
  officeId: z.uuid(),
  kind: z.enum(outreachKinds),
  participants: z.number().int().min(0).max(100_000),
  notes: z.string().trim().max(2000).optional(),
});
export type CreateOutreachActivity = z.infer<typeof ZCreateOutreachActivity>;

export const ZOutreachActivity = z.object({
  id: z.uuid(),
  heldOn: ZDate,
  office: ZOffice,
  kind: z.enum(outreachKinds),
  participants: z.number().int(),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type OutreachActivity = z.infer<typeof ZOutreachActivity>;

const ZRange = {
  from: ZDate.optional().describe('First day (inclusive); 1 January of this year when left out'),
  to: ZDate.optional().describe('Last day (inclusive); today when left out'),
  officeId: z.uuid().optional(),
};

export const ZListOutreachQuery = z
  .object({
    ...ZRange,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine(periodCap.check, periodCap.message);
export type ListOutreachQuery = z.infer<typeof ZListOutreachQuery>;

export const reportPeriods = ['month', 'quarter', 'year'] as const;
export const ZOutreachReportQuery = z
  .object({
    ...ZRange,
    period: z.enum(reportPeriods).default('month'),
  })
  .refine(periodCap.check, periodCap.message);
export type OutreachReportQuery = z.infer<typeof ZOutreachReportQuery>;

const counts = {
  informationSessions: z.number().int(),
  networkMeetings: z.number().int(),
  participants: z.number().int().describe('People reached by information sessions and network meetings'),
  counsellingSessions: z.number().int(),
};
export const ZOutreachReport = z.object({
  from: ZDate,
  to: ZDate,
  period: z.enum(reportPeriods),
  rows: z.array(
    z.object({ period: z.string().describe('2026-03, 2026-Q1 or 2026'), office: ZOffice, ...counts }),
  ),
  totals: z.object(counts),
});
export type OutreachReport = z.infer<typeof ZOutreachReport>;
