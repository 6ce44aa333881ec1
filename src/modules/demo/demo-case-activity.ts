// What counsellors and colleagues write on a demo case: notes after each step, small tasks done
// along the way, and the tasks still open (some overdue). Pure functions of a seeded generator.
import type { CounsellingOutcome, CounsellingTopic } from '../counselling/schema.js';
import type { StepActor, TimedAction } from './demo-caseload-plan.js';
import type { PersonPlan } from './demo-people.js';
import type { SeededRandom } from './seeded-random.js';

/** English names of the languages of the demo nationalities, for note texts. */
export const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic',
  ckb: 'Sorani Kurdish',
  en: 'English',
  yo: 'Yoruba',
  ig: 'Igbo',
  ha: 'Hausa',
  ka: 'Georgian',
  ru: 'Russian',
  fr: 'French',
  uk: 'Ukrainian',
  prs: 'Dari',
  ps: 'Pashto',
  fa: 'Farsi',
  ti: 'Tigrinya',
  so: 'Somali',
  hy: 'Armenian',
  mn: 'Mongolian',
  tr: 'Turkish',
  kmr: 'Kurmanji',
  sq: 'Albanian',
  pt: 'Portuguese',
  es: 'Spanish',
  zh: 'Mandarin',
};

export interface NoteContext {
  language: string;
  isFamily: boolean;
  healthNeeds: boolean;
  trafficked: boolean;
  person: PersonPlan;
}

/** The notes and done tasks a counsellor typically writes after a step. */
export function notesAndTasksAfter(
  rng: SeededRandom,
  transition: string,
  at: number,
  context: NoteContext,
): TimedAction[] {
  const actions: TimedAction[] = [];
  const later = (days: number) => Math.max(0.05, at - days);
  const note = (body: string, days = 0.05, actor: StepActor = 'assignee') =>
    actions.push({ kind: 'note', body, actor, daysAgo: later(days) });
  // Victims of trafficking are seen only by the vulnerable-cases team after they leave the counsellor.
  const airport: StepActor = context.trafficked ? 'vulnerable' : 'movements';
  const abroad: StepActor = context.trafficked ? 'vulnerable' : 'reintegration';
  // Sessions are recorded as such (they count in the mission's reports); an interpreter joins
  // unless the person speaks English or Dutch.
  const language = context.person.languages[0] ?? 'en';
  const session = (daysAgo: number, topics: CounsellingTopic[], outcome: CounsellingOutcome) =>
    actions.push({
      kind: 'counselling_session',
      topics: context.healthNeeds ? [...topics, 'health'] : topics,
      outcome,
      language,
      interpreter: !['en', 'nl'].includes(language),
      actor: 'assignee',
      daysAgo: Math.max(0.05, daysAgo),
    });
  const who = context.isFamily ? 'The family' : context.person.sex === 'female' ? 'She' : 'He';
  switch (transition) {
    case 'start_counselling':
      session(
        at - 0.02,
        ['return_options', 'eligibility', 'reintegration_support'],
        rng.pick(['interested', 'undecided', 'follow_up_needed']),
      );
      // The session itself is recorded above; a note adds what the form does not hold, now and then.
      if (rng.chance(0.5))
        note(
          rng.pick([
            `First counselling session with a ${context.language} interpreter (by phone). ${who} asked about the return and reintegration support and will think it over.`,
            `Intake interview held in ${context.language}. Explained the programme, the conditions and the five-year rule. ${who} wants to return as soon as possible.`,
            `Counselling session at the location. ${who} is worried about the situation on return; discussed the reintegration options with a partner organisation in the country of origin.`,
          ]),
        );
      if (context.healthNeeds)
        note(
          'Client uses daily medication; asked for a medical report from the GP so we can check availability in the country of return.',
          2,
        );
      break;
    case 'submit_application':
      session(
        at + 1,
        ['travel_documents', 'travel_arrangements', 'reintegration_support'],
        'decided_to_return',
      );
      if (rng.chance(0.4))
        note(
          `Application form signed and submitted. Copy of ${context.isFamily ? 'the family members\u2019' : 'the'} identity documents added to the file.`,
        );
      break;
    case 'decide_eligible':
      if (rng.chance(0.5))
        note(
          'Eligible for return support and in-kind reintegration support. Client informed of the outcome by phone.',
          0.5,
        );
      break;
    case 'request_travel_documents':
      if (rng.chance(0.6))
        note(
          'Travel document request sent to the embassy; photos and application forms delivered by courier.',
          0.3,
        );
      break;
    case 'book_travel':
      if (rng.chance(0.5))
        note('Flight booked; the client was informed of the flight details in person and by SMS.', 0.2);
      break;
    case 'no_show_rebook':
    case 'no_show_documents':
      note(
        'Client did not show up at Schiphol for the flight. Reached by phone the next day: missed the train. New booking needed.',
        0.1,
      );
      break;
    case 'mark_departed':
      if (rng.chance(0.5))
        note('Departed as planned; assisted through departure control by the airport team.', 0, airport);
      break;
    case 'confirm_arrival':
      if (rng.chance(0.5))
        note('Arrival confirmed by the receiving office; client was met at the airport.', 0, abroad);
      break;
    case 'start_reintegration':
      if (rng.chance(0.7))
        note(
          'Reintegration plan agreed: small business (grocery shop). First in-kind purchases to be made through the partner organisation.',
          0.5,
          abroad,
        );
      break;
    case 'start_monitoring':
      if (rng.chance(0.6))
        note('First monitoring visit done: business is running, client reports feeling settled.', 1, abroad);
      break;
    case 'put_on_hold':
      if (rng.chance(0.5)) note('Case put on hold; will check again in two weeks.', 0.1);
      break;
    default:
      break;
  }
  if (['start_counselling', 'submit_application'].includes(transition) && rng.chance(0.2)) {
    const key = `done-${transition}`;
    const title =
      transition === 'start_counselling'
        ? 'Book interpreter for the next session'
        : 'Collect copies of identity documents';
    actions.push({
      kind: 'task',
      key,
      title,
      dueInDays: null,
      blocksTravel: false,
      actor: 'assignee',
      daysAgo: later(0.1),
    });
    actions.push({ kind: 'complete_task', key, actor: 'assignee', daysAgo: later(Math.min(3, at * 0.5)) });
  }
  return actions;
}

/** The tasks still open on a case, due from a fortnight ago (overdue) to a month ahead. */
export function openTasks(
  rng: SeededRandom,
  status: string,
  actions: TimedAction[],
  context: { language: string; trafficked: boolean },
): TimedAction[] {
  const lastAt = actions.reduce((min, action) => Math.min(min, action.daysAgo), Number.POSITIVE_INFINITY);
  const createdAt = Number.isFinite(lastAt) ? Math.max(0.02, lastAt * 0.8) : 0.5;
  const titles: Record<string, { title: string; assignTo?: StepActor }[]> = {
    registered: [
      { title: `Plan first counselling session (${context.language} interpreter)` },
      { title: 'Call the client to confirm the appointment' },
    ],
    counselling: [
      { title: 'Second counselling session' },
      { title: 'Check earlier assisted departures (five-year rule)' },
    ],
    application_submitted: [
      { title: 'Complete the eligibility check' },
      { title: 'Ask the reception agency for the residence history' },
    ],
    eligible: [
      { title: 'Send the travel document request to the embassy' },
      { title: 'Collect passport photos' },
    ],
    travel_documents: [
      { title: 'Chase the embassy about the laissez-passer' },
      { title: 'Confirm the preferred travel date with the client' },
    ],
    travel_booked: [
      { title: 'Send the flight details by SMS' },
      { title: 'Arrange wheelchair assistance at Schiphol', assignTo: 'movements' },
      { title: 'Pay the cash part of the reintegration grant at the airport', assignTo: 'movements' },
    ],
    departed: [{ title: 'Ask the receiving office to confirm arrival', assignTo: 'reintegration' }],
    arrived: [{ title: 'Schedule the reintegration counselling', assignTo: 'reintegration' }],
    reintegration: [{ title: 'Approve the business plan and first purchases', assignTo: 'reintegration' }],
    monitoring: [{ title: 'Monitoring visit and sustainability survey', assignTo: 'reintegration' }],
    on_hold: [{ title: 'Check whether the case can resume' }],
  };
  const options = titles[status];
  if (!options || !rng.chance(0.7)) return [];
  const count = rng.chance(0.3) ? 2 : 1;
  const result: TimedAction[] = [];
  for (let i = 0; i < count && i < options.length; i++) {
    const option = options[(rng.int(0, options.length - 1) + i) % options.length]!;
    if (result.some((action) => action.kind === 'task' && action.title === option.title)) continue;
    const created = Math.floor(createdAt);
    // Due dates from two weeks overdue to a month ahead, never before the task was made.
    const due = Math.max(-created + 1, rng.int(-14, 30));
    result.push({
      kind: 'task',
      key: `open-${i}`,
      title: option.title,
      dueInDays: due,
      blocksTravel: false,
      // Tasks on a trafficking case stay with its counsellor, out of colleagues' task lists.
      assignTo: context.trafficked ? undefined : option.assignTo,
      actor: 'assignee',
      daysAgo: createdAt,
    });
  }
  return result;
}
