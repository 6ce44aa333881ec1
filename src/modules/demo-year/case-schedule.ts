import type { Actor } from '../../platform/auth/actor.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { instantOf } from './demo-year-clock.js';

type Step = { at: number; seq: number; actor: Actor; run: (ctx: ServiceContext) => Promise<unknown> };

// Office hours start at nine; steps of the same moment follow each other a few minutes apart.
const OFFICE_OPENS = 9 * 60;
const STEP_MS = 4 * 60_000;

/**
 * The steps of one case, each with the day (or instant) it happens and who takes it, run in time
 * order with `ctx.now` set to that moment, so timelines, audit entries and records carry the
 * simulated dates. Steps of the same moment run in the order they were added.
 */
export class CaseSchedule {
  private readonly steps: Step[] = [];

  constructor(
    private readonly base: ServiceContext,
    private readonly year: number,
  ) {}

  /** A step on day `day` (0 = 1 January), from nine in the morning. */
  on(day: number, actor: Actor, run: Step['run']): void {
    this.onAt(instantOf(this.year, day, OFFICE_OPENS).getTime(), actor, run);
  }

  /** A step at an instant (epoch milliseconds). */
  onAt(at: number, actor: Actor, run: Step['run']): void {
    this.steps.push({ at, seq: this.steps.length, actor, run });
  }

  /** Runs the steps in time order. */
  async run(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at - b.at || a.seq - b.seq);
    let previous = 0;
    for (const step of ordered) {
      const at = Math.max(step.at, previous + STEP_MS);
      previous = at;
      await step.run({ ...this.base, actor: step.actor, now: new Date(at) });
    }
  }
}

/** What a vulnerable-cases officer records to complete a procedure step. */
export function stepDetails(code: string, now: Date): Record<string, unknown> {
  const date = now.toISOString().slice(0, 10);
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
      return { source: 'Shelter for victims of trafficking' };
    case 'guardian_confirmed_host':
    case 'guardian_confirmed_return':
      return { date, guardianName: code === 'guardian_confirmed_host' ? 'Nidos guardian' : 'Maternal aunt' };
    default:
      return { date };
  }
}
