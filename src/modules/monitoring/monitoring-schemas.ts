import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { BACKDATE_DAYS_WITHOUT_PERMISSION } from '../../platform/time/fact-date.js';
import { ZUserSummary } from '../organisation/organisation-schemas.js';
import { visitModes } from './schema.js';
import { dimensions } from './sustainability-indicators.js';

export const ZCaseParams = z.object({ id: z.uuid() });

const ZLabel = z.object({ en: z.string(), nl: z.string() });
const ZScore = z.string().nullable().describe('0..1 with four decimals; null when nothing was answered');

export const ZVisit = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  visitDate: ZIsoDate,
  mode: z.enum(visitModes),
  office: z.object({ id: z.uuid(), name: z.string() }),
  visitedBy: ZUserSummary.nullable(),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const ZRecordVisit = z.object({
  visitDate: ZIsoDate.describe(
    `The day of the visit or call, in the mission's calendar (when it happened): not in the future, not before the case's registration; more than ${BACKDATE_DAYS_WITHOUT_PERMISSION} days back needs the "record history" permission and is audited`,
  ),
  mode: z.enum(visitModes),
  officeId: z
    .uuid()
    .optional()
    .describe("The origin office making the visit; the plan's office when left out"),
  notes: z.string().trim().max(20_000).optional(),
});
export type RecordVisit = z.infer<typeof ZRecordVisit>;

export const ZSurvey = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  visitId: z.uuid().nullable(),
  surveyDate: ZIsoDate,
  answers: z.record(z.string(), z.string()),
  weightsVersion: z.number().int(),
  scores: z.object({ economic: ZScore, social: ZScore, psychosocial: ZScore, composite: ZScore }),
  sustainable: z
    .boolean()
    .nullable()
    .describe('Null when no threshold is configured or there is no composite'),
  office: z.object({ id: z.uuid(), name: z.string() }),
  recordedBy: ZUserSummary.nullable(),
  recordedAt: z.iso.datetime(),
});

export const ZRecordSurvey = z.object({
  surveyDate: ZIsoDate,
  visitId: z.uuid().optional().describe('The monitoring visit during which it was taken'),
  officeId: z.uuid().optional().describe("The origin office; the plan's office when left out"),
  answers: z
    .record(z.string(), z.string())
    .describe(
      'Indicator id → answer id (see GET /sustainability-survey); unanswered indicators are left out',
    ),
});
export type RecordSurvey = z.infer<typeof ZRecordSurvey>;

export const ZMonitoringResponse = z.object({
  visits: z.array(ZVisit),
  surveys: z.array(ZSurvey),
  policies: z.object({ record: z.boolean() }),
});

export const ZWeights = z.object({
  version: z.number().int(),
  dimensions: z.record(z.string(), z.string()),
  indicators: z.record(z.string(), z.string()),
  sustainableThreshold: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const ZUpdateWeights = z.object({
  basedOnVersion: z.number().int().nonnegative().describe('The version you edited; a stale one gets 409'),
  dimensions: z.record(z.string(), z.string()),
  indicators: z.record(z.string(), z.string()),
  sustainableThreshold: z.string().nullable(),
});

export const ZSurveyDefinition = z.object({
  dimensions: z.array(z.enum(dimensions)),
  indicators: z.array(
    z.object({
      id: z.string(),
      dimension: z.enum(dimensions),
      label: ZLabel,
      options: z.array(z.object({ id: z.string(), label: ZLabel, score: z.string() })),
    }),
  ),
  weights: ZWeights.nullable(),
});
