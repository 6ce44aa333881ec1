import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { startOfLocalDay } from '../../platform/time/fact-date.js';
import type { HistoryImportProblem } from './schema.js';

/**
 * The columns of a history file, one row per person; rows sharing case_id (the other system's id
 * of the case) are one case, its first row the principal applicant, whose row carries the case's
 * milestones. Dates are YYYY-MM-DD (the day, in the mission's time zone) or ISO date-times with an
 * offset; flight times are local to their airport (YYYY-MM-DDTHH:MM).
 */
export const historyColumns = {
  case_id: "the other system's id of the case (required; what makes a second import create nothing)",
  given_name: 'required',
  family_name: 'required',
  sex: 'female, male, other or unknown',
  date_of_birth: 'YYYY, YYYY-MM or YYYY-MM-DD',
  nationality: 'ISO 3166-1 alpha-2, e.g. IQ',
  office: 'the id or name of the case’s office (default: the first mission office)',
  registered_at: 'when the case was registered (required)',
  decision: 'eligible_return_and_reintegration, eligible_return or ineligible',
  decided_at: 'when the decision was taken (with decision)',
  departure_airport: 'IATA code of the first flight’s departure airport',
  arrival_airport: 'IATA code of the final arrival airport',
  departure_local: 'departure time local to the departure airport (YYYY-MM-DDTHH:MM)',
  arrival_local: 'arrival time local to the arrival airport (YYYY-MM-DDTHH:MM)',
  airline: 'IATA airline code (default ZZ)',
  flight_number: 'default 0',
  grant_type: 'economic or medical',
  grant_amount: 'decimal, e.g. 1500.00',
  grant_cash_amount: 'the part paid in cash at departure (default 0)',
  grant_currency: 'ISO 4217, e.g. EUR',
  granted_on: 'when the grant was made',
} as const;
type Column = keyof typeof historyColumns;
const REQUIRED: Column[] = ['case_id', 'given_name', 'family_name', 'registered_at'];

/** The most rows one file may hold. */
export const MAX_HISTORY_ROWS = 100_000;

/**
 * The value names a day and time that exist (no 30 February, no 25:00): the patterns alone let
 * such dates through, and JavaScript's Date would quietly roll them over into the next month.
 */
const exists = (value: string) => DateTime.fromISO(value, { zone: 'UTC' }).isValid;
const ZWhen = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be YYYY-MM-DD or an ISO date-time with offset',
  )
  .refine(exists, 'must be a date that exists');
const ZLocal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:MM')
  .refine(exists, 'must be a date and time that exist');
const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');
const ZAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a decimal amount with at most 2 decimals');
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const ZPersonRow = z.object({
  given_name: z.string().trim().min(1).max(100),
  family_name: z.string().trim().min(1).max(100),
  sex: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || 'unknown' : 'unknown'),
    z.enum(['female', 'male', 'other', 'unknown']),
  ),
  date_of_birth: opt(
    z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
      .refine(exists, 'must be a date that exists'),
  ),
  nationality: opt(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  ),
});

const ZCaseRow = ZPersonRow.extend({
  case_id: z.string().trim().min(1).max(100),
  office: opt(z.string().trim().max(200)),
  registered_at: ZWhen,
  decision: opt(z.enum(['eligible_return_and_reintegration', 'eligible_return', 'ineligible'])),
  decided_at: opt(ZWhen),
  departure_airport: opt(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'must be an IATA airport code'),
  ),
  arrival_airport: opt(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'must be an IATA airport code'),
  ),
  departure_local: opt(ZLocal),
  arrival_local: opt(ZLocal),
  airline: opt(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2}$/, 'must be a 2-character IATA airline code'),
  ),
  flight_number: opt(
    z
      .string()
      .trim()
      .regex(/^\d{1,4}[A-Z]?$/, 'must be 1–4 digits and an optional letter'),
  ),
  grant_type: opt(z.enum(['economic', 'medical'])),
  grant_amount: opt(ZAmount),
  grant_cash_amount: opt(ZAmount),
  grant_currency: opt(ZCurrency),
  granted_on: opt(ZWhen),
});
type CaseRowInput = z.infer<typeof ZCaseRow>;
type PersonRowInput = z.infer<typeof ZPersonRow>;

/** A person of a historic case, as the file gives them. */
export interface HistoricPerson {
  givenName: string;
  familyName: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  dateOfBirth: string | null;
  dateOfBirthPrecision: 'exact' | 'month' | 'year' | 'estimated';
  nationalities: string[];
}

/** A historic case with its dated milestones, validated. */
export interface HistoricCase {
  sourceId: string;
  rows: number[];
  office: string | null;
  registeredAt: Date;
  decision: { outcome: string; at: Date } | null;
  flight: {
    airline: string;
    flightNumber: string;
    departureAirport: string;
    arrivalAirport: string;
    departureLocal: string;
    arrivalLocal: string;
  } | null;
  grant: {
    type: 'economic' | 'medical';
    amount: string;
    cashAmount: string;
    currency: string;
    at: Date;
  } | null;
  persons: HistoricPerson[];
}

/** What a file holds: the valid cases, a problem per invalid field, or why the whole file cannot be read. */
export interface ParsedHistoryFile {
  total: number;
  cases: HistoricCase[];
  problems: HistoryImportProblem[];
  fatal: string | null;
}

/** Reads the rows of a CSV or XLSX file as records keyed by normalised column names. */
export async function readHistoryRecords(
  filename: string,
  data: Buffer,
): Promise<Record<string, string>[] | string> {
  const normalise = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  if (/\.xlsx$/i.test(filename)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch (error) {
      return `The file is not a valid XLSX workbook: ${(error as Error).message}`;
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return 'The workbook has no sheet.';
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
      header[column - 1] = normalise(cellText(cell.value));
    });
    const records: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const record: Record<string, string> = {};
      let any = false;
      header.forEach((name, index) => {
        const text = cellText(row.getCell(index + 1).value).trim();
        if (text) any = true;
        record[name] = text;
      });
      if (any) records.push(record);
    }
    return records;
  }
  try {
    return parse(data, {
      columns: (header: string[]) => header.map(normalise),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    return `The file is not valid CSV: ${(error as Error).message}`;
  }
}

// Spreadsheet cells hold dates and numbers as such: written back as the file's text would be.
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return value
      .toISOString()
      .replace(/T00:00:00\.000Z$/, '')
      .replace(/:00\.000Z$/, '');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

/**
 * Validates the records of a history file: every field of every row, and per case that its
 * milestones follow each other and none lies in the future. A case with any invalid row is left
 * out whole. Row numbers count the header as row 1.
 */
export function validateHistoryRecords(
  records: Record<string, string>[],
  options: { timeZone: string; now: Date },
): ParsedHistoryFile {
  const empty = { total: 0, cases: [], problems: [] };
  if (records.length === 0) return { ...empty, fatal: 'The file has no data rows.' };
  if (records.length > MAX_HISTORY_ROWS)
    return { ...empty, fatal: `At most ${MAX_HISTORY_ROWS} rows per file.` };
  const header = Object.keys(records[0]!);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ...empty, fatal: `Missing columns: ${missing.join(', ')}.` };
  const problems: HistoryImportProblem[] = header
    .filter((column) => !(column in historyColumns))
    .map((column) => ({ row: 1, field: column, message: 'is not a known column and was ignored' }));

  const groups = new Map<string, { rows: number[]; records: Record<string, string>[] }>();
  records.forEach((record, index) => {
    const key = record.case_id?.trim() || `(row ${index + 2})`;
    const group = groups.get(key) ?? { rows: [], records: [] };
    group.rows.push(index + 2);
    group.records.push(record);
    groups.set(key, group);
  });

  const cases: HistoricCase[] = [];
  for (const group of groups.values()) {
    const caseProblems: HistoryImportProblem[] = [];
    const first = ZCaseRow.safeParse(group.records[0]);
    if (!first.success) caseProblems.push(...issuesOf(first.error, group.rows[0]!));
    const persons: PersonRowInput[] = [];
    if (first.success) persons.push(first.data);
    group.records.slice(1).forEach((record, index) => {
      const person = ZPersonRow.safeParse(record);
      if (person.success) persons.push(person.data);
      else caseProblems.push(...issuesOf(person.error, group.rows[index + 1]!));
    });
    if (first.success) {
      const built = buildCase(first.data, persons, group.rows, options, caseProblems);
      if (built && caseProblems.length === 0) cases.push(built);
    }
    problems.push(...caseProblems);
  }
  return { total: groups.size, cases, problems, fatal: null };
}

function buildCase(
  row: CaseRowInput,
  persons: PersonRowInput[],
  rows: number[],
  options: { timeZone: string; now: Date },
  problems: HistoryImportProblem[],
): HistoricCase | null {
  const line = rows[0]!;
  const refuse = (field: string, message: string) => problems.push({ row: line, field, message });
  const when = (value: string) =>
    value.length === 10 ? startOfLocalDay(value, options.timeZone) : new Date(value);
  const registeredAt = when(row.registered_at);
  const notFuture = (field: string, at: Date) => {
    if (at > options.now) refuse(field, 'lies in the future');
  };
  const notBeforeRegistration = (field: string, at: Date) => {
    if (at < registeredAt) refuse(field, 'lies before registered_at');
  };
  notFuture('registered_at', registeredAt);

  let decision: HistoricCase['decision'] = null;
  if (row.decision || row.decided_at) {
    if (!row.decision) refuse('decision', 'is required with decided_at');
    if (!row.decided_at) refuse('decided_at', 'is required with decision');
    if (row.decision && row.decided_at) {
      decision = { outcome: row.decision, at: when(row.decided_at) };
      notFuture('decided_at', decision.at);
      notBeforeRegistration('decided_at', decision.at);
    }
  }

  let flight: HistoricCase['flight'] = null;
  const flightColumns = ['departure_airport', 'arrival_airport', 'departure_local', 'arrival_local'] as const;
  if (flightColumns.some((column) => row[column])) {
    for (const column of flightColumns) if (!row[column]) refuse(column, 'is required for a departure');
    if (flightColumns.every((column) => row[column])) {
      flight = {
        airline: row.airline ?? 'ZZ',
        flightNumber: row.flight_number ?? '0',
        departureAirport: row.departure_airport!,
        arrivalAirport: row.arrival_airport!,
        departureLocal: row.departure_local!,
        arrivalLocal: row.arrival_local!,
      };
      // The airport's zone is checked when the flight is written; the mission's is close enough here.
      const departed = DateTime.fromISO(row.departure_local!, { zone: options.timeZone }).toJSDate();
      if (departed.getTime() > options.now.getTime() + 86_400_000)
        refuse('departure_local', 'lies in the future');
      if (departed.getTime() < registeredAt.getTime() - 86_400_000) {
        refuse('departure_local', 'lies before registered_at');
      }
    }
  }

  let grant: HistoricCase['grant'] = null;
  const grantColumns = ['grant_type', 'grant_amount', 'grant_currency', 'granted_on'] as const;
  if (grantColumns.some((column) => row[column])) {
    for (const column of grantColumns) if (!row[column]) refuse(column, 'is required for a grant');
    if (grantColumns.every((column) => row[column])) {
      const cash = row.grant_cash_amount ?? '0';
      if (Number(cash) > Number(row.grant_amount)) refuse('grant_cash_amount', 'is more than grant_amount');
      grant = {
        type: row.grant_type!,
        amount: row.grant_amount!,
        cashAmount: cash,
        currency: row.grant_currency!,
        at: when(row.granted_on!),
      };
      notFuture('granted_on', grant.at);
      notBeforeRegistration('granted_on', grant.at);
    }
  }

  return {
    sourceId: row.case_id,
    rows,
    office: row.office ?? null,
    registeredAt,
    decision,
    flight,
    grant,
    persons: persons.map((person) => ({
      givenName: person.given_name,
      familyName: person.family_name,
      sex: person.sex,
      ...birth(person.date_of_birth),
      nationalities: person.nationality ? [person.nationality] : [],
    })),
  };
}

function birth(value: string | undefined): Pick<HistoricPerson, 'dateOfBirth' | 'dateOfBirthPrecision'> {
  if (!value) return { dateOfBirth: null, dateOfBirthPrecision: 'estimated' };
  if (value.length === 4) return { dateOfBirth: `${value}-01-01`, dateOfBirthPrecision: 'year' };
  if (value.length === 7) return { dateOfBirth: `${value}-01`, dateOfBirthPrecision: 'month' };
  return { dateOfBirth: value, dateOfBirthPrecision: 'exact' };
}

function issuesOf(error: z.ZodError, row: number): HistoryImportProblem[] {
  return error.issues.map((issue) => ({
    row,
    field: String(issue.path[0] ?? ''),
    message: issue.message,
  }));
}
