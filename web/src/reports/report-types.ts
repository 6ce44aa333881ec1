/** A report of the catalogue, as GET /api/v1/reports lists it. */
export interface ReportSummary {
  name: string;
  title: { en: string; nl: string };
  description: { en: string; nl: string };
  aggregate: boolean;
  parameters: { name: string; type: string; required: boolean; title: { en: string; nl: string } }[];
  columns: { key: string; type: string; title: { en: string; nl: string }; hxl: string }[];
  formats: ExportFormat[];
}

export type ExportFormat = 'csv' | 'hxl' | 'xlsx' | 'pdf';

/** A report's rows for one set of parameters. */
export interface ReportResult {
  report: ReportSummary;
  parameters: { from: string; to: string; officeId: string | null; programme: string | null };
  rows: Record<string, string | number | null>[];
}

/** An export job and its progress. */
export interface ReportExportJob {
  id: string;
  report: string;
  format: ExportFormat;
  status: 'queued' | 'running' | 'done' | 'failed';
  processed: number;
  total: number | null;
  filename: string | null;
  error: string | null;
  fileUrl: string | null;
}
