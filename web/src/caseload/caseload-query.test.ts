import { describe, expect, it } from 'vitest';
import { caseloadApiPath, pageCount, readCaseloadFilters, writeCaseloadFilters } from './caseload-query.js';

describe('caseload filters in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(readCaseloadFilters(new URLSearchParams())).toEqual({
      status: '',
      officeId: '',
      assigneeId: '',
      vulnerability: '',
      q: '',
      page: 1,
    });
  });

  it('round-trips filters and drops empty ones and page 1', () => {
    const filters = readCaseloadFilters(
      new URLSearchParams('status=counselling&assigneeId=me&q=Amina&page=3'),
    );
    expect(filters.page).toBe(3);
    expect(writeCaseloadFilters(filters).toString()).toBe('status=counselling&assigneeId=me&q=Amina&page=3');
    expect(writeCaseloadFilters({ ...filters, q: ' ', page: 1 }).toString()).toBe(
      'status=counselling&assigneeId=me',
    );
  });

  it('ignores a nonsense page number', () => {
    expect(readCaseloadFilters(new URLSearchParams('page=-2')).page).toBe(1);
    expect(readCaseloadFilters(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('builds the API path with page size', () => {
    const filters = readCaseloadFilters(new URLSearchParams('vulnerability=health_needs'));
    expect(caseloadApiPath(filters)).toBe('/cases?vulnerability=health_needs&page=1&pageSize=25');
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
