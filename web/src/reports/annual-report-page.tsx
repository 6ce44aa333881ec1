import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { API_BASE, toQuery } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

type Figures = Record<string, unknown>;

interface AnnualReport {
  year: number;
  generated_at: string;
  avrr: Figures;
  reintegration: Figures;
  diplomatic_liaison: Figures;
  airport: Figures;
  not_producible: { figure: string; reason: string }[];
}

const SECTIONS = ['avrr', 'reintegration', 'diplomatic_liaison', 'airport'] as const;
const POLICY_CHANGE = /^policy_change_(\d{4})_(\d{2})$/;

/** Each figure of a section as [path, value]: nested figures by their full path, lists joined. */
function leaves(prefix: string, value: unknown): [string, string | number | null][] {
  if (value === null || typeof value !== 'object') return [[prefix, value as string | number | null]];
  if (Array.isArray(value)) return [[prefix, value.join(', ')]];
  return Object.entries(value as Figures).flatMap(([key, inner]) => leaves(`${prefix}.${key}`, inner));
}

/** The annual report of the mission: its figures computed from the case data, and those not producible yet. */
export function AnnualReportPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'nl' ? 'nl' : 'en';
  const [params, setParams] = useSearchParams();
  const defaultYear = new Date().getFullYear() - 1;
  const year = Number(params.get('year') ?? defaultYear);
  const [draft, setDraft] = useState(String(year));
  const report = useApi<AnnualReport>(`/annual-report${toQuery({ year })}`);
  const missing = new Map((report.data?.not_producible ?? []).map((entry) => [entry.figure, entry]));

  function show(event: FormEvent) {
    event.preventDefault();
    setParams(new URLSearchParams({ year: draft }));
  }

  const label = (path: string) => {
    const [section, key, ...rest] = path.split('.');
    const change = key?.match(POLICY_CHANGE);
    if (change) return t('annualReport.policyChange', { year: change[1], month: change[2] });
    return t(`annualReport.figure.${[section, key, ...rest].join('.')}`);
  };
  const reason = (figure: string, fallback: string) => {
    const section = figure.split('.')[0] ?? '';
    const key = `annualReport.notProducible.${figure.replace(/\./g, '_')}`;
    const sectionKey = `annualReport.notProducible.${section}`;
    return i18n.exists(key) ? t(key) : i18n.exists(sectionKey) ? t(sectionKey) : fallback;
  };
  const download = (format: 'csv' | 'xlsx') =>
    `${API_BASE}/annual-report/export${toQuery({ year, format, language })}`;

  return (
    <section aria-labelledby="annual-report-title">
      <h1 id="annual-report-title">{t('annualReport.title', { year })}</h1>
      <form className="filters" onSubmit={show} aria-label={t('annualReport.choose')}>
        <div className="field">
          <label htmlFor="annual-report-year">{t('annualReport.year')}</label>
          <input
            id="annual-report-year"
            type="number"
            min={2000}
            max={2100}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <button type="submit">{t('annualReport.show')}</button>
      </form>
      {report.error && <ErrorMessage error={report.error} />}
      {report.loading && <Loading />}
      {report.data && (
        <>
          <p>
            <a href={download('csv')} download>
              {t('annualReport.downloadCsv')}
            </a>{' '}
            <a href={download('xlsx')} download>
              {t('annualReport.downloadXlsx')}
            </a>
          </p>
          {SECTIONS.map((section) => (
            <table key={section} className="data-table">
              <caption>{t(`annualReport.section.${section}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('annualReport.figureColumn')}</th>
                  <th scope="col">{t('annualReport.valueColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {leaves(section, report.data?.[section]).map(([path, value]) => {
                  const gap = missing.get(path);
                  return (
                    <tr key={path}>
                      <th scope="row">{label(path)}</th>
                      <td>
                        {gap ? (
                          <span className="not-producible">
                            {t('annualReport.notProducibleMark')}: {reason(gap.figure, gap.reason)}
                          </span>
                        ) : (
                          String(value ?? '')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
          <h2>{t('annualReport.notProducibleTitle')}</h2>
          <ul>
            {report.data.not_producible
              .filter((entry) => !SECTIONS.some((section) => entry.figure.startsWith(`${section}.`)))
              .map((entry) => (
                <li key={entry.figure}>
                  <code>{entry.figure}</code>: {reason(entry.figure, entry.reason)}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
