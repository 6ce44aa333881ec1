import { useTranslation } from 'react-i18next';
import type { DashboardData } from './dashboard-types.js';

/** Grants with their disbursement progress, and travel documents pending per embassy, as tables. */
export function DashboardTables({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: '1.5rem' }}
    >
      <section aria-labelledby="dashboard-grants">
        <h2 id="dashboard-grants" style={{ fontSize: '1.05rem' }}>
          {t('dashboard.grants')}
        </h2>
        {data.grants.length === 0 ? (
          <p>{t('dashboard.noData')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.grantType')}</th>
                <th scope="col">{t('dashboard.currency')}</th>
                <th scope="col">{t('dashboard.grantCount')}</th>
                <th scope="col">{t('dashboard.amount')}</th>
                <th scope="col">{t('dashboard.disbursed')}</th>
                <th scope="col">{t('dashboard.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {data.grants.map((row) => (
                <tr key={`${row.type}-${row.currency}`}>
                  <th scope="row">{t(`dashboard.grantTypes.${row.type}`, { defaultValue: row.type })}</th>
                  <td>{row.currency}</td>
                  <td style={{ textAlign: 'end' }}>{row.grants}</td>
                  <td style={{ textAlign: 'end' }}>{row.amount}</td>
                  <td style={{ textAlign: 'end' }}>{row.disbursed}</td>
                  <td>
                    <progress
                      max={100}
                      value={Number(row.disbursedPercent)}
                      aria-label={t('dashboard.progress')}
                    />{' '}
                    {row.disbursedPercent}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="dashboard-travel-documents">
        <h2 id="dashboard-travel-documents" style={{ fontSize: '1.05rem' }}>
          {t('dashboard.travelDocuments')}
        </h2>
        {data.travelDocumentsPending.length === 0 ? (
          <p>{t('dashboard.noData')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.embassy')}</th>
                <th scope="col">{t('dashboard.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {data.travelDocumentsPending.map((row) => (
                <tr key={row.embassyId}>
                  <th scope="row">
                    {row.country} · {row.city}
                  </th>
                  <td style={{ textAlign: 'end' }}>{row.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
