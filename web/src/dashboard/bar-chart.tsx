import { ChartFigure, type Datum } from './chart-figure.js';

const ROW = 22;
const LABEL_WIDTH = 180;
const BAR_WIDTH = 260;

/** A horizontal bar chart in plain SVG, one bar per datum. */
export function BarChart({ title, data, valueLabel }: { title: string; data: Datum[]; valueLabel: string }) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const height = data.length * ROW;
  return (
    <ChartFigure title={title} data={data} valueLabel={valueLabel}>
      <svg
        width="100%"
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 70} ${height}`}
        style={{ maxWidth: 560 }}
        aria-hidden="true"
        focusable="false"
      >
        {data.map((datum, index) => {
          const y = index * ROW;
          const width = (datum.value / max) * BAR_WIDTH;
          return (
            <g key={datum.label}>
              <text x={LABEL_WIDTH - 6} y={y + ROW * 0.68} textAnchor="end" fontSize="12" fill="currentColor">
                {datum.label.length > 28 ? `${datum.label.slice(0, 27)}…` : datum.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(width, 1)} height={ROW - 6} fill="#1f5f99" />
              <text x={LABEL_WIDTH + width + 6} y={y + ROW * 0.68} fontSize="12" fill="currentColor">
                {datum.display ?? datum.value}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
