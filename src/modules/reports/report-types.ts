import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { LocalizedText } from '../cases/workflow/index.js';

/** The parameters every report takes: a period (mission-local dates, inclusive), an office and a programme. */
export interface ReportParams {
  from: string;
  to: string;
  officeId?: string;
  programme?: string;
}

/** How a column's values are typed: integers as numbers, decimals (money) as strings, countries as ISO codes. */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'country';

/** One column of a report, with its HXL hashtag for the humanitarian exchange format. */
export interface ReportColumn {
  key: string;
  type: ColumnType;
  title: LocalizedText;
  hxl: string;
}

export type Cell = string | number | null;
export type ReportRow = Record<string, Cell>;

/** What a report's query receives. */
export interface ReportContext {
  db: Executor;
  actor: Actor;
  params: ReportParams;
  /** The language of text cells such as country names. */
  language: 'en' | 'nl';
}

/** A named, parameterised query with typed columns. */
export interface ReportDefinition {
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Aggregate reports (counts, no personal data) may also be exported as HXL-tagged CSV. */
  aggregate: boolean;
  columns: ReportColumn[];
  run(ctx: ReportContext): Promise<ReportRow[]>;
}
