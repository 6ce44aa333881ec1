import { useTranslation } from 'react-i18next';
import { formatDate } from '../ui/format.js';
import type { Survey, SurveyScores } from './reintegration-types.js';

const SERIES: { key: keyof SurveyScores; colour: string; dash?: string }[] = [
  { key: 'composite', colour: '#1b1b1b' },
  { key: 'economic', colour: '#005ea2', dash: '6 3' },
  { key: 'social', colour: '#8b4a00', dash: '2 3' },
  { key: 'psychosocial', colour: '#2e7d32', dash: '8 3 2 3' },
];
const WIDTH = 520;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

/**
 * The survey scores over time as a small SVG line chart (0 to 1 on the vertical axis, one point per
 * survey in date order). Series differ by dash pattern as well as colour, and a table beside it
 * carries the same figures for screen readers.
 */
export function ScoresChart({ surveys }: { surveys: Survey[] }) {
  const { t, i18n } = useTranslation();
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (surveys.length === 1 ? innerW / 2 : (index * innerW) / (surveys.length - 1));
  const y = (score: string) => PAD.top + innerH * (1 - Number(score));
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="scores-chart-title"
        width="100%"
        style={{ maxWidth: WIDTH }}
      >
        <title id="scores-chart-title">{t('monitoring.chartTitle')}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(String(tick))}
              y2={y(String(tick))}
              stroke="#d0d0d0"
            />
            <text x={PAD.left - 6} y={y(String(tick)) + 4} textAnchor="end" fontSize="11">
              {tick}
            </text>
          </g>
        ))}
        {surveys.map((survey, index) => (
          <text key={survey.id} x={x(index)} y={HEIGHT - 12} textAnchor="middle" fontSize="11">
            {formatDate(survey.surveyDate, i18n.language)}
          </text>
        ))}
        {SERIES.map(({ key, colour, dash }) => {
          const points = surveys.flatMap((survey, index) => {
            const value = survey.scores[key];
            return value === null ? [] : [[x(index), y(value)] as const];
          });
          return (
            <g key={key}>
              <polyline
                points={points.map(([px, py]) => `${px},${py}`).join(' ')}
                fill="none"
                stroke={colour}
                strokeWidth={key === 'composite' ? 3 : 2}
                strokeDasharray={dash}
              />
              {points.map(([px, py]) => (
                <circle key={`${px}-${py}`} cx={px} cy={py} r={3} fill={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="checkbox-group" aria-label={t('monitoring.legend')}>
          {SERIES.map(({ key, colour, dash }) => (
            <li key={key} className="checkbox">
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={colour} strokeWidth="3" strokeDasharray={dash} />
              </svg>
              {t(`monitoring.dimension.${key}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
