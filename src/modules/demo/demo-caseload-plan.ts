// The demo caseload as a plan: who the people are and, for each case, what happened to it and when.
// Generating the plan is pure and seeded, so every new demo database gets the same caseload; the
// seeder then replays each plan through the domain services. Times are days before the moment of
// seeding, so the caseload always looks current (recent cases, tasks due this week, some overdue).
import type { VulnerabilityCategory } from '../cases/schema.js';
import type { CounsellingOutcome, CounsellingTopic } from '../counselling/schema.js';
import { LANGUAGE_NAMES, notesAndTasksAfter, openTasks } from './demo-case-activity.js';
import { demoNationalities, nationalityWeights } from './demo-names.js';
import {
  type DocumentPlan,
  laissezPasser,
  type PersonPlan,
  passportNumber,
  planFamily,
  planPerson,
} from './demo-people.js';
import type { SeededRandom } from './seeded-random.js';

export type { DocumentPlan, PersonPlan } from './demo-people.js';

/** Who does a step: the case's counsellor, or a mission-wide colleague. */
export type StepActor = 'assignee' | 'movements' | 'reintegration' | 'vulnerable' | 'manager';

export type CaseAction =
  | { kind: 'transition'; transition: string; reason?: string }
  | { kind: 'document'; person: number; document: DocumentPlan }
  | { kind: 'note'; body: string }
  | {
      kind: 'counselling_session';
      topics: CounsellingTopic[];
      outcome: CounsellingOutcome;
      language: string;
      interpreter: boolean;
    }
  | {
      kind: 'task';
      key: string;
      title: string;
      dueInDays: number | null;
      blocksTravel: boolean;
      assignTo?: StepActor;
    }
  | { kind: 'complete_task'; key: string }
  /**
   * Work through the case's vulnerability procedures (guardians, fit to fly, safe accommodation...):
   * tick this share of the steps still open, in order; 1 finishes them all, as booking requires.
   */
  | { kind: 'procedure_steps'; share: number };

/** One thing done to the case, by whom, and how many days before seeding. */
export type TimedAction = CaseAction & { actor: StepActor; daysAgo: number };

export interface CasePlan {
  office: string;
  counsellor: string;
  referralSource: string;
  vulnerabilities: VulnerabilityCategory[];
  fundingProject?: string;
  people: PersonPlan[];
  /** Documents the people already held when they were registered, by person index. */
  heldDocuments: { person: number; document: DocumentPlan }[];
  registeredDaysAgo: number;
  actions: TimedAction[];
  /** The status the actions lead to. */
  finalStatus: string;
}

export interface PlanOptions {
  count: number;
  /** Counsellor keys by office name (offices where cases are registered). */
  counsellorsByOffice: Record<string, readonly string[]>;
  officeWeights: Record<string, number>;
}

const STATUS_WEIGHTS = {
  registered: 8,
  counselling: 12,
  application_submitted: 7,
  eligible: 5,
  ineligible: 4,
  travel_documents: 8,
  travel_booked: 7,
  departed: 3,
  arrived: 4,
  reintegration: 10,
  monitoring: 10,
  closed: 13,
  withdrawn: 5,
  on_hold: 4,
} as const;

const MAIN_LINE = [
  'start_counselling',
  'submit_application',
  'decide_eligible',
  'request_travel_documents',
  'book_travel',
  'mark_departed',
  'confirm_arrival',
  'start_reintegration',
  'start_monitoring',
  'close',
] as const;
const MAIN_STATUSES = [
  'registered',
  'counselling',
  'application_submitted',
  'eligible',
  'travel_documents',
  'travel_booked',
  'departed',
  'arrived',
  'reintegration',
  'monitoring',
  'closed',
];

/** Days between the previous step and this one: [min, max]. */
const STEP_GAPS: Record<string, [number, number]> = {
  start_counselling: [1, 10],
  submit_application: [3, 21],
  decide_eligible: [3, 14],
  decide_ineligible: [3, 14],
  request_travel_documents: [1, 7],
  book_travel: [10, 45],
  no_show_rebook: [0.2, 1],
  no_show_documents: [0.2, 1],
  mark_departed: [5, 21],
  confirm_arrival: [0.2, 1.2],
  start_reintegration: [3, 30],
  start_monitoring: [30, 120],
  close: [20, 150],
  withdraw: [2, 30],
  put_on_hold: [2, 30],
  resume: [7, 45],
};

const REFERRAL_WEIGHTS = {
  return_service: 35,
  reception_agency: 30,
  police: 8,
  shelter: 5,
  ngo: 12,
  self: 8,
  other: 2,
};

const FUNDING_PROJECTS = ['REAN 2025-2026', 'AMIF Return NL 2024-2027', 'EU Reintegration Facility'];

const INELIGIBLE_REASONS = [
  'Received assisted return support from this programme within the last five years.',
  'Holds a valid residence permit in another EU member state; referred to that country.',
  'Nationality of an EU/EEA member state: outside the scope of the programme.',
  'Has no right to return support: entered on a valid visa and was never an asylum seeker.',
];
const HOLD_REASONS = [
  'Client admitted to hospital; counselling resumes after discharge.',
  'Pending decision on a subsequent asylum application (IND).',
  'Client unreachable: phone switched off, left the reception location.',
  'Awaiting family tracing report from the country of origin.',
  'Embassy closed for national holidays; travel document request paused.',
];
const WITHDRAW_REASONS = [
  'Client decided to stay and lodge a new asylum application.',
  'Client left the reception centre with unknown destination (MOB).',
  'Client chose to travel independently without assistance.',
  'Client obtained a residence permit on family grounds.',
];

/** Builds the whole demo caseload plan from a seeded generator. */
export function planDemoCaseload(rng: SeededRandom, options: PlanOptions): CasePlan[] {
  const plans: CasePlan[] = [];
  for (let index = 0; index < options.count; index++) plans.push(planCase(rng, options, index));
  return plans;
}

function planCase(rng: SeededRandom, options: PlanOptions, index: number): CasePlan {
  const office = rng.weighted(options.officeWeights);
  const counsellor = rng.pick(options.counsellorsByOffice[office] ?? []);
  const vulnerabilities = pickVulnerabilities(rng);
  const minor = vulnerabilities.includes('unaccompanied_minor');
  const trafficked = vulnerabilities.includes('victim_of_trafficking');
  const country = rng.weighted(nationalityWeights);
  const people = minor
    ? [planPerson(rng, country, { sex: rng.chance(0.85) ? 'male' : 'female', minAge: 14, maxAge: 16 })]
    : !trafficked && rng.chance(0.15)
      ? planFamily(rng, country)
      : [
          planPerson(rng, country, {
            sex: trafficked || rng.chance(0.28) ? 'female' : 'male',
            minAge: 18,
            maxAge: 62,
          }),
        ];
  if (trafficked && people[0]!.sex === 'female' && rng.chance(0.1)) people[0]!.sex = 'male';
  const referralSource = trafficked
    ? rng.pick(['shelter', 'police', 'ngo'])
    : office.includes('detention')
      ? rng.pick(['return_service', 'return_service', 'police'])
      : rng.weighted(REFERRAL_WEIGHTS);

  // The first cases take each status in turn, so even a small demo covers the whole workflow.
  const statuses = Object.keys(STATUS_WEIGHTS) as (keyof typeof STATUS_WEIGHTS)[];
  const target: string = index < statuses.length ? statuses[index]! : rng.weighted(STATUS_WEIGHTS);
  const path = pathTo(rng, target);

  const heldDocuments = people.flatMap((person, personIndex) => {
    if (!rng.chance(person.age.years < 18 ? 0.35 : 0.5)) return [];
    const expired = rng.chance(0.12);
    const validUntil = expired ? rng.int(200, 1500) : -rng.int(120, 3000);
    const years = person.age.years < 18 ? 5 : 10;
    return [
      {
        person: personIndex,
        document: {
          kind: 'passport' as const,
          number: passportNumber(rng, person.nationality),
          issuingCountry: person.nationality,
          validFromDaysAgo: validUntil + years * 365,
          validUntilDaysAgo: validUntil,
        },
      },
    ];
  });
  const validPassport = new Set(
    heldDocuments.filter((held) => held.document.validUntilDaysAgo < 0).map((held) => held.person),
  );

  const steps = timeSteps(rng, path, target);
  const registeredDaysAgo = steps.registeredDaysAgo;
  const actions: TimedAction[] = [];
  const actorFor = (transition: string): StepActor => {
    const afterDeparture = ['confirm_arrival', 'start_reintegration', 'start_monitoring'].includes(
      transition,
    );
    if (transition === 'mark_departed') return trafficked ? 'vulnerable' : 'movements';
    if (
      afterDeparture ||
      (transition === 'close' && path.some((step) => step.transition === 'mark_departed'))
    )
      return trafficked ? 'vulnerable' : 'reintegration';
    return 'assignee';
  };
  const person0 = people[0]!;
  const language = LANGUAGE_NAMES[person0.languages[0] ?? ''] ?? person0.languages[0] ?? 'English';
  const isFamily = people.length > 1;
  const healthNeeds = vulnerabilities.includes('health_needs');
  const vulnerable = minor || trafficked || healthNeeds;

  for (const step of steps.timed) {
    const at = step.daysAgo;
    if (
      step.transition === 'book_travel' &&
      !actions.some((action) => action.kind === 'transition' && action.transition === 'book_travel')
    ) {
      // Travel documents for those without a valid passport arrive before the first booking.
      const issuedAt = at + Math.min(step.gap * 0.6, 20);
      people.forEach((person, personIndex) => {
        if (validPassport.has(personIndex)) return;
        actions.push({
          kind: 'document',
          person: personIndex,
          document: laissezPasser(rng, person, issuedAt),
          actor: 'assignee',
          daysAgo: issuedAt,
        });
      });
      if (vulnerable)
        actions.push({ kind: 'procedure_steps', share: 1, actor: 'vulnerable', daysAgo: at + 1 });
    }
    actions.push({
      kind: 'transition',
      transition: step.transition,
      reason: step.reason,
      actor: actorFor(step.transition),
      daysAgo: at,
    });
    actions.push(
      ...notesAndTasksAfter(rng, step.transition, at, {
        language,
        isFamily,
        healthNeeds,
        trafficked,
        person: person0,
      }),
    );
  }

  // Cases waiting for travel documents: half of them already hold the laissez-passer, and the
  // vulnerability procedures are part done: the case page then shows why booking waits.
  if (steps.finalStatus === 'travel_documents') {
    const lastAt = steps.timed[steps.timed.length - 1]?.daysAgo ?? registeredDaysAgo;
    if (rng.chance(0.5)) {
      const issuedAt = Math.max(0.5, lastAt * 0.5);
      people.forEach((person, personIndex) => {
        if (validPassport.has(personIndex)) return;
        actions.push({
          kind: 'document',
          person: personIndex,
          document: laissezPasser(rng, person, issuedAt),
          actor: 'assignee',
          daysAgo: issuedAt,
        });
      });
    }
    if (vulnerable)
      actions.push({
        kind: 'procedure_steps',
        share: 0.2 + rng.next() * 0.6,
        actor: 'vulnerable',
        daysAgo: Math.max(0.3, lastAt * 0.4),
      });
  } else if (vulnerable && ['counselling', 'application_submitted', 'eligible'].includes(steps.finalStatus)) {
    const lastAt = steps.timed[steps.timed.length - 1]?.daysAgo ?? registeredDaysAgo;
    actions.push({
      kind: 'procedure_steps',
      share: 0.3,
      actor: 'vulnerable',
      daysAgo: Math.max(0.3, lastAt * 0.5),
    });
  }
  actions.push(...openTasks(rng, steps.finalStatus, actions, { language, trafficked }));
  actions.sort((a, b) => b.daysAgo - a.daysAgo);

  return {
    office,
    counsellor,
    referralSource,
    vulnerabilities,
    fundingProject: rng.chance(0.8) ? rng.pick(FUNDING_PROJECTS) : undefined,
    people,
    heldDocuments,
    registeredDaysAgo,
    actions,
    finalStatus: steps.finalStatus,
  };
}

function pickVulnerabilities(rng: SeededRandom): VulnerabilityCategory[] {
  const roll = rng.next();
  if (roll < 0.035) return ['unaccompanied_minor'];
  if (roll < 0.075)
    return rng.chance(0.3) ? ['victim_of_trafficking', 'health_needs'] : ['victim_of_trafficking'];
  if (roll < 0.16) return ['health_needs'];
  if (roll < 0.18) return ['other'];
  return [];
}

/** The transitions that lead from registered to the target status (with detours on some cases). */
function pathTo(rng: SeededRandom, target: string): { transition: string; reason?: string }[] {
  const main = (upTo: number) => MAIN_LINE.slice(0, upTo).map((transition) => ({ transition }));
  let path: { transition: string; reason?: string }[];
  if (target === 'ineligible')
    path = [...main(2), { transition: 'decide_ineligible', reason: rng.pick(INELIGIBLE_REASONS) }];
  else if (target === 'closed') {
    const roll = rng.next();
    if (roll < 0.1)
      path = [
        ...main(2),
        { transition: 'decide_ineligible', reason: rng.pick(INELIGIBLE_REASONS) },
        { transition: 'close' },
      ];
    else if (roll < 0.3) path = [...main(7), { transition: 'close' }];
    else path = main(10);
  } else if (target === 'withdrawn') {
    path = [...main(rng.int(0, 5)), { transition: 'withdraw', reason: rng.pick(WITHDRAW_REASONS) }];
  } else if (target === 'on_hold') {
    const before = Number(rng.weighted({ 0: 2, 1: 4, 2: 2, 3: 2, 4: 3, 5: 1, 7: 1, 8: 1 }));
    path = [...main(before), { transition: 'put_on_hold', reason: rng.pick(HOLD_REASONS) }];
  } else path = main(MAIN_STATUSES.indexOf(target));

  // A no-show at the airport: rebooked on a later flight, or back to travel documents first.
  const booking = path.findIndex((step) => step.transition === 'book_travel');
  if (booking >= 0 && path.length > booking + 1 && rng.chance(0.08)) {
    const detour = rng.chance(0.5)
      ? [{ transition: 'no_show_rebook' }]
      : [{ transition: 'no_show_documents' }, { transition: 'book_travel' }];
    path.splice(booking + 1, 0, ...detour);
  }
  // A pause along the way: put on hold, then resumed where it stood.
  const last = path[path.length - 1]?.transition;
  if (path.length >= 3 && last !== 'put_on_hold' && rng.chance(0.08)) {
    const at = rng.int(1, Math.min(path.length - 1, 4));
    path.splice(
      at,
      0,
      { transition: 'put_on_hold', reason: rng.pick(HOLD_REASONS) },
      { transition: 'resume' },
    );
  }
  return path;
}

function timeSteps(rng: SeededRandom, path: { transition: string; reason?: string }[], target: string) {
  const gaps = path.map((step) => {
    const [min, max] = STEP_GAPS[step.transition] ?? [1, 10];
    return min + rng.next() * (max - min);
  });
  // Time since the last step: active cases moved recently, finished ones may be older.
  const sinceLast = target === 'closed' || target === 'withdrawn' ? rng.next() * 90 : 0.2 + rng.next() * 18;
  const total = gaps.reduce((sum, gap) => sum + gap, 0) + sinceLast;
  const registeredDaysAgo = total + (path.length === 0 ? rng.next() * 3 : 0);
  let daysAgo = registeredDaysAgo;
  const timed = path.map((step, index) => {
    daysAgo -= gaps[index]!;
    return { ...step, daysAgo, gap: gaps[index]! };
  });
  return { registeredDaysAgo, timed, finalStatus: target };
}

/** The demo nationalities, exported for tests that check the spread. */
export const demoCountries = demoNationalities.map((entry) => entry.country);
