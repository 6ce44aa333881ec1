import type { Database } from '../../platform/db/database.js';
import { type ServiceContext, withSystemTransaction } from '../../platform/db/transaction.js';
import { seededRandom } from '../demo/seeded-random.js';
import { createDemoYearMission, type DemoYearMission } from './create-demo-year-mission.js';
import { type DemoYearTally, emptyTally } from './demo-year-tally.js';
import { DEMO_YEAR_SEED, type DemoYearPlan, planDemoYear } from './plan-demo-year.js';
import { replayDemoCase } from './replay-demo-case.js';
import { replayDemoMovement, replayDemoOutreach } from './replay-demo-movement.js';

// Several cases per transaction: far fewer commits (and on PGlite, lock hand-overs) than one per
// case, while a failure still leaves whole batches and never half a case.
const CASES_PER_TRANSACTION = 40;
const MOVEMENTS_PER_TRANSACTION = 100;
const OUTREACH_PER_TRANSACTION = 200;

export interface RunDemoYearOptions {
  year: number;
  scale: number;
  missionCode: string;
  seed?: number;
  /** Progress lines (every 5% of the work) and the summary. */
  log?: (line: string) => void;
}

export interface DemoYearResult {
  plan: DemoYearPlan;
  mission: DemoYearMission;
  tally: DemoYearTally;
  milliseconds: {
    plan: number;
    setup: number;
    cases: number;
    movements: number;
    outreach: number;
    total: number;
  };
}

/**
 * Creates a new mission and a year of its operations through the domain services: referrals and
 * registrations, counselling, eligibility decisions, travel documents, vulnerability procedures,
 * bookings and departures, grants and their ledger, monitoring, airport transits and arrivals, and
 * outreach. Every record carries the simulated date of its step.
 */
export async function runDemoYear(database: Database, options: RunDemoYearOptions): Promise<DemoYearResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEMO_YEAR_SEED;
  const started = performance.now();
  const plan = planDemoYear({ year: options.year, scale: options.scale, seed });
  const planned = performance.now();
  const mission = await createDemoYearMission(database, plan, options.missionCode);
  const setUp = performance.now();
  const tally = emptyTally();
  const total = plan.cases.length + plan.movements.length + plan.outreach.length;
  let done = 0;
  let reported = 0;
  const progress = (count: number) => {
    done += count;
    const percent = Math.floor((done / total) * 20) * 5;
    if (percent > reported || done === total) {
      reported = percent;
      log(
        `Demo year ${plan.year}: ${percent}% (${done}/${total} cases, movements and activities) after ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  };
  const inBatches = async <T>(
    items: readonly T[],
    size: number,
    replay: (ctx: ServiceContext, item: T, index: number) => Promise<void>,
  ) => {
    for (let start = 0; start < items.length; start += size) {
      const batch = items.slice(start, start + size);
      await withSystemTransaction(database.db, mission.staff.manager, async (ctx) => {
        for (const [offset, item] of batch.entries()) {
          try {
            await replay(ctx, item, start + offset);
          } catch (error) {
            throw new Error(`Demo year: item ${start + offset} failed: ${(error as Error).message}`, {
              cause: error,
            });
          }
        }
      });
      progress(batch.length);
    }
  };
  const rngOf = (phase: number, index: number) =>
    seededRandom((seed + phase * 1_000_003 + index * 7_919) >>> 0);
  let casesDone = 0;
  let movementsDone = 0;
  const cases = async () => {
    await inBatches(plan.cases, CASES_PER_TRANSACTION, (ctx, item, index) =>
      replayDemoCase(ctx, item, { year: plan.year, mission, tally, rng: rngOf(1, index) }),
    );
    casesDone = performance.now();
  };
  const movements = async () => {
    await inBatches(plan.movements, MOVEMENTS_PER_TRANSACTION, (ctx, item, index) =>
      replayDemoMovement(ctx, item, { year: plan.year, mission, tally, rng: rngOf(2, index) }),
    );
    movementsDone = performance.now();
  };
  // One after the other, also on a server: a referral checks for people registered before, and
  // must not find a passenger registered meanwhile (running them side by side gained nothing on 2 cores).
  await cases();
  await movements();
  const outreachStarted = performance.now();
  await inBatches(plan.outreach, OUTREACH_PER_TRANSACTION, (ctx, item) =>
    replayDemoOutreach(ctx, item, { year: plan.year, mission, tally }),
  );
  const finished = performance.now();
  const ms = (from: number, to: number) => Math.round(to - from);
  return {
    plan,
    mission,
    tally,
    milliseconds: {
      plan: ms(started, planned),
      setup: ms(planned, setUp),
      cases: ms(setUp, casesDone),
      movements: ms(casesDone, movementsDone),
      outreach: ms(outreachStarted, finished),
      total: ms(started, finished),
    },
  };
}
