import { z } from 'zod';
import { periodCap, ZIsoDate } from '../../platform/http/field-schemas.js';
import { exportFormats, exportStatuses } from './schema.js';

const ZLocalized = z.object({ en: z.string(), nl: z.string() });
const ZDate = ZIsoDate;
/**
 * A period's bound: from 1900 on. Missing bounds are worked out from the other one (twelve weeks
 * before `to`), so a `to` in the year 1 would make a `from` before the calendar's start.
 */
const ZPeriodBound = ZIsoDate.refine((value) => value >= '1900-01-01', 'must be in 1900 or later');

/** The filters of the dashboard and of every report. */
export const ZReportQuery = z
  .object({
    officeId: z.uuid().optional(),
    programme: z.string().trim().min(1).max(40).optional(),
    from: ZPeriodBound.optional(),
    to: ZPeriodBound.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] })
  .refine(periodCap.check, periodCap.message);
export type ReportQuery = z.infer<typeof ZReportQuery>;

const ZCount = z.number().int();

export const ZDashboard = z.object({
  generatedAt: z.string(),
  filters: z.object({
    officeId: z.uuid().nullable(),
    programme: z.string().nullable(),
    from: ZDate,
    to: ZDate,
  }),
  openCaseload: z.object({
    total: ZCount,
    byProgrammeStatus: z.array(z.object({ programme: z.string(), status: z.string(), count: ZCount })),
    byOffice: z.array(z.object({ officeId: z.uuid(), officeName: z.string(), count: ZCount })),
    byAssignee: z.array(
      z.object({ assigneeId: z.uuid().nullable(), displayName: z.string().nullable(), count: ZCount }),
    ),
  }),
  overdueTasks: z.object({
    total: ZCount,
    byOffice: z.array(z.object({ officeId: z.uuid(), officeName: z.string(), count: ZCount })),
  }),
  departuresPerWeek: z.array(z.object({ weekStart: ZDate, cases: ZCount, persons: ZCount })),
  topDestinations: z.array(
    z.object({ country: z.string().nullable(), name: ZLocalized.nullable(), cases: ZCount, persons: ZCount }),
  ),
  vulnerableCases: z.array(z.object({ category: z.string(), count: ZCount })),
  grants: z.array(
    z.object({
      type: z.string(),
      currency: z.string(),
      grants: ZCount,
      amount: z.string(),
      disbursed: z.string(),
      disbursedPercent: z.string(),
    }),
  ),
  travelDocumentsPending: z.array(
    z.object({ embassyId: z.uuid(), country: z.string(), city: z.string(), pending: ZCount }),
  ),
});
export type Dashboard = z.infer<typeof ZDashboard>;

export const ZReportColumn = z.object({
  key: z.string(),
  type: z.enum(['text', 'integer', 'decimal', 'date', 'country']),
  title: ZLocalized,
  hxl: z.string(),
});

export const ZReportSummary = z.object({
  name: z.string(),
  title: ZLocalized,
  description: ZLocalized,
  aggregate: z.boolean(),
  parameters: z.array(
    z.object({ name: z.string(), type: z.string(), required: z.boolean(), title: ZLocalized }),
  ),
  columns: z.array(ZReportColumn),
  formats: z.array(z.enum(exportFormats)),
});

export const ZReportNameParams = z.object({ name: z.string().min(1).max(60) });
export const ZReportLanguageQuery = z.object({ language: z.enum(['en', 'nl']).optional() });

export const ZReportResult = z.object({
  report: ZReportSummary,
  parameters: z.object({
    from: ZDate,
    to: ZDate,
    officeId: z.uuid().nullable(),
    programme: z.string().nullable(),
  }),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const ZCreateExport = z.object({
  format: z.enum(exportFormats),
  language: z.enum(['en', 'nl']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  officeId: z.uuid().optional(),
  programme: z.string().trim().min(1).max(40).optional(),
});
export type CreateExport = z.infer<typeof ZCreateExport>;

export const ZExportIdParams = z.object({ id: z.uuid() });

export const ZReportExport = z.object({
  id: z.uuid(),
  report: z.string(),
  format: z.enum(exportFormats),
  status: z.enum(exportStatuses),
  processed: ZCount,
  total: ZCount.nullable(),
  filename: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Where to download the file once the export is done. */
  fileUrl: z.string().nullable(),
});
export type ReportExport = z.infer<typeof ZReportExport>;
