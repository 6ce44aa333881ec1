// When each step of a demo case happens, as days of the year (0 = 1 January). Every step falls
// inside the year: a case that leaves early in January was registered in its first days.
import type { SeededRandom } from '../demo/seeded-random.js';
import type { CaseDays, CaseOutcome } from './plan-demo-year.js';

/** The days of a case that departs in the year. */
export function planCaseDays(
  rng: SeededRandom,
  daysInYear: number,
  options: { latestDeparture?: number; earliestDeparture?: number } = {},
): CaseDays {
  const last = daysInYear - 1;
  const departed = rng.int(
    options.earliestDeparture ?? 8,
    Math.min(options.latestDeparture ?? last - 2, last - 2),
  );
  const registered = Math.max(1, departed - rng.int(20, 75));
  const span = departed - registered;
  const submitted = registered + Math.max(1, Math.round(span * 0.25));
  const documentsIssued = Math.max(submitted + 1, registered + Math.round(span * 0.6));
  const booked = Math.min(departed - 1, Math.max(documentsIssued, departed - rng.int(2, 7)));
  const arrived = Math.min(departed + 1, last);
  const within = (day: number) => (day <= last ? day : null);
  return {
    registered,
    submitted,
    documentsIssued,
    booked,
    departed,
    arrived,
    reintegration: within(departed + rng.int(7, 30)),
    inKindPaid: within(departed + rng.int(20, 90)),
    monitored: null,
    closed: within(arrived + rng.int(3, 20)),
    stopped: departed,
  };
}

/** The days of a case that is withdrawn, decided ineligible, or still open at the end of the year. */
export function planOpenCaseDays(rng: SeededRandom, daysInYear: number, outcome: CaseOutcome): CaseDays {
  const last = daysInYear - 1;
  const registered = outcome === 'open' ? rng.int(last - 90, last - 6) : rng.int(1, last - 20);
  const submitted = Math.min(last, registered + rng.int(2, 12));
  const stopped =
    outcome === 'withdrawn'
      ? Math.min(last, registered + rng.int(3, 40))
      : Math.min(last, submitted + rng.int(1, 10));
  return {
    registered,
    submitted,
    documentsIssued: stopped,
    booked: stopped,
    departed: stopped,
    arrived: stopped,
    reintegration: null,
    inKindPaid: null,
    monitored: null,
    closed: outcome === 'ineligible' ? stopped : null,
    stopped,
  };
}
