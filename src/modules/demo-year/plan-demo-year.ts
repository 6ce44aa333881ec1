// A year of a return mission's operations, planned as data from a seeded generator: every case
// with its people, dates and outcome, the outreach activities and the airport movements. Pure:
// the same seed and scale always give the same plan; run-demo-year.ts replays it through the services.

import { type SeededRandom, seededRandom } from '../demo/seeded-random.js';
import { REINCLUDED_2023_07 } from '../eligibility/default-policy.js';
import { type DemoYearTargets, REPORT_LISTS, scaleTargets } from './demo-year-targets.js';
import { returnCountries, returnCountry, teamLanguages, thirdCountryMovers } from './demo-year-world.js';
import { planCaseDays, planOpenCaseDays } from './plan-demo-days.js';
import { type DemoPerson, PeopleFactory } from './plan-demo-people.js';

export type CaseOutcome = 'departed' | 'withdrawn' | 'ineligible' | 'open';
export type CaseKind = 'regular' | 'victim' | 'minor' | 'health' | 'third_country' | 'overland';

/** A counselling session: the day, who held it, and in which language (with or without an interpreter). */
export interface SessionPlan {
  day: number;
  counsellor: number;
  language: string;
  interpreter: boolean;
}

/** The days (0 = 1 January) on which a case's steps happen; later steps only for cases that get there. */
export interface CaseDays {
  registered: number;
  submitted: number;
  documentsIssued: number;
  booked: number;
  departed: number;
  arrived: number;
  reintegration: number | null;
  inKindPaid: number | null;
  monitored: number | null;
  closed: number | null;
  /** For cases that stop: the day they were withdrawn, decided ineligible or (open) last touched. */
  stopped: number;
}

export interface CasePlan {
  index: number;
  kind: CaseKind;
  outcome: CaseOutcome;
  persons: DemoPerson[];
  /** The country the case returns to (for third-country cases, the country of the residence permit). */
  destination: string;
  vulnerabilities: ('unaccompanied_minor' | 'health_needs' | 'victim_of_trafficking')[];
  counsellor: number;
  referral: 'return_service' | 'reception_agency' | null;
  referralSource: string;
  days: CaseDays;
  /** Minutes after midnight (Amsterdam) of the flight's departure. */
  departureMinute: number;
  sessions: SessionPlan[];
  economicGrant: boolean;
  medicalGrant: boolean;
  /** Index into the partner NGO list, or null. */
  partnerGrant: number | null;
  reintegrationPlan: boolean;
  /** For open cases: how far they got by the end of the year. */
  openAt: 'counselling' | 'application_submitted' | 'travel_documents';
}

/** A group of passengers through the airport without a case of the mission. */
export interface MovementPlan {
  kind: 'transit' | 'arrival';
  day: number;
  programme: 'transit' | 'resettlement' | 'family_reunification';
  persons: DemoPerson[];
  origin: string;
  /** The final destination (transits only). */
  destination: string | null;
  departureMinute: number;
}

export interface OutreachPlan {
  kind: 'information_session' | 'network_meeting';
  day: number;
  office: number;
  participants: number;
}

export interface DemoYearPlan {
  year: number;
  scale: number;
  targets: DemoYearTargets;
  destinations: string[];
  counsellors: { office: number; languages: string[] }[];
  languages: string[];
  partnerNgos: string[];
  cases: CasePlan[];
  movements: MovementPlan[];
  outreach: OutreachPlan[];
}

/** The seed of the demo year: the same seed and scale give the same year. */
export const DEMO_YEAR_SEED = 20_230_101;
/** The offices in the host country where counsellors work. */
export const COUNSELLING_OFFICES = 4;
const UAM_ORIGINS = ['AF', 'ER', 'MA', 'SO', 'DZ', 'GE', 'AL', 'IQ'];
const OVERLAND = ['AL', 'RS', 'MK', 'BA', 'ME', 'GE', 'AM'];
const FAMILY_SIZES = { 1: 80, 2: 5, 3: 6, 4: 6, 5: 3 } as const;
// Cases that do not leave in the year, per case that does: withdrawn, decided ineligible, or still open.
const NOT_DEPARTING_SHARE = 0.12;
// Nationals re-included for reintegration only from July 2023 are not entitled before (about half
// of theirs): plan that many more cases, and a margin, so every economic grant finds an entitled case.
const GRANT_MARGIN = 1.08;

/** Plans a year of operations at `scale` (1: the figures of the annual report). */
export function planDemoYear(options: { year: number; scale: number; seed?: number }): DemoYearPlan {
  const { year, scale } = options;
  const rng = seededRandom(options.seed ?? DEMO_YEAR_SEED);
  const targets = scaleTargets(scale);
  const people = new PeopleFactory(rng, year);
  const daysInYear = isLeap(year) ? 366 : 365;

  const victimCountries = REPORT_LISTS.victimsOfTraffickingCountries.slice(
    0,
    targets.victimsOfTraffickingCountries,
  );
  const monitoringCountries = REPORT_LISTS.monitoringCountries.slice(0, targets.monitoringCountries);
  const required = [...new Set([...victimCountries, ...monitoringCountries])];
  const byWeight = [...returnCountries].sort((a, b) => b.weight - a.weight).map((c) => c.code);
  const destinations = [...new Set([...required, ...byWeight])].slice(0, targets.destinationCountries);
  if (!required.every((code) => destinations.includes(code))) {
    throw new Error(`Scale ${scale}: too few destination countries for the named ones`);
  }
  const weightOf = Object.fromEntries(destinations.map((code) => [code, returnCountry(code).weight]));
  const pickDestination = (among: readonly string[] = destinations) => {
    const usable = among.filter((code) => destinations.includes(code));
    const list = usable.length > 0 ? usable : destinations;
    return rng.weighted(Object.fromEntries(list.map((code) => [code, weightOf[code]!])));
  };

  const cases: CasePlan[] = [];
  const add = (
    plan: Omit<CasePlan, 'index' | 'counsellor' | 'sessions' | 'days' | 'departureMinute'> & {
      days?: CaseDays;
    },
  ) => {
    cases.push({
      ...plan,
      index: cases.length,
      counsellor: 0,
      sessions: [],
      days: plan.days ?? planCaseDays(rng, daysInYear),
      departureMinute: rng.int(7 * 60, 21 * 60),
    });
  };
  const base = {
    outcome: 'departed' as const,
    referral: null,
    economicGrant: false,
    medicalGrant: false,
    partnerGrant: null,
    reintegrationPlan: false,
    openAt: 'counselling' as const,
  };
  for (let i = 0; i < targets.victimsOfTrafficking; i++) {
    const country = victimCountries[i % victimCountries.length]!;
    add({
      ...base,
      kind: 'victim',
      persons: [people.person(country, { sex: rng.chance(0.8) ? 'female' : 'male', minAge: 19, maxAge: 40 })],
      destination: country,
      vulnerabilities: ['victim_of_trafficking'],
      referralSource: rng.chance(0.7) ? 'shelter' : 'police',
    });
  }
  for (let i = 0; i < targets.unaccompaniedMinors; i++) {
    const country = pickDestination(UAM_ORIGINS);
    add({
      ...base,
      kind: 'minor',
      persons: [people.person(country, { minAge: 14, maxAge: 16 })],
      destination: country,
      vulnerabilities: ['unaccompanied_minor'],
      referralSource: 'reception_agency',
    });
  }
  for (let i = 0; i < targets.healthNeeds; i++) {
    const country = pickDestination();
    add({
      ...base,
      kind: 'health',
      persons: [people.person(country, { minAge: 22, maxAge: 75 })],
      destination: country,
      vulnerabilities: ['health_needs'],
      referralSource: rng.pick(['reception_agency', 'return_service', 'ngo']),
    });
  }
  for (let i = 0; i < targets.thirdCountryWithPermit; i++) {
    const destination = pickDestination();
    const person = people.person(thirdCountryMovers.nationality, { minAge: 22, maxAge: 55 });
    person.residencePermit = destination;
    add({
      ...base,
      kind: 'third_country',
      persons: [person],
      destination,
      vulnerabilities: [],
      referralSource: 'self',
    });
  }
  for (let i = 0; i < targets.departed - targets.airportDepartures; i++) {
    const country = pickDestination(OVERLAND);
    add({
      ...base,
      kind: 'overland',
      persons: [people.person(country, { minAge: 22, maxAge: 60 })],
      destination: country,
      vulnerabilities: [],
      referralSource: 'return_service',
    });
  }
  let remaining = targets.departed - cases.reduce((sum, c) => sum + c.persons.length, 0);
  if (remaining < 0) throw new Error(`Scale ${scale}: the special groups outnumber the departures`);
  const uncovered = destinations.filter((code) => !cases.some((c) => c.destination === code));
  // Enough cases for the economic grants, with room for those not entitled on their decision day.
  const entitledSpecial = cases.filter((c) => c.kind !== 'third_country').length;
  const reincluded: readonly string[] = REINCLUDED_2023_07;
  const totalWeight = destinations.reduce((sum, code) => sum + weightOf[code]!, 0);
  const notEntitled =
    destinations.filter((code) => reincluded.includes(code)).reduce((sum, code) => sum + weightOf[code]!, 0) /
    totalWeight /
    2;
  let casesNeeded = Math.ceil((targets.economicGrants * GRANT_MARGIN) / (1 - notEntitled)) - entitledSpecial;
  while (remaining > 0) {
    let size = Math.min(remaining, Number(rng.weighted(FAMILY_SIZES)));
    if (remaining - size < casesNeeded - 1) size = 1;
    casesNeeded -= 1;
    const country = uncovered.shift() ?? pickDestination();
    remaining -= size;
    add({
      ...base,
      kind: 'regular',
      persons:
        size === 1 ? [people.person(country, { minAge: 19, maxAge: 65 })] : people.family(country, size),
      destination: country,
      vulnerabilities: [],
      referral: rng.chance(0.25) ? (rng.chance(0.6) ? 'return_service' : 'reception_agency') : null,
      referralSource: rng.weighted({ return_service: 40, reception_agency: 35, self: 15, ngo: 7, police: 3 }),
    });
  }
  if (uncovered.length > 0) throw new Error(`Scale ${scale}: too few cases to reach every destination`);
  for (const plan of cases) {
    if (plan.referral) plan.referralSource = plan.referral;
  }

  assignTravelDocuments(rng, cases, targets);
  assignGrants(rng, cases, targets, year);
  assignMonitoring(rng, cases, monitoringCountries, targets.monitoringVisits, daysInYear);
  const departing = cases.length;
  for (let i = 0; i < Math.round(departing * NOT_DEPARTING_SHARE); i++) {
    const country = pickDestination();
    const outcome = rng.weighted({ withdrawn: 45, ineligible: 15, open: 40 }) as CaseOutcome;
    const size = rng.chance(0.85) ? 1 : rng.int(2, 3);
    add({
      ...base,
      outcome,
      kind: 'regular',
      persons:
        size === 1 ? [people.person(country, { minAge: 19, maxAge: 65 })] : people.family(country, size),
      destination: country,
      vulnerabilities: [],
      referralSource: rng.weighted({ return_service: 40, reception_agency: 35, self: 20, ngo: 5 }),
      openAt: rng.weighted({ counselling: 30, application_submitted: 30, travel_documents: 40 }),
      days: planOpenCaseDays(rng, daysInYear, outcome),
    });
  }
  const team = planTeam(targets);
  planSessions(rng, cases, team);
  // Registered in date order, so case references follow the calendar.
  cases.sort((a, b) => a.days.registered - b.days.registered || a.index - b.index);
  cases.forEach((plan, index) => {
    plan.index = index;
  });
  return {
    year,
    scale,
    targets,
    destinations,
    counsellors: team.counsellors,
    languages: team.languages,
    partnerNgos: REPORT_LISTS.partnerNgos.slice(0, targets.partnerNgos),
    cases,
    movements: planMovements(rng, people, targets, destinations, daysInYear),
    outreach: planOutreach(rng, targets, daysInYear),
  };
}

/** Leap years have 366 days. */
export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Laissez-passers for people without a passport, from the embassies of as many countries as the
// report names: each of those countries gets one, the rest go where most people return to.
function assignTravelDocuments(rng: SeededRandom, cases: CasePlan[], targets: DemoYearTargets): void {
  const eligible = cases.filter((c) => c.kind !== 'third_country' && c.kind !== 'overland');
  const perCountry = new Map<string, DemoPerson[]>();
  for (const plan of eligible) {
    for (const person of plan.persons)
      perCountry.set(person.nationality, [...(perCountry.get(person.nationality) ?? []), person]);
  }
  const countries = [...perCountry.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, targets.travelDocumentCountries);
  if (countries.length < targets.travelDocumentCountries)
    throw new Error('Too few nationalities for the travel documents');
  for (const [, persons] of countries) rng.pick(persons).needsTravelDocument = true;
  const pool = shuffle(
    rng,
    countries.flatMap(([, persons]) => persons).filter((p) => !p.needsTravelDocument),
  );
  const more = targets.travelDocuments - countries.length;
  if (pool.length < more) throw new Error('Too few people for the travel documents');
  for (const person of pool.slice(0, more)) person.needsTravelDocument = true;
}

// Economic grants go to those entitled to reintegration on the day of their decision (nationals
// re-included from July 2023 only from then on); medical grants to people with health needs;
// partner NGO grants preferably to cases without an economic grant.
function assignGrants(rng: SeededRandom, cases: CasePlan[], targets: DemoYearTargets, year: number): void {
  const july = dayOfYear(year, 7, 1);
  const reincluded: readonly string[] = REINCLUDED_2023_07;
  const waiting = (c: CasePlan) =>
    year === 2023 && c.days.submitted < july && reincluded.includes(c.persons[0]!.nationality);
  const candidates = cases.filter((c) => c.kind !== 'third_country');
  // Short of entitled cases: some of those waiting for July apply after it instead.
  let short = targets.economicGrants - candidates.filter((c) => !waiting(c)).length;
  for (const plan of candidates.filter(waiting)) {
    if (short-- <= 0) break;
    plan.days = planCaseDays(rng, isLeap(year) ? 366 : 365, { earliestDeparture: july + 80 });
  }
  const entitled = candidates.filter((c) => !waiting(c));
  const economic = shuffle(rng, entitled).slice(0, targets.economicGrants);
  if (economic.length < targets.economicGrants)
    throw new Error(`Too few entitled cases for the economic grants: ${economic.length} of ${cases.length}`);
  for (const plan of economic) plan.economicGrant = true;
  const health = shuffle(
    rng,
    cases.filter((c) => c.kind === 'health'),
  ).slice(0, targets.medicalGrants);
  for (const plan of health) plan.medicalGrant = true;
  const others = shuffle(
    rng,
    cases.filter((c) => c.kind !== 'third_country'),
  ).sort((a, b) => Number(a.economicGrant) - Number(b.economicGrant));
  others.slice(0, targets.partnerNgoGrants).forEach((plan, i) => {
    plan.partnerGrant = i < targets.partnerNgos ? i : rng.int(0, targets.partnerNgos - 1);
  });
  for (const plan of cases)
    plan.reintegrationPlan = plan.economicGrant || plan.medicalGrant || plan.partnerGrant !== null;
}

// One visit per named country in turn, to a case that returned there early enough to be visited.
function assignMonitoring(
  rng: SeededRandom,
  cases: CasePlan[],
  countries: readonly string[],
  visits: number,
  daysInYear: number,
): void {
  const taken = new Set<CasePlan>();
  for (let i = 0; i < visits; i++) {
    const country = countries[i % countries.length]!;
    const candidates = cases.filter(
      (c) => c.destination === country && c.kind !== 'third_country' && !taken.has(c),
    );
    if (candidates.length === 0) throw new Error(`No case returned to ${country} for a monitoring visit`);
    const plan = rng.pick(candidates);
    taken.add(plan);
    if (plan.days.departed > daysInYear - 120) {
      plan.days = planCaseDays(rng, daysInYear, { latestDeparture: daysInYear - 120 });
    }
    const visit = plan.days.departed + rng.int(45, 100);
    plan.days.reintegration = Math.min(plan.days.reintegration ?? plan.days.departed + 14, visit - 7);
    plan.days.monitored = visit;
    plan.days.closed = null;
    plan.reintegrationPlan = true;
  }
}

function planTeam(targets: DemoYearTargets) {
  const languages = teamLanguages.slice(0, targets.counsellorLanguages) as string[];
  const counsellors = Array.from({ length: targets.counsellors }, (_, i) => ({
    office: i % COUNSELLING_OFFICES,
    languages: [
      ...new Set([
        languages[i % languages.length]!,
        languages[(i + 7) % languages.length]!,
        ...(languages.includes('en') ? ['en'] : []),
      ]),
    ],
  }));
  return { counsellors, languages };
}

// Each case's counsellor speaks the principal's language where anyone in the team does; otherwise an
// interpreter joins. Then every counsellor and every team language gets at least one session.
function planSessions(rng: SeededRandom, cases: CasePlan[], team: ReturnType<typeof planTeam>): void {
  const speakers = (language: string) =>
    team.counsellors.flatMap((c, i) => (c.languages.includes(language) ? [i] : []));
  for (const plan of cases) {
    const principal = plan.persons[0]!;
    const shared = principal.languages.find((language) => speakers(language).length > 0);
    plan.counsellor = shared ? rng.pick(speakers(shared)) : rng.int(0, team.counsellors.length - 1);
    const spoken = principal.languages.find((language) =>
      team.counsellors[plan.counsellor]!.languages.includes(language),
    );
    const last = Math.max(
      plan.days.registered,
      plan.outcome === 'departed' ? plan.days.booked - 1 : plan.days.stopped,
    );
    const count = rng.chance(0.6) ? 1 : 2;
    for (let k = 0; k < count; k++) {
      plan.sessions.push({
        day: k === 0 ? plan.days.registered : rng.int(plan.days.registered, last),
        counsellor: plan.counsellor,
        language: spoken ?? principal.languages[0]!,
        interpreter: spoken === undefined,
      });
    }
    plan.sessions.sort((a, b) => a.day - b.day);
  }
  const held = new Set(cases.flatMap((c) => c.sessions.map((s) => s.counsellor)));
  const used = new Set(cases.flatMap((c) => c.sessions.filter((s) => !s.interpreter).map((s) => s.language)));
  for (const [i, counsellor] of team.counsellors.entries()) {
    for (const language of counsellor.languages) {
      if (held.has(i) && used.has(language)) continue;
      const plan = cases.find((c) => c.persons.some((p) => p.languages.includes(language)));
      if (!plan) throw new Error(`No one in the caseload speaks ${language}`);
      plan.sessions.push({ day: plan.days.registered, counsellor: i, language, interpreter: false });
      plan.sessions.sort((a, b) => a.day - b.day);
      held.add(i);
      used.add(language);
    }
  }
}

function planMovements(
  rng: SeededRandom,
  people: PeopleFactory,
  targets: DemoYearTargets,
  destinations: readonly string[],
  daysInYear: number,
): MovementPlan[] {
  const movements: MovementPlan[] = [];
  people.uniqueBirths = false;
  const groups = (total: number, make: (size: number) => MovementPlan) => {
    let left = total;
    while (left > 0) {
      // Other missions' returnees and resettled refugees mostly travel in escorted groups.
      const size = Math.min(left, Number(rng.weighted({ 1: 30, 2: 15, 3: 15, 4: 15, 5: 10, 6: 8, 8: 7 })));
      left -= size;
      movements.push(make(size));
    }
  };
  const personsOf = (country: string, size: number) =>
    size === 1 ? [people.person(country, { minAge: 19, maxAge: 60 })] : people.family(country, size);
  groups(targets.transits, (size) => {
    const country = rng.pick(destinations);
    return {
      kind: 'transit',
      day: rng.int(1, daysInYear - 2),
      programme: 'transit',
      persons: personsOf(country, size).map(withoutPhone),
      origin: rng.pick(['LHR', 'JFK', 'YYZ', 'CPH', 'MAD', 'ATH', 'DXB']),
      destination: country,
      departureMinute: rng.int(6 * 60, 14 * 60),
    };
  });
  groups(targets.arrivals, (size) => {
    const country = rng.pick(
      ['AF', 'ER', 'SO', 'SD', 'IQ', 'CD'].filter((c) => destinations.includes(c)).concat(destinations[0]!),
    );
    return {
      kind: 'arrival',
      day: rng.int(1, daysInYear - 2),
      programme: rng.chance(0.93) ? 'resettlement' : 'family_reunification',
      persons: personsOf(country, size).map(withoutPhone),
      origin: rng.pick(['NBO', 'BEY', 'CAI', 'KUL', 'AMM', 'IST', 'ADD']),
      destination: null,
      departureMinute: rng.int(0, 10 * 60),
    };
  });
  return movements.sort((a, b) => a.day - b.day);
}

function planOutreach(rng: SeededRandom, targets: DemoYearTargets, daysInYear: number): OutreachPlan[] {
  const activities: OutreachPlan[] = [];
  const make = (kind: OutreachPlan['kind'], count: number, participants: [number, number]) => {
    for (let i = 0; i < count; i++) {
      activities.push({
        kind,
        day: rng.int(2, daysInYear - 3),
        office: rng.int(0, COUNSELLING_OFFICES - 1),
        participants: rng.int(...participants),
      });
    }
  };
  make('information_session', targets.informationSessions, [6, 40]);
  make('network_meeting', targets.networkMeetings, [3, 15]);
  return activities.sort((a, b) => a.day - b.day);
}

function withoutPhone(person: DemoPerson): DemoPerson {
  return { ...person, phone: undefined };
}

/** The day of the year (0 = 1 January) of a date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000);
}

function shuffle<T>(rng: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
