/** The three dimensions of the reintegration sustainability survey. */
export const dimensions = ['economic', 'social', 'psychosocial'] as const;
export type Dimension = (typeof dimensions)[number];

export interface LocalizedLabel {
  en: string;
  nl: string;
}

/** One possible answer to an indicator and the score (0..1, as a decimal string) it earns. */
export interface IndicatorOption {
  id: string;
  label: LocalizedLabel;
  score: string;
}

export interface Indicator {
  id: string;
  dimension: Dimension;
  label: LocalizedLabel;
  options: IndicatorOption[];
}

const three = (
  worst: [string, string],
  middle: [string, string],
  best: [string, string],
): IndicatorOption[] => [
  { id: 'low', label: { en: worst[0], nl: worst[1] }, score: '0' },
  { id: 'medium', label: { en: middle[0], nl: middle[1] }, score: '0.5' },
  { id: 'high', label: { en: best[0], nl: best[1] }, score: '1' },
];

/**
 * The survey's 15 indicators with their answers and scores. This is configuration kept in code
 * review rather than a table because answers already given refer to these ids: change a label
 * freely, but add new ids rather than re-scoring old ones.
 */
export const sustainabilityIndicators: readonly Indicator[] = [
  {
    id: 'eco_income_sources',
    dimension: 'economic',
    label: { en: 'Sources of income', nl: 'Bronnen van inkomen' },
    options: three(['None', 'Geen'], ['One', 'Eén'], ['Two or more', 'Twee of meer']),
  },
  {
    id: 'eco_work',
    dimension: 'economic',
    label: { en: 'Work situation', nl: 'Werksituatie' },
    options: three(
      ['No work', 'Geen werk'],
      ['Irregular work', 'Onregelmatig werk'],
      ['Regular work or own business', 'Vast werk of eigen bedrijf'],
    ),
  },
  {
    id: 'eco_debt',
    dimension: 'economic',
    label: { en: 'Debt', nl: 'Schulden' },
    options: three(
      ['More than a month’s income', 'Meer dan een maandinkomen'],
      ['Up to a month’s income', 'Tot een maandinkomen'],
      ['No debt', 'Geen schulden'],
    ),
  },
  {
    id: 'eco_food_security',
    dimension: 'economic',
    label: { en: 'Meals skipped for lack of money', nl: 'Maaltijden overgeslagen door geldgebrek' },
    options: three(['Often', 'Vaak'], ['Sometimes', 'Soms'], ['Never', 'Nooit']),
  },
  {
    id: 'eco_satisfaction',
    dimension: 'economic',
    label: {
      en: 'Satisfaction with the economic situation',
      nl: 'Tevredenheid over de economische situatie',
    },
    options: [
      { id: 'very_dissatisfied', label: { en: 'Very dissatisfied', nl: 'Zeer ontevreden' }, score: '0' },
      { id: 'dissatisfied', label: { en: 'Dissatisfied', nl: 'Ontevreden' }, score: '0.25' },
      { id: 'neutral', label: { en: 'Neither', nl: 'Neutraal' }, score: '0.5' },
      { id: 'satisfied', label: { en: 'Satisfied', nl: 'Tevreden' }, score: '0.75' },
      { id: 'very_satisfied', label: { en: 'Very satisfied', nl: 'Zeer tevreden' }, score: '1' },
    ],
  },
  {
    id: 'soc_housing',
    dimension: 'social',
    label: { en: 'Housing', nl: 'Huisvesting' },
    options: three(
      ['No stable housing', 'Geen vaste woonplek'],
      ['Temporary housing', 'Tijdelijke woonplek'],
      ['Adequate, stable housing', 'Passende, vaste woning'],
    ),
  },
  {
    id: 'soc_health_care',
    dimension: 'social',
    label: { en: 'Access to health care', nl: 'Toegang tot gezondheidszorg' },
    options: three(['Poor', 'Slecht'], ['Fair', 'Redelijk'], ['Good', 'Goed']),
  },
  {
    id: 'soc_education',
    dimension: 'social',
    label: { en: 'Access to education for the household', nl: 'Toegang tot onderwijs voor het huishouden' },
    options: three(['Poor', 'Slecht'], ['Fair', 'Redelijk'], ['Good or not needed', 'Goed of niet nodig']),
  },
  {
    id: 'soc_documents',
    dimension: 'social',
    label: { en: 'Identity documents', nl: 'Identiteitsdocumenten' },
    options: three(['None', 'Geen'], ['Applied for', 'Aangevraagd'], ['Has them', 'In bezit']),
  },
  {
    id: 'soc_water_sanitation',
    dimension: 'social',
    label: { en: 'Safe water and sanitation', nl: 'Veilig water en sanitair' },
    options: three(['Poor', 'Slecht'], ['Fair', 'Redelijk'], ['Good', 'Goed']),
  },
  {
    id: 'psy_support_network',
    dimension: 'psychosocial',
    label: { en: 'People to turn to for support', nl: 'Mensen om op terug te vallen' },
    options: three(['No one', 'Niemand'], ['A few', 'Enkelen'], ['Many', 'Velen']),
  },
  {
    id: 'psy_belonging',
    dimension: 'psychosocial',
    label: { en: 'Feels part of the community', nl: 'Voelt zich deel van de gemeenschap' },
    options: three(['Not at all', 'Helemaal niet'], ['Somewhat', 'Enigszins'], ['Fully', 'Volledig']),
  },
  {
    id: 'psy_discrimination',
    dimension: 'psychosocial',
    label: { en: 'Discrimination experienced', nl: 'Ervaren discriminatie' },
    options: three(['Often', 'Vaak'], ['Sometimes', 'Soms'], ['Never', 'Nooit']),
  },
  {
    id: 'psy_safety',
    dimension: 'psychosocial',
    label: { en: 'Feels safe', nl: 'Voelt zich veilig' },
    options: three(['Unsafe', 'Onveilig'], ['Partly safe', 'Deels veilig'], ['Safe', 'Veilig']),
  },
  {
    id: 'psy_distress',
    dimension: 'psychosocial',
    label: { en: 'Signs of psychological distress', nl: 'Tekenen van psychische nood' },
    options: three(['Often', 'Vaak'], ['Sometimes', 'Soms'], ['Rarely or never', 'Zelden of nooit']),
  },
];

/** The indicators by id. */
export const indicatorsById: ReadonlyMap<string, Indicator> = new Map(
  sustainabilityIndicators.map((indicator) => [indicator.id, indicator]),
);
