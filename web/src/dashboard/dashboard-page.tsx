import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { toQuery } from '../api/client.js';
import { useOffices } from '../api/reference-data.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { BarChart } from './bar-chart.js';
import { DashboardTables } from './dashboard-tables.js';
import type { DashboardData } from './dashboard-types.js';
import { LineChart } from './line-chart.js';
import { usePolling } from './use-polling.js';

const REFRESH_MS = 10_000;
const PROGRAMMES = ['avrr'];

/** The managers' dashboard: live caseload figures, filtered by office, programme and period. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'nl' ? 'nl' : 'en';
  const [params, setParams] = useSearchParams();
  const { offices } = useOffices();
  const filters = {
    officeId: params.get('officeId') ?? '',
    programme: params.get('programme') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const { data, error } = usePolling<DashboardData>(`/dashboard${toQuery(filters)}`, REFRESH_MS);
  const change = (name: keyof typeof filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const statusLabel = (status: string) => t(`status.${status}`, { defaultValue: status });

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <search aria-label={t('dashboard.filters')}>
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor="dashboard-office">{t('dashboard.office')}</label>
            <select
              id="dashboard-office"
              value={filters.officeId}
              onChange={(e) => change('officeId', e.target.value)}
            >
              <option value="">{t('dashboard.allOffices')}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dashboard-programme">{t('dashboard.programme')}</label>
            <select
              id="dashboard-programme"
              value={filters.programme}
              onChange={(e) => change('programme', e.target.value)}
            >
              <option value="">{t('dashboard.allProgrammes')}</option>
              {PROGRAMMES.map((programme) => (
                <option key={programme} value={programme}>
                  {t(`programme.${programme}`, { defaultValue: programme.toUpperCase() })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
            <input
              id="dashboard-from"
              type="date"
              value={filters.from}
              onChange={(e) => change('from', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
            <input
              id="dashboard-to"
              type="date"
              value={filters.to}
              onChange={(e) => change('to', e.target.value)}
            />
          </div>
        </form>
      </search>
      {error && <ErrorMessage error={error} />}
      {!data && !error && <Loading />}
      {data && (
        <>
          <p aria-live="polite" style={{ color: 'var(--muted)' }}>
            {t('dashboard.updatedAt', { time: new Date(data.generatedAt).toLocaleTimeString(language) })}
          </p>
          <dl className="dashboard-figures" style={{ display: 'flex', gap: '2rem', flexWrap: 'wrap' }}>
            <div>
              <dt>{t('dashboard.openCases')}</dt>
              <dd data-testid="open-cases" style={{ fontSize: '1.8rem', margin: 0 }}>
                {data.openCaseload.total}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.overdueTasks')}</dt>
              <dd data-testid="overdue-tasks" style={{ fontSize: '1.8rem', margin: 0 }}>
                {data.overdueTasks.total}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.departuresInPeriod')}</dt>
              <dd style={{ fontSize: '1.8rem', margin: 0 }}>
                {data.departuresPerWeek.reduce((sum, week) => sum + week.persons, 0)}
              </dd>
            </div>
          </dl>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))',
              gap: '1.5rem',
            }}
          >
            <BarChart
              title={t('dashboard.byStatus')}
              valueLabel={t('dashboard.count')}
              data={data.openCaseload.byProgrammeStatus.map((row) => ({
                label: `${row.programme.toUpperCase()} · ${statusLabel(row.status)}`,
                value: row.count,
              }))}
            />
            <BarChart
              title={t('dashboard.byOffice')}
              valueLabel={t('dashboard.count')}
              data={data.openCaseload.byOffice.map((row) => ({ label: row.officeName, value: row.count }))}
            />
            <BarChart
              title={t('dashboard.byCounsellor')}
              valueLabel={t('dashboard.count')}
              data={data.openCaseload.byAssignee.map((row) => ({
                label: row.displayName ?? t('dashboard.unassigned'),
                value: row.count,
              }))}
            />
            <BarChart
              title={t('dashboard.overdueByOffice')}
              valueLabel={t('dashboard.count')}
              data={data.overdueTasks.byOffice.map((row) => ({ label: row.officeName, value: row.count }))}
            />
            <LineChart
              title={t('dashboard.departuresPerWeek')}
              valueLabel={t('dashboard.persons')}
              data={data.departuresPerWeek.map((week) => ({ label: week.weekStart, value: week.persons }))}
            />
            <BarChart
              title={t('dashboard.topDestinations')}
              valueLabel={t('dashboard.persons')}
              data={data.topDestinations.map((row) => ({
                label: row.name ? row.name[language] : t('dashboard.unknownCountry'),
                value: row.persons,
              }))}
            />
            <BarChart
              title={t('dashboard.vulnerableCases')}
              valueLabel={t('dashboard.count')}
              data={data.vulnerableCases.map((row) => ({
                label: t(`vulnerability.${row.category}`, { defaultValue: row.category }),
                value: row.count,
              }))}
            />
          </div>
          <DashboardTables data={data} />
        </>
      )}
    </section>
  );
}
