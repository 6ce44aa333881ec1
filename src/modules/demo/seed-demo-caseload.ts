import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { type ServiceContext, withSystemTransaction } from '../../platform/db/transaction.js';
import { localDate, missionToday } from '../../platform/time/mission-calendar.js';
import { addNote } from '../cases/add-note.js';
import { addTask } from '../cases/add-task.js';
import { createCase } from '../cases/create-case.js';
import { type CaseRow, loadCaseForEvent } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { loadTaskForUpdate, updateTask } from '../cases/update-task.js';
import { ZCreateCounsellingSession } from '../counselling/counselling-schemas.js';
import { recordCounsellingSession } from '../counselling/record-counselling-session.js';
import { decideEligibilityForStep } from '../eligibility/decide-eligibility-for-step.js';
import { loadActor } from '../organisation/load-actor.js';
import { addIdentityDocument } from '../persons/add-identity-document.js';
import { createPerson } from '../persons/create-person.js';
import { ZAddIdentityDocument, ZCreatePerson } from '../persons/person-schemas.js';
import { listCaseSteps } from '../vulnerability/step-records.js';
import { loadStepForUpdate, updateVulnerabilityStep } from '../vulnerability/update-vulnerability-step.js';
import {
  type CasePlan,
  type DocumentPlan,
  type PersonPlan,
  planDemoCaseload,
  type StepActor,
} from './demo-caseload-plan.js';
import type { DemoUserRef } from './demo-organisation.js';
import {
  bookDemoFlight,
  cancelDemoBooking,
  handOverDemoCase,
  rebookDemoFlight,
  recordDemoBoard,
} from './demo-travel.js';
import { seededRandom } from './seeded-random.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// What the counsellor records in the application interview of every demo case.
const DECLARATIONS = {
  canPayOwnDeparture: false,
  intendsToLeavePermanently: true,
  agreesToEndProcedure: true,
  governmentObjection: false,
  dublinClaimant: false,
  travelDocumentObtainable: true,
};
/** The seed of the demo caseload: change it and every new demo database gets a different caseload. */
export const DEMO_CASELOAD_SEED = 20_231_101;
// One transaction per batch: fast on PGlite (one connection, fsync off) and short enough to keep
// the log moving; a failure leaves whole batches, never half a case.
const BATCH_SIZE = 20;

// Where cases are registered, and how the caseload is shared between the offices.
const OFFICE_WEIGHTS: Record<string, number> = {
  'The Hague office': 30,
  'Ter Apel reception centre': 30,
  'Budel reception centre': 22,
  'Rotterdam detention centre': 18,
};

/** Creates the demo caseload through the domain services, as counsellors and their colleagues would. */
export async function seedDemoCaseload(
  database: Database,
  options: {
    users: DemoUserRef[];
    offices: { id: string; name: string }[];
    count: number;
    now?: Date;
    log: (line: string) => void;
  },
): Promise<{ cases: number; persons: number; milliseconds: number }> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const db = database.db;
  const actors = new Map<string, Actor>();
  for (const user of options.users) {
    const actor = await loadActor(db, user.id);
    if (actor) actors.set(user.key, actor);
  }
  const counsellorsByOffice: Record<string, string[]> = {};
  for (const user of options.users) {
    if (user.role !== 'counsellor') continue;
    const office = options.offices.find((candidate) => candidate.id === user.officeId);
    if (!office || !(office.name in OFFICE_WEIGHTS)) continue;
    counsellorsByOffice[office.name] = [...(counsellorsByOffice[office.name] ?? []), user.key];
  }
  const plans = planDemoCaseload(seededRandom(DEMO_CASELOAD_SEED), {
    count: options.count,
    counsellorsByOffice,
    officeWeights: OFFICE_WEIGHTS,
  });
  const officeIds = new Map(options.offices.map((office) => [office.name, office.id]));
  const role = (key: string) => {
    const actor = actors.get(key);
    if (!actor) throw new Error(`Demo user ${key} is missing`);
    return actor;
  };
  const colleagues: Record<Exclude<StepActor, 'assignee'>, Actor> = {
    movements: role('movements'),
    reintegration: role('reintegration'),
    vulnerable: role('vulnerable'),
    manager: role('manager'),
  };

  let persons = 0;
  const flights = { next: 0, future: 0 };
  for (let start = 0; start < plans.length; start += BATCH_SIZE) {
    const batch = plans.slice(start, start + BATCH_SIZE);
    await withSystemTransaction(db, colleagues.manager, async (base) => {
      for (const plan of batch) {
        const counsellor = role(plan.counsellor);
        const officeId = officeIds.get(plan.office);
        if (!officeId) throw new Error(`Demo office ${plan.office} is missing`);
        persons += await replayCase(base, plan, {
          now,
          officeId,
          actorOf: (who) => (who === 'assignee' ? counsellor : colleagues[who]),
          flights,
        });
      }
    });
    const done = Math.min(start + BATCH_SIZE, plans.length);
    if (done % 60 === 0 || done === plans.length) options.log(`Demo caseload: ${done}/${plans.length} cases`);
  }
  return { cases: plans.length, persons, milliseconds: Math.round(performance.now() - started) };
}

/** Replays one planned case through the services, in the batch's transaction; returns the persons made. */
async function replayCase(base: ServiceContext, plan: CasePlan, env: ReplayEnv): Promise<number> {
  const at = (daysAgo: number, who: StepActor): ServiceContext => ({
    ...base,
    actor: env.actorOf(who),
    now: new Date(env.now.getTime() - daysAgo * DAY_MS),
  });
  const registration = at(plan.registeredDaysAgo, 'assignee');
  const personIds: string[] = [];
  for (const person of plan.people) {
    const row = await createPerson(registration, ZCreatePerson.parse(personInput(person, env.now)));
    personIds.push(row.id);
  }
  for (const held of plan.heldDocuments) {
    await addIdentityDocument(registration, personIds[held.person]!, documentInput(held.document, env.now));
  }
  let kase: CaseRow = await createCase(registration, {
    programme: 'avrr',
    personIds,
    officeId: env.officeId,
    assigneeId: registration.actor.id,
    referralSource: plan.referralSource,
    vulnerabilities: plan.vulnerabilities,
    fundingProject: plan.fundingProject,
  });
  const tasks = new Map<string, string>();
  for (const [index, action] of plan.actions.entries()) {
    const ctx = at(action.daysAgo, action.actor);
    switch (action.kind) {
      case 'transition':
        if (MOVEMENT_STEPS.includes(action.transition)) {
          // Travel goes through the movements services: the case follows its bookings.
          kase = await replayTravel(ctx, kase, action.transition, {
            day: ['book_travel', 'no_show_rebook'].includes(action.transition)
              ? flightDay(plan, index, env)
              : '',
            seed: env.flights.next++,
            reason: action.reason,
          });
          break;
        }
        if (action.transition === 'decide_eligible' || action.transition === 'decide_ineligible') {
          // The decision steps follow a recorded eligibility decision: record it as the counsellor would.
          const eligible = action.transition === 'decide_eligible';
          await decideEligibilityForStep(ctx, kase, {
            eligible,
            declarations: DECLARATIONS,
            justification: eligible
              ? 'Counselling interview: the applicant meets the programme conditions; declarations checked.'
              : (action.reason ?? 'Does not meet the programme conditions.'),
          });
        }
        kase = await transitionCase(ctx, kase.id, { transition: action.transition, reason: action.reason });
        break;
      case 'document':
        await addIdentityDocument(ctx, personIds[action.person]!, documentInput(action.document, env.now));
        break;
      case 'counselling_session':
        await recordCounsellingSession(
          ctx,
          kase,
          ZCreateCounsellingSession.parse({
            heldOn: missionToday(ctx.actor, ctx.now),
            language: action.language,
            interpreterUsed: action.interpreter,
            interpreterLanguage: action.interpreter ? action.language : undefined,
            topics: action.topics,
            outcome: action.outcome,
          }),
        );
        break;
      case 'note':
        await addNote(ctx, kase, { body: action.body });
        break;
      case 'task': {
        const task = await addTask(ctx, kase, {
          title: action.title,
          dueDate:
            action.dueInDays === null ? undefined : isoDate(env.now.getTime() + action.dueInDays * DAY_MS),
          assigneeId: action.assignTo ? env.actorOf(action.assignTo).id : undefined,
          blocksTravel: action.blocksTravel,
        });
        tasks.set(action.key, task.id);
        break;
      }
      case 'complete_task': {
        const taskId = tasks.get(action.key);
        if (!taskId) break;
        const task = await loadTaskForUpdate(ctx.tx, ctx.actor, taskId);
        await updateTask(ctx, kase, task, { done: true });
        break;
      }
      case 'procedure_steps': {
        const open = (await listCaseSteps(ctx.tx, kase.missionId, kase.id)).filter(
          (step) => step.status === 'open',
        );
        const count = Math.ceil(open.length * action.share);
        for (const step of open.slice(0, count)) {
          const locked = await loadStepForUpdate(ctx.tx, ctx.actor, step.id);
          await updateVulnerabilityStep(ctx, kase, locked, {
            done: true,
            details: stepDetails(step.code, ctx.now),
          });
        }
        break;
      }
    }
  }
  if (kase.status !== plan.finalStatus) {
    throw new Error(`Demo case ${kase.reference} ended in ${kase.status}, planned ${plan.finalStatus}`);
  }
  return personIds.length;
}

interface ReplayEnv {
  now: Date;
  officeId: string;
  actorOf: (who: StepActor) => Actor;
  /** Counts the flights booked, so that future flights spread over today, tomorrow and the days after. */
  flights: { next: number; future: number };
}

const MOVEMENT_STEPS = [
  'book_travel',
  'mark_departed',
  'no_show_rebook',
  'no_show_documents',
  'confirm_arrival',
  'withdraw',
];
const BOARD_STEPS = ['mark_departed', 'no_show_rebook', 'no_show_documents'];

/**
 * The local day of the flight booked at `index`: the day of the next board step (departure or
 * no-show), or, when the case is still waiting to fly, today, tomorrow or a day after.
 */
function flightDay(plan: CasePlan, index: number, env: ReplayEnv): string {
  const next = plan.actions
    .slice(index + 1)
    .find((action) => action.kind === 'transition' && BOARD_STEPS.includes(action.transition));
  // Flights still to come go to today, tomorrow and the day after in turn, so each board has some.
  const at = next
    ? env.now.getTime() - next.daysAgo * DAY_MS
    : env.now.getTime() + (env.flights.future++ % 3) * DAY_MS;
  return localDate(new Date(at), 'Europe/Amsterdam');
}

/** One travel step of a demo case, through the movements services; returns the case as it is after it. */
async function replayTravel(
  ctx: ServiceContext,
  kase: CaseRow,
  transition: string,
  flight: { day: string; seed: number; reason?: string },
): Promise<CaseRow> {
  switch (transition) {
    case 'book_travel':
      await bookDemoFlight(ctx, kase, flight.day, flight.seed);
      break;
    case 'mark_departed':
      await recordDemoBoard(ctx, kase, 'departed');
      break;
    case 'no_show_rebook':
      await recordDemoBoard(ctx, kase, 'no_show', 'rebook');
      await rebookDemoFlight(ctx, kase, flight.day, flight.seed);
      break;
    case 'no_show_documents':
      await recordDemoBoard(ctx, kase, 'no_show', 'travel_documents');
      break;
    case 'confirm_arrival':
      await handOverDemoCase(ctx, kase);
      break;
    case 'withdraw': {
      // A booked case withdrawing: the booking is cancelled first (the case goes back to travel documents).
      if (kase.status === 'travel_booked') await cancelDemoBooking(ctx, kase, 'The client withdrew');
      const current = await loadCaseForEvent(ctx.tx, kase.missionId, kase.id);
      return transitionCase(ctx, current.id, { transition: 'withdraw', reason: flight.reason });
    }
  }
  return loadCaseForEvent(ctx.tx, kase.missionId, kase.id);
}

function personInput(person: PersonPlan, now: Date) {
  const born = new Date(now.getTime() - person.age.days * DAY_MS);
  born.setUTCFullYear(born.getUTCFullYear() - person.age.years);
  const exact = isoDate(born.getTime());
  const dateOfBirth =
    person.dateOfBirthPrecision === 'exact'
      ? exact
      : person.dateOfBirthPrecision === 'month'
        ? `${exact.slice(0, 7)}-01`
        : `${exact.slice(0, 4)}-01-01`;
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    givenNameNative: person.givenNameNative,
    familyNameNative: person.familyNameNative,
    aliases: person.aliases,
    sex: person.sex,
    dateOfBirth,
    dateOfBirthPrecision: person.dateOfBirthPrecision,
    nationalities: [person.nationality],
    languages: person.languages,
    preferredLanguage: person.languages[0],
    phone: person.phone,
  };
}

function documentInput(document: DocumentPlan, now: Date) {
  return ZAddIdentityDocument.parse({
    kind: document.kind,
    number: document.number,
    issuingCountry: document.issuingCountry,
    validFrom: isoDate(now.getTime() - document.validFromDaysAgo * DAY_MS),
    validUntil: isoDate(now.getTime() - document.validUntilDaysAgo * DAY_MS),
  });
}

/** What a vulnerable-cases officer records to complete a procedure step. */
function stepDetails(code: string, now: Date): Record<string, unknown> {
  const date = isoDate(now.getTime());
  switch (code) {
    case 'fit_to_fly':
      return { result: 'fit_with_conditions', date, notes: 'Fit to fly with medication in hand luggage.' };
    case 'escort_type':
      return { escortType: 'none' };
    case 'medical_budget':
      return { amount: '1200.00', currency: 'EUR' };
    case 'treatment_availability_checked':
      return { date, treatmentAvailable: true, medicationAvailable: true };
    case 'referral_source_recorded':
      return { source: 'Shelter for victims of trafficking, referred through the national coordinator' };
    case 'guardian_confirmed_host':
    case 'guardian_confirmed_return':
      return { date, guardianName: code === 'guardian_confirmed_host' ? 'Nidos guardian' : 'Paternal uncle' };
    default:
      return { date };
  }
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
