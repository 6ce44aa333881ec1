import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useOffices, useUsers } from '../api/reference-data.js';
import type { CaseSummary, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { pickLocalized } from '../i18n/localized.js';
import { formatDateTime, formatNames } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { CaseloadFiltersForm } from './caseload-filters.js';
import {
  type CaseloadFilters,
  caseloadApiPath,
  pageCount,
  readCaseloadFilters,
  writeCaseloadFilters,
} from './caseload-query.js';
import { Pagination } from './pagination.js';

/** The caseload: filterable, paginated table of cases; filters live in the URL. */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readCaseloadFilters(searchParams);
  const { offices } = useOffices();
  const { users } = useUsers();
  const { data, error, loading } = useApi<Page<CaseSummary>>(caseloadApiPath(filters));

  const update = useCallback(
    (changes: Partial<CaseloadFilters>) =>
      setSearchParams((current) => writeCaseloadFilters({ ...readCaseloadFilters(current), ...changes })),
    [setSearchParams],
  );

  const pages = data ? pageCount(data.total, data.pageSize) : 1;

  return (
    <section aria-labelledby="caseload-heading">
      <div className="page-heading">
        <h1 id="caseload-heading">{t('caseload.title')}</h1>
        <Link className="button-link primary" to="/cases/new">
          {t('nav.newCase')}
        </Link>
      </div>
      <CaseloadFiltersForm filters={filters} offices={offices} users={users} onChange={update} />
      <ErrorMessage error={error} />
      {loading && <Loading />}
      {data && (
        <>
          <p className="result-count" aria-live="polite">
            {t('caseload.count', { count: data.total })}
          </p>
          <div className="table-wrapper">
            <table data-testid="caseload-table" aria-busy={loading}>
              <caption className="visually-hidden">{t('caseload.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('case.reference')}</th>
                  <th scope="col">{t('case.persons')}</th>
                  <th scope="col">{t('case.status')}</th>
                  <th scope="col">{t('case.office')}</th>
                  <th scope="col">{t('case.assignee')}</th>
                  <th scope="col">{t('case.vulnerabilities')}</th>
                  <th scope="col">{t('case.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.length === 0 && (
                  <tr>
                    <td colSpan={7}>{t('caseload.empty')}</td>
                  </tr>
                )}
                {data.items.map((kase) => (
                  <tr key={kase.id} data-testid="case-row">
                    <td>
                      <Link to={`/cases/${kase.id}`}>{kase.reference}</Link>
                    </td>
                    <td>{formatNames(kase.persons)}</td>
                    <td>
                      <span className={`status-badge status-${kase.status}`}>
                        {pickLocalized(kase.statusLabel, i18n.language)}
                      </span>
                    </td>
                    <td>{kase.office.name}</td>
                    <td>{kase.assignee?.displayName ?? t('case.unassigned')}</td>
                    <td>{kase.vulnerabilities.map((v) => t(`vulnerability.${v}`)).join(', ')}</td>
                    <td>{formatDateTime(kase.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filters.page} pages={pages} onPage={(page) => update({ page })} />
        </>
      )}
    </section>
  );
}
