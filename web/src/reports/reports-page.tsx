import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { toQuery } from '../api/client.js';
import { useOffices } from '../api/reference-data.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { ExportPanel } from './export-panel.js';
import type { ReportResult, ReportSummary } from './report-types.js';

/** The report catalogue: pick a report, set its period, office and programme, see the rows, export them. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'nl' ? 'nl' : 'en';
  const { offices } = useOffices();
  const [params, setParams] = useSearchParams();
  const catalogue = useApi<{ items: ReportSummary[] }>('/reports');
  const name = params.get('report') ?? catalogue.data?.items[0]?.name ?? '';
  const report = catalogue.data?.items.find((item) => item.name === name);
  const applied = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    officeId: params.get('officeId') ?? '',
    programme: params.get('programme') ?? '',
  };
  const [draft, setDraft] = useState(applied);
  const result = useApi<ReportResult>(
    report ? `/reports/${report.name}${toQuery({ ...applied, language })}` : null,
  );

  function run(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    next.set('report', name);
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
    setParams(next);
  }

  const query = Object.fromEntries(Object.entries(applied).filter(([, value]) => value));
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      {catalogue.error && <ErrorMessage error={catalogue.error} />}
      {!catalogue.data && !catalogue.error && <Loading />}
      {catalogue.data && (
        <form className="filters" onSubmit={run} aria-label={t('reports.parameters')}>
          <div className="field">
            <label htmlFor="report-name">{t('reports.catalogue')}</label>
            <select
              id="report-name"
              value={name}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                next.set('report', e.target.value);
                setParams(next);
              }}
            >
              {catalogue.data.items.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.title[language]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-from">{t('dashboard.from')}</label>
            <input
              id="report-from"
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="report-to">{t('dashboard.to')}</label>
            <input
              id="report-to"
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="report-office">{t('dashboard.office')}</label>
            <select
              id="report-office"
              value={draft.officeId}
              onChange={(e) => setDraft({ ...draft, officeId: e.target.value })}
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
            <label htmlFor="report-programme">{t('dashboard.programme')}</label>
            <select
              id="report-programme"
              value={draft.programme}
              onChange={(e) => setDraft({ ...draft, programme: e.target.value })}
            >
              <option value="">{t('dashboard.allProgrammes')}</option>
              <option value="avrr">{t('programme.avrr')}</option>
            </select>
          </div>
          <button type="submit">{t('reports.run')}</button>
        </form>
      )}
      {report && <p>{report.description[language]}</p>}
      {result.error && <ErrorMessage error={result.error} />}
      {result.loading && <Loading />}
      {report && result.data && (
        <>
          <p>
            {result.data.parameters.from} – {result.data.parameters.to} ·{' '}
            {t('reports.rows', { count: result.data.rows.length })}
          </p>
          {result.data.rows.length === 0 ? (
            <p>{t('reports.noRows')}</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <table>
                <caption className="visually-hidden">{report.title[language]}</caption>
                <thead>
                  <tr>
                    {report.columns.map((column) => (
                      <th key={column.key} scope="col" title={`${t('reports.hxlTag')}: ${column.hxl}`}>
                        {column.title[language]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.data.rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id of their own
                    <tr key={index}>
                      {report.columns.map((column) => (
                        <td
                          key={column.key}
                          style={{
                            textAlign:
                              column.type === 'integer' || column.type === 'decimal' ? 'end' : 'start',
                          }}
                        >
                          {row[column.key] ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ExportPanel report={report} query={query} />
        </>
      )}
    </section>
  );
}
