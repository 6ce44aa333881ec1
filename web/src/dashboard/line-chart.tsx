import { ChartFigure, type Datum } from './chart-figure.js';

const WIDTH = 520;
const HEIGHT = 160;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** A line chart in plain SVG over evenly spaced points (for example weeks). */
export function LineChart({ title, data, valueLabel }: { title: string; data: Datum[]; valueLabel: string }) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (data.length <= 1 ? 0 : (index / (data.length - 1)) * innerWidth);
  const y = (value: number) => PAD.top + innerHeight - (value / max) * innerHeight;
  const points = data.map((datum, index) => `${x(index)},${y(datum.value)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(data.length / 6));
  return (
    <ChartFigure title={title} data={data} valueLabel={valueLabel}>
      <svg
        width="100%"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ maxWidth: 560 }}
        aria-hidden="true"
        focusable="false"
      >
        <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} stroke="#767676" />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" fontSize="11" fill="currentColor">
          {max}
        </text>
        <text x={PAD.left - 4} y={y(0) + 4} textAnchor="end" fontSize="11" fill="currentColor">
          0
        </text>
        <polyline points={points} fill="none" stroke="#1f5f99" strokeWidth="2" />
        {data.map((datum, index) => (
          <g key={datum.label}>
            <circle cx={x(index)} cy={y(datum.value)} r="3" fill="#1f5f99" />
            {index % labelEvery === 0 && (
              <text x={x(index)} y={HEIGHT - 8} textAnchor="middle" fontSize="10" fill="currentColor">
                {datum.label.slice(5)}
              </text>
            )}
          </g>
        ))}
      </svg>
    </ChartFigure>
  );
}
