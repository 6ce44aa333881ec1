import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One value of a chart: its label, its value, and how to show the value. */
export interface Datum {
  label: string;
  value: number;
  display?: string;
}

/**
 * A titled chart with a text alternative, and a toggle between the chart and the same data as a
 * table, so the figures are available to screen readers and for copying.
 */
export function ChartFigure({
  title,
  data,
  valueLabel,
  children,
}: {
  title: string;
  data: Datum[];
  valueLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const max = data.reduce((highest, datum) => Math.max(highest, datum.value), 0);
  return (
    <figure className="chart" aria-labelledby={titleId} style={{ margin: 0 }}>
      <figcaption id={titleId}>
        <h2 style={{ fontSize: '1.05rem', margin: '0 0 .25rem' }}>{title}</h2>
      </figcaption>
      {data.length === 0 ? (
        <p>{t('dashboard.noData')}</p>
      ) : asTable ? (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.label')}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">{datum.label}</th>
                <td style={{ textAlign: 'end' }}>{datum.display ?? datum.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div role="img" aria-label={t('dashboard.chartSummary', { title, count: data.length, max })}>
          {children}
        </div>
      )}
      {data.length > 0 && (
        <button
          type="button"
          className="link-button"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
        </button>
      )}
    </figure>
  );
}
