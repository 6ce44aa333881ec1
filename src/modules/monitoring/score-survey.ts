import { Decimal } from 'decimal.js';
import type { FieldError } from '../../platform/http/problem.js';
import {
  type Dimension,
  dimensions,
  type Indicator,
  indicatorsById,
  sustainabilityIndicators,
} from './sustainability-indicators.js';

const Exact = Decimal.clone({ precision: 40 });

/** Relative weights (non-negative decimal strings) of the dimensions and of each indicator. */
export interface SurveyWeights {
  dimensions: Record<string, string>;
  indicators: Record<string, string>;
  /** A composite score at or above this counts as sustainable; null gives no verdict. */
  sustainableThreshold: string | null;
}

/** Scores with four decimals; null where nothing was answered (or weighted) to score from. */
export interface SurveyScores {
  economic: string | null;
  social: string | null;
  psychosocial: string | null;
  composite: string | null;
  sustainable: boolean | null;
}

/** Equal weights for every dimension and indicator, and no threshold: what a new mission starts with. */
export function equalWeights(): SurveyWeights {
  return {
    dimensions: Object.fromEntries(dimensions.map((d) => [d, '1'])),
    indicators: Object.fromEntries(sustainabilityIndicators.map((i) => [i.id, '1'])),
    sustainableThreshold: null,
  };
}

/** The problems with a set of answers (indicator id → option id), with their field paths. */
export function checkAnswers(answers: Record<string, string>, path = 'body.answers'): FieldError[] {
  const errors: FieldError[] = [];
  for (const [indicatorId, optionId] of Object.entries(answers)) {
    const indicator = indicatorsById.get(indicatorId);
    if (!indicator) errors.push({ path: `${path}.${indicatorId}`, message: 'Unknown indicator' });
    else if (!indicator.options.some((option) => option.id === optionId)) {
      errors.push({ path: `${path}.${indicatorId}`, message: 'Unknown answer for this indicator' });
    }
  }
  return errors;
}

/** The problems with a weights set: every dimension and indicator weighted, each dimension with some weight. */
export function checkWeights(weights: SurveyWeights, path = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  const valid = (value: string | undefined) => value !== undefined && /^\d{1,6}(\.\d{1,4})?$/.test(value);
  for (const dimension of dimensions) {
    if (!valid(weights.dimensions[dimension]))
      errors.push({ path: `${path}.dimensions.${dimension}`, message: 'A weight such as "1" or "0.5"' });
    const members = sustainabilityIndicators.filter((i) => i.dimension === dimension);
    for (const indicator of members) {
      if (!valid(weights.indicators[indicator.id]))
        errors.push({ path: `${path}.indicators.${indicator.id}`, message: 'A weight such as "1" or "0.5"' });
    }
    if (
      members.every((i) => valid(weights.indicators[i.id]) && new Exact(weights.indicators[i.id]!).isZero())
    ) {
      errors.push({ path: `${path}.indicators`, message: `The ${dimension} indicators cannot all weigh 0` });
    }
  }
  for (const key of Object.keys(weights.dimensions)) {
    if (!(dimensions as readonly string[]).includes(key))
      errors.push({ path: `${path}.dimensions.${key}`, message: 'Unknown dimension' });
  }
  for (const key of Object.keys(weights.indicators)) {
    if (!indicatorsById.has(key))
      errors.push({ path: `${path}.indicators.${key}`, message: 'Unknown indicator' });
  }
  if (errors.length === 0 && dimensions.every((d) => new Exact(weights.dimensions[d]!).isZero())) {
    errors.push({ path: `${path}.dimensions`, message: 'The dimensions cannot all weigh 0' });
  }
  const threshold = weights.sustainableThreshold;
  if (threshold !== null && !/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(threshold)) {
    errors.push({ path: `${path}.sustainableThreshold`, message: 'A score between 0 and 1' });
  }
  return errors;
}

const scoreOf = (indicator: Indicator, optionId: string) => {
  const option = indicator.options.find((o) => o.id === optionId);
  if (!option) throw new Error(`Unknown answer ${optionId} to ${indicator.id}`);
  return new Exact(option.score);
};

/** Weighted mean of (weight, value) pairs, or null when the weights add up to nothing. */
function weightedMean(pairs: [Decimal, Decimal][]): Decimal | null {
  const total = pairs.reduce((sum, [weight]) => sum.plus(weight), new Exact(0));
  if (total.isZero()) return null;
  return pairs.reduce((sum, [weight, value]) => sum.plus(weight.times(value)), new Exact(0)).dividedBy(total);
}

const four = (value: Decimal | null) =>
  value === null ? null : value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

/**
 * Scores a survey. A dimension's score is the weighted mean of its answered indicators (an
 * unanswered one is left out, not counted as 0); the composite is the weighted mean of the
 * dimension scores, and is null while a weighted dimension has no answers. Computed exactly and
 * rounded half-up to four decimals at the end; "sustainable" compares the rounded composite, the
 * figure people see, with the threshold.
 */
export function scoreSurvey(answers: Record<string, string>, weights: SurveyWeights): SurveyScores {
  const byDimension = new Map<Dimension, Decimal | null>();
  for (const dimension of dimensions) {
    const pairs: [Decimal, Decimal][] = [];
    for (const indicator of sustainabilityIndicators) {
      const answer = answers[indicator.id];
      if (indicator.dimension !== dimension || answer === undefined) continue;
      pairs.push([new Exact(weights.indicators[indicator.id] ?? '0'), scoreOf(indicator, answer)]);
    }
    byDimension.set(dimension, weightedMean(pairs));
  }
  const weighted = dimensions.filter((d) => !new Exact(weights.dimensions[d] ?? '0').isZero());
  const composite = weighted.some((d) => byDimension.get(d) === null)
    ? null
    : weightedMean(weighted.map((d) => [new Exact(weights.dimensions[d]!), byDimension.get(d)!]));
  const compositeText = four(composite);
  return {
    economic: four(byDimension.get('economic') ?? null),
    social: four(byDimension.get('social') ?? null),
    psychosocial: four(byDimension.get('psychosocial') ?? null),
    composite: compositeText,
    sustainable:
      compositeText === null || weights.sustainableThreshold === null
        ? null
        : new Exact(compositeText).greaterThanOrEqualTo(weights.sustainableThreshold),
  };
}
