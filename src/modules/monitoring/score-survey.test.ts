import { describe, expect, it } from 'vitest';
import { checkAnswers, checkWeights, equalWeights, type SurveyWeights, scoreSurvey } from './score-survey.js';
import { sustainabilityIndicators } from './sustainability-indicators.js';

const ids = (prefix: string) =>
  sustainabilityIndicators.filter((i) => i.id.startsWith(prefix)).map((i) => i.id);
const answerAll = (optionId: string) =>
  Object.fromEntries(
    sustainabilityIndicators.map((i) => [
      i.id,
      i.options.some((o) => o.id === optionId) ? optionId : i.options.at(-1)!.id,
    ]),
  );
const best = Object.fromEntries(sustainabilityIndicators.map((i) => [i.id, i.options.at(-1)!.id]));
const worst = Object.fromEntries(sustainabilityIndicators.map((i) => [i.id, i.options[0]!.id]));
const withWeights = (changes: Partial<SurveyWeights>): SurveyWeights => ({ ...equalWeights(), ...changes });

describe('the survey definition', () => {
  it('has 15 indicators, 5 per dimension, every answer scored within 0..1', () => {
    expect(sustainabilityIndicators).toHaveLength(15);
    expect(ids('eco_')).toHaveLength(5);
    expect(ids('soc_')).toHaveLength(5);
    expect(ids('psy_')).toHaveLength(5);
    for (const indicator of sustainabilityIndicators) {
      const scores = indicator.options.map((o) => Number(o.score));
      expect(Math.min(...scores)).toBe(0);
      expect(Math.max(...scores)).toBe(1);
      expect(indicator.label.nl.length).toBeGreaterThan(0);
    }
  });
});

describe('scoreSurvey', () => {
  it.each<[string, Record<string, string>, SurveyWeights, Partial<ReturnType<typeof scoreSurvey>>]>([
    [
      'all best answers',
      best,
      equalWeights(),
      { economic: '1.0000', social: '1.0000', psychosocial: '1.0000', composite: '1.0000' },
    ],
    [
      'all worst answers',
      worst,
      equalWeights(),
      { economic: '0.0000', social: '0.0000', psychosocial: '0.0000', composite: '0.0000' },
    ],
    [
      'all middle answers',
      answerAll('medium'),
      equalWeights(),
      { economic: '0.6000', social: '0.5000', psychosocial: '0.5000', composite: '0.5333' },
    ],
    [
      'economic best, the rest worst',
      { ...worst, ...Object.fromEntries(ids('eco_').map((id) => [id, best[id]!])) },
      equalWeights(),
      { economic: '1.0000', social: '0.0000', psychosocial: '0.0000', composite: '0.3333' },
    ],
    [
      'economic weighted double',
      { ...worst, ...Object.fromEntries(ids('eco_').map((id) => [id, best[id]!])) },
      withWeights({ dimensions: { economic: '2', social: '1', psychosocial: '1' } }),
      { composite: '0.5000' },
    ],
    [
      'an unanswered indicator is left out, not scored 0',
      { ...best, eco_debt: 'low', eco_work: undefined as unknown as string },
      equalWeights(),
      { economic: '0.7500' },
    ],
    [
      'a dimension without answers has no score and no composite',
      Object.fromEntries(ids('eco_').map((id) => [id, best[id]!])),
      equalWeights(),
      { economic: '1.0000', social: null, psychosocial: null, composite: null, sustainable: null },
    ],
    [
      'a dimension weighted 0 is not needed for the composite',
      Object.fromEntries([...ids('eco_'), ...ids('soc_')].map((id) => [id, best[id]!])),
      withWeights({ dimensions: { economic: '1', social: '1', psychosocial: '0' } }),
      { psychosocial: null, composite: '1.0000' },
    ],
    [
      'indicator weights shift a dimension',
      { ...best, eco_income_sources: 'low' },
      withWeights({ indicators: { ...equalWeights().indicators, eco_income_sources: '3' } }),
      { economic: '0.5714' },
    ],
    [
      'at the threshold is sustainable',
      answerAll('medium'),
      withWeights({ sustainableThreshold: '0.5333' }),
      { sustainable: true },
    ],
    [
      'just under the threshold is not',
      answerAll('medium'),
      withWeights({ sustainableThreshold: '0.5334' }),
      { sustainable: false },
    ],
    ['no threshold, no verdict', best, equalWeights(), { sustainable: null }],
  ])('%s', (_name, answers, weights, expected) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
    expect(scoreSurvey(clean, weights)).toMatchObject(expected);
  });
});

describe('checkAnswers and checkWeights', () => {
  it('names unknown indicators and answers by path', () => {
    expect(checkAnswers({ eco_debt: 'high', nope: 'high', psy_safety: 'maybe' }).map((e) => e.path)).toEqual([
      'body.answers.nope',
      'body.answers.psy_safety',
    ]);
  });

  it('accepts equal weights and refuses missing, negative, all-zero or unknown ones', () => {
    expect(checkWeights(equalWeights())).toEqual([]);
    const { eco_debt: _left, ...missing } = equalWeights().indicators;
    expect(checkWeights(withWeights({ indicators: missing })).map((e) => e.path)).toEqual([
      'body.indicators.eco_debt',
    ]);
    expect(
      checkWeights(withWeights({ dimensions: { economic: '-1', social: '1', psychosocial: '1' } })).map(
        (e) => e.path,
      ),
    ).toEqual(['body.dimensions.economic']);
    expect(
      checkWeights(withWeights({ dimensions: { economic: '0', social: '0', psychosocial: '0' } })).map(
        (e) => e.path,
      ),
    ).toEqual(['body.dimensions']);
    expect(checkWeights(withWeights({ sustainableThreshold: '1.5' })).map((e) => e.path)).toEqual([
      'body.sustainableThreshold',
    ]);
    expect(
      checkWeights(withWeights({ dimensions: { ...equalWeights().dimensions, cultural: '1' } })).map(
        (e) => e.path,
      ),
    ).toEqual(['body.dimensions.cultural']);
  });
});
