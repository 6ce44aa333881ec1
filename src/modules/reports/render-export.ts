import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { safeCell } from '../../platform/exports/safe-cell.js';
import type { ReportDefinition, ReportParams, ReportRow } from './report-types.js';
import type { ExportFormat } from './schema.js';

/** Called as rows are written, so a job can show its progress. */
export type ProgressCallback = (processed: number) => Promise<void>;

/** A rendered export file. */
export interface ExportFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

const CHUNK = 500;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', hxl: 'hxl.csv', xlsx: 'xlsx', pdf: 'pdf' };

/** Renders a report's rows in one of the export formats. */
export async function renderExport(options: {
  report: ReportDefinition;
  rows: ReportRow[];
  params: ReportParams;
  format: ExportFormat;
  language: 'en' | 'nl';
  onProgress?: ProgressCallback;
}): Promise<ExportFile> {
  const { report, params, format } = options;
  if (format === 'hxl' && !report.aggregate) throw new Error(`Report ${report.name} is not an aggregate`);
  const onProgress = options.onProgress ?? (async () => undefined);
  const render = format === 'xlsx' ? renderXlsx : format === 'pdf' ? renderPdf : renderCsv;
  const content = await render({ ...options, onProgress });
  return {
    content,
    contentType: CONTENT_TYPES[format],
    filename: `${report.name}_${params.from}_${params.to}.${EXTENSIONS[format]}`,
  };
}

type RenderOptions = Parameters<typeof renderExport>[0] & { onProgress: ProgressCallback };

function cellsOf(report: ReportDefinition, row: ReportRow): (string | number | null)[] {
  return report.columns.map((column) => row[column.key] ?? null);
}

// RFC 4180: CRLF between records, fields quoted when they hold a comma, quote or line break.
async function renderCsv({ report, rows, format, language, onProgress }: RenderOptions): Promise<Buffer> {
  const header = report.columns.map((column) => column.title[language]);
  const parts = [stringify([header], { record_delimiter: '\r\n' })];
  // HXL: the hashtag row sits right under the human header.
  if (format === 'hxl')
    parts.push(stringify([report.columns.map((c) => c.hxl)], { record_delimiter: '\r\n' }));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((row) => cellsOf(report, row).map(safeCell));
    parts.push(stringify(chunk, { record_delimiter: '\r\n', cast: { number: (value) => String(value) } }));
    await onProgress(Math.min(start + CHUNK, rows.length));
  }
  return Buffer.from(parts.join(''), 'utf8');
}

// Decimals (money) go into the sheet as numbers with two decimals so they can be summed there;
// the exact values stay in the database and the CSV.
async function renderXlsx({ report, rows, params, language, onProgress }: RenderOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passage';
  const sheet = workbook.addWorksheet(report.name.slice(0, 31));
  sheet.columns = report.columns.map((column) => ({
    header: column.title[language],
    key: column.key,
    width: Math.max(12, column.title[language].length + 2),
    style: column.type === 'decimal' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const row of rows.slice(start, start + CHUNK)) {
      sheet.addRow(
        report.columns.map((column) => {
          const value = row[column.key] ?? null;
          return column.type === 'decimal' && value !== null ? Number(value) : safeCell(value);
        }),
      );
    }
    await onProgress(Math.min(start + CHUNK, rows.length));
  }
  workbook.properties.date1904 = false;
  workbook.title = `${report.title[language]} ${params.from} – ${params.to}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function renderPdf({ report, rows, params, language, onProgress }: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: report.title[language] },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(14).text(report.title[language]);
  const scope = [`${params.from} – ${params.to}`, params.programme, params.officeId]
    .filter(Boolean)
    .join(' · ');
  doc.font('Helvetica').fontSize(9).text(scope).moveDown(0.5);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columnWidth = width / report.columns.length;
  const drawRow = (cells: (string | number | null)[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    let height = 0;
    cells.forEach((cell, index) => {
      const text = cell === null ? '' : String(cell);
      const options = { width: columnWidth - 4, align: typeof cell === 'number' ? 'right' : 'left' } as const;
      doc.text(text, left + index * columnWidth, y, options);
      height = Math.max(height, doc.heightOfString(text, options));
    });
    doc.x = left;
    doc.y = y + height + 3;
  };
  drawRow(
    report.columns.map((column) => column.title[language]),
    true,
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const row of rows.slice(start, start + CHUNK)) drawRow(cellsOf(report, row), false);
    await onProgress(Math.min(start + CHUNK, rows.length));
  }
  doc.end();
  return done;
}
