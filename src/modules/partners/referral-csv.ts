import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { type CreateReferral, ZCreateReferral } from './partner-schemas.js';
import type { ImportProblem } from './schema.js';

/** The columns of a referral CSV; rows sharing a partner_reference are one family (first row: principal). */
export const referralCsvColumns = {
  partner_reference: 'partnerReference',
  given_name: 'givenName',
  family_name: 'familyName',
  sex: 'sex',
  date_of_birth: 'dateOfBirth',
  date_of_birth_precision: 'dateOfBirthPrecision',
  nationalities: 'nationalities',
  languages: 'languages',
  preferred_language: 'preferredLanguage',
  phone: 'phone',
  office_id: 'officeId',
  vulnerabilities: 'vulnerabilities',
} as const;
type Column = keyof typeof referralCsvColumns;
const REQUIRED: Column[] = [
  'partner_reference',
  'given_name',
  'family_name',
  'sex',
  'date_of_birth_precision',
];
const columnOfField = Object.fromEntries(
  Object.entries(referralCsvColumns).map(([column, field]) => [field, column]),
);

/** The most data rows one import accepts. */
export const MAX_IMPORT_ROWS = 5000;

/** A referral read from the CSV, with the rows it came from. */
export interface CsvReferral {
  rows: number[];
  input: CreateReferral;
}

/** What a CSV holds: the referrals whose rows are all valid, and a problem per invalid field. */
export interface ParsedReferralCsv {
  total: number;
  referrals: CsvReferral[];
  problems: ImportProblem[];
  /** Set when the file as a whole cannot be imported (no header, missing columns, too long). */
  fatal: string | null;
}

const list = (value: string | undefined) =>
  value
    ?.split(/[;,|\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
// Spreadsheets often hold only the known part of a date of birth (1995, 1995-06): the precision says which.
const completeDate = (value: string | undefined) => {
  const date = optional(value);
  if (date && /^\d{4}$/.test(date)) return `${date}-01-01`;
  if (date && /^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
};

/**
 * Parses and validates a referral CSV (header row first; row numbers count the header as row 1).
 * Each invalid field is reported as row, column and message; a family with any invalid row is
 * left out whole, so nobody is registered without the people they travel with.
 */
export function parseReferralCsv(text: string, partnerId: string): ParsedReferralCsv {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) =>
        header.map((name) =>
          name
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    return {
      total: 0,
      referrals: [],
      problems: [],
      fatal: `The file is not valid CSV: ${(error as Error).message}`,
    };
  }
  const empty = { total: records.length, referrals: [], problems: [] };
  if (records.length === 0) return { ...empty, fatal: 'The file has no data rows.' };
  if (records.length > MAX_IMPORT_ROWS)
    return { ...empty, fatal: `At most ${MAX_IMPORT_ROWS} rows per file.` };
  const header = Object.keys(records[0]!);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ...empty, fatal: `Missing columns: ${missing.join(', ')}.` };

  const problems: ImportProblem[] = header
    .filter((column) => !(column in referralCsvColumns))
    .map((column) => ({ row: 1, field: column, message: 'is not a known column and was ignored' }));
  const groups = new Map<string, { rows: number[]; records: Record<string, string>[] }>();
  records.forEach((record, index) => {
    const row = index + 2;
    const reference = record.partner_reference?.trim() || `(row ${row})`;
    const group = groups.get(reference) ?? { rows: [], records: [] };
    group.rows.push(row);
    group.records.push(record);
    groups.set(reference, group);
  });

  const referrals: CsvReferral[] = [];
  for (const group of groups.values()) {
    const first = group.records[0]!;
    const candidate = {
      partnerReference: first.partner_reference ?? '',
      partnerId,
      officeId: optional(first.office_id),
      vulnerabilities: list(first.vulnerabilities) ?? [],
      persons: group.records.map((record) => ({
        givenName: record.given_name ?? '',
        familyName: record.family_name ?? '',
        sex: record.sex?.toLowerCase() ?? '',
        dateOfBirth: completeDate(record.date_of_birth),
        dateOfBirthPrecision: record.date_of_birth_precision?.toLowerCase() ?? '',
        nationalities: list(record.nationalities),
        languages: list(record.languages),
        preferredLanguage: optional(record.preferred_language),
        phone: optional(record.phone),
      })),
    };
    const result = ZCreateReferral.safeParse(candidate);
    if (result.success) {
      referrals.push({ rows: group.rows, input: result.data });
      continue;
    }
    for (const issue of result.error.issues) problems.push(toProblem(issue, group.rows));
  }
  problems.sort((a, b) => a.row - b.row);
  return { total: records.length, referrals, problems, fatal: null };
}

function toProblem(issue: z.core.$ZodIssue, rows: number[]): ImportProblem {
  const [head, index, field] = issue.path;
  if (head === 'persons' && typeof index === 'number') {
    return {
      row: rows[index] ?? rows[0]!,
      field: columnOfField[String(field)] ?? String(field ?? ''),
      message: issue.message,
    };
  }
  return { row: rows[0]!, field: columnOfField[String(head)] ?? String(head ?? ''), message: issue.message };
}
