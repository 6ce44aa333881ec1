import { toQuery } from '../api/client.js';

/** The caseload filters, as kept in the page URL. */
export interface CaseloadFilters {
  status: string;
  officeId: string;
  assigneeId: string;
  vulnerability: string;
  q: string;
  page: number;
}

export const CASELOAD_PAGE_SIZE = 25;
const FILTER_KEYS = ['status', 'officeId', 'assigneeId', 'vulnerability', 'q'] as const;

/** Reads the filters from the URL query string (missing values are empty, page defaults to 1). */
export function readCaseloadFilters(search: URLSearchParams): CaseloadFilters {
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    status: search.get('status') ?? '',
    officeId: search.get('officeId') ?? '',
    assigneeId: search.get('assigneeId') ?? '',
    vulnerability: search.get('vulnerability') ?? '',
    q: search.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the filters to URL params, leaving out empty ones and page 1. */
export function writeCaseloadFilters(filters: CaseloadFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) search.set(key, value);
  }
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

/** The API path for one page of the caseload. */
export function caseloadApiPath(filters: CaseloadFilters): string {
  return `/cases${toQuery({
    status: filters.status,
    officeId: filters.officeId,
    assigneeId: filters.assigneeId,
    vulnerability: filters.vulnerability,
    q: filters.q.trim(),
    page: filters.page,
    pageSize: CASELOAD_PAGE_SIZE,
  })}`;
}

/** Number of pages for a total (at least 1, so "Page 1 of 1" shows for an empty list). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
