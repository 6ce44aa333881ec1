import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, UserSummary } from '../api/types.js';
import { AVRR_STATUSES, VULNERABILITIES } from '../cases/avrr-codes.js';
import type { CaseloadFilters } from './caseload-query.js';

interface Props {
  filters: CaseloadFilters;
  offices: Office[];
  users: UserSummary[];
  onChange: (changes: Partial<CaseloadFilters>) => void;
}

const SEARCH_DELAY_MS = 400;

/** Status, office, assignee, vulnerability and name filters; every change resets to page 1. */
export function CaseloadFiltersForm({ filters, offices, users, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  // The last search text sent to the URL, so typing is not overwritten when the URL catches up.
  const pushed = useRef(filters.q);

  useEffect(() => {
    if (filters.q !== pushed.current) {
      pushed.current = filters.q;
      setQ(filters.q);
    }
  }, [filters.q]);

  useEffect(() => {
    if (q === pushed.current) return;
    const timer = window.setTimeout(() => {
      pushed.current = q;
      onChange({ q, page: 1 });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [q, onChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    pushed.current = q;
    onChange({ q, page: 1 });
  }

  return (
    <search aria-label={t('caseload.filters')}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="filter-q">{t('caseload.searchByName')}</label>
          <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('caseload.status')}</label>
          <select
            id="filter-status"
            value={filters.status}
            onChange={(e) => onChange({ status: e.target.value, page: 1 })}
          >
            <option value="">{t('caseload.allStatuses')}</option>
            {AVRR_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-office">{t('caseload.office')}</label>
          <select
            id="filter-office"
            value={filters.officeId}
            onChange={(e) => onChange({ officeId: e.target.value, page: 1 })}
          >
            <option value="">{t('caseload.allOffices')}</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-assignee">{t('caseload.assignee')}</label>
          <select
            id="filter-assignee"
            value={filters.assigneeId}
            onChange={(e) => onChange({ assigneeId: e.target.value, page: 1 })}
          >
            <option value="">{t('caseload.anyAssignee')}</option>
            <option value="me">{t('caseload.assignedToMe')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-vulnerability">{t('caseload.vulnerability')}</label>
          <select
            id="filter-vulnerability"
            value={filters.vulnerability}
            onChange={(e) => onChange({ vulnerability: e.target.value, page: 1 })}
          >
            <option value="">{t('caseload.anyVulnerability')}</option>
            {VULNERABILITIES.map((code) => (
              <option key={code} value={code}>
                {t(`vulnerability.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">{t('caseload.applyFilters')}</button>
        </div>
      </form>
    </search>
  );
}
