import { type ExportFile, renderExport } from '../reports/render-export.js';
import type { ReportDefinition, ReportRow } from '../reports/report-types.js';
import type { AnnualReport } from './annual-report-schemas.js';

// The annual report as a two-column table of figures, so the report catalogue's renderers write it.
const definition: ReportDefinition = {
  name: 'annual-report',
  title: { en: 'Annual report', nl: 'Jaarverslag' },
  description: { en: 'Every figure of the annual report', nl: 'Alle cijfers van het jaarverslag' },
  aggregate: true,
  columns: [
    { key: 'figure', type: 'text', title: { en: 'Figure', nl: 'Cijfer' }, hxl: '#indicator+code' },
    { key: 'value', type: 'text', title: { en: 'Value', nl: 'Waarde' }, hxl: '#indicator+value' },
    {
      key: 'note',
      type: 'text',
      title: { en: 'Not producible because', nl: 'Niet te maken omdat' },
      hxl: '#description',
    },
  ],
  run: async () => [],
};

/** The report's figures as rows: one per figure path (lists joined by spaces), then the figures it cannot produce. */
export function annualReportRows(report: AnnualReport): ReportRow[] {
  const rows: ReportRow[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null) return;
    if (Array.isArray(value)) {
      rows.push({ figure: prefix, value: value.join(' '), note: null });
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        walk(prefix ? `${prefix}.${key}` : key, inner);
      }
    } else {
      rows.push({ figure: prefix, value: typeof value === 'number' ? value : String(value), note: null });
    }
  };
  for (const section of ['avrr', 'reintegration', 'diplomatic_liaison', 'airport'] as const) {
    walk(section, report[section]);
  }
  for (const missing of report.not_producible)
    rows.push({ figure: missing.figure, value: null, note: missing.reason });
  return rows;
}

/** The annual report as a CSV or XLSX file, written by the report catalogue's export renderers. */
export function exportAnnualReport(
  report: AnnualReport,
  format: 'csv' | 'xlsx',
  language: 'en' | 'nl',
): Promise<ExportFile> {
  return renderExport({
    report: definition,
    rows: annualReportRows(report),
    params: { from: `${report.year}-01-01`, to: `${report.year}-12-31` },
    format,
    language,
  });
}
