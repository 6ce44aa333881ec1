import { sql } from 'drizzle-orm';
import { loadAirportIndex } from '../../platform/airports/airports.js';
import type { Actor } from '../../platform/auth/actor.js';
import { type Executor, selectRows } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { casePolicy } from '../cases/case-policy.js';
import type { VulnerabilityCategory } from '../cases/schema.js';
import { personsWithWithdrawnConsent } from '../consent/consent-state.js';
import { localClock } from './local-time.js';

/** One line of a flight's passenger manifest. */
export interface ManifestLine {
  seq: number;
  type: 'passenger' | 'escort';
  familyName: string;
  givenName: string;
  sex: string;
  dateOfBirth: string;
  nationality: string;
  travelDocument: string;
  pnr: string;
  finalDestination: string;
  specialNeeds: string;
  status: string;
  caseReference: string;
}

export interface Manifest {
  flight: string;
  date: string;
  from: { iata: string; name: string };
  to: { iata: string; name: string };
  departureLocalTime: string;
  timeZone: string;
  lines: ManifestLine[];
  /** Passengers left out because they withdrew their consent to return assistance. */
  leftOut: { count: number; personIds: string[] };
}

interface Row {
  bookingId: string;
  personId: string;
  pnr: string | null;
  passengerStatus: string;
  specialNeeds: string[];
  familyName: string;
  givenName: string;
  sex: string;
  dateOfBirth: string | null;
  nationalities: string[];
  document: string | null;
  departureAirport: string;
  arrivalAirport: string;
  departureAt: Date | string;
  departureTimeZone: string;
  finalDestination: string;
  caseReference: string | null;
  caseOfficeId: string | null;
  caseAssigneeId: string | null;
  caseVulnerabilities: string[] | null;
  escorts: { kind: string; name: string; organisation: string | null }[] | null;
}

/**
 * The passengers (and their escorts) on a flight on the local date of its departure, from live
 * bookings, in one query. A case reference appears only where the actor may read the case.
 * A manifest goes to the airline, escorts and airport partners: a passenger who withdrew their
 * consent to return assistance is left out (and a booking's escorts with its last passenger), and
 * `leftOut` says who; a passenger with no such consent recorded either way is listed.
 */
export async function getManifest(
  db: Executor,
  actor: Actor,
  options: { flight: string; date: string },
): Promise<Manifest> {
  const airline = options.flight.slice(0, 2);
  const flightNumber = options.flight.slice(2);
  const rows = await selectRows<Row>(
    db,
    sql`
      select b.id as "bookingId", p.id as "personId", b.pnr, bp.status as "passengerStatus", bp.special_needs as "specialNeeds",
        p.family_name as "familyName", p.given_name as "givenName", p.sex, p.date_of_birth::text as "dateOfBirth",
        p.nationalities,
        (select d.kind || ' ' || d.number || ' (' || d.issuing_country || ')' from person_documents d
          where d.mission_id = p.mission_id and d.person_id = p.id and d.kind in ('passport', 'laissez_passer')
          order by d.valid_until desc nulls last limit 1) as document,
        s.departure_airport as "departureAirport", s.arrival_airport as "arrivalAirport",
        s.departure_at as "departureAt", s.departure_time_zone as "departureTimeZone",
        (select l.arrival_airport from booking_segments l where l.mission_id = b.mission_id and l.booking_id = b.id
          order by l.position desc limit 1) as "finalDestination",
        c.reference as "caseReference", c.office_id as "caseOfficeId", c.assignee_id as "caseAssigneeId",
        c.vulnerabilities as "caseVulnerabilities",
        (select json_agg(json_build_object('kind', e.kind, 'name', e.name, 'organisation', e.organisation))
          from booking_escorts e where e.mission_id = b.mission_id and e.booking_id = b.id) as escorts
      from booking_segments s
      join bookings b on b.mission_id = s.mission_id and b.id = s.booking_id
      join booking_passengers bp on bp.mission_id = b.mission_id and bp.booking_id = b.id
      join persons p on p.mission_id = bp.mission_id and p.id = bp.person_id
      left join cases c on c.mission_id = b.mission_id and c.id = b.case_id
      where s.mission_id = ${actor.missionId} and s.airline = ${airline} and s.flight_number = ${flightNumber}
        and s.departure_local_date = ${options.date} and b.status in ('booked', 'confirmed')
        and bp.status <> 'cancelled'
      order by p.family_name, p.given_name, b.id`,
  );
  const first = rows[0];
  if (!first) throw notFound('Flight with passengers on that date');
  const airports = await loadAirportIndex();
  const withdrawn = await personsWithWithdrawnConsent(db, {
    missionId: actor.missionId,
    personIds: [...new Set(rows.map((row) => row.personId))],
    purpose: 'return_assistance',
    // Consent as it stands today in the mission's own calendar.
    on: missionToday(actor, new Date()),
  });
  const lines: ManifestLine[] = [];
  const escortsListed = new Set<string>();
  for (const row of rows) {
    if (withdrawn.has(row.personId)) continue;
    const visible =
      row.caseOfficeId !== null &&
      casePolicy.read(actor, {
        missionId: actor.missionId,
        officeId: row.caseOfficeId,
        assigneeId: row.caseAssigneeId,
        vulnerabilities: (row.caseVulnerabilities ?? []) as VulnerabilityCategory[],
      });
    lines.push({
      seq: lines.length + 1,
      type: 'passenger',
      familyName: row.familyName,
      givenName: row.givenName,
      sex: row.sex,
      dateOfBirth: row.dateOfBirth ?? '',
      nationality: row.nationalities.join(' '),
      travelDocument: row.document ?? '',
      pnr: row.pnr ?? '',
      finalDestination: row.finalDestination,
      specialNeeds: row.specialNeeds.join(' '),
      status: row.passengerStatus,
      caseReference: visible ? (row.caseReference ?? '') : '',
    });
    if (escortsListed.has(row.bookingId)) continue;
    escortsListed.add(row.bookingId);
    for (const escort of row.escorts ?? []) {
      lines.push({
        seq: lines.length + 1,
        type: 'escort',
        familyName: escort.name,
        givenName: '',
        sex: '',
        dateOfBirth: '',
        nationality: '',
        travelDocument: '',
        pnr: row.pnr ?? '',
        finalDestination: row.finalDestination,
        specialNeeds: `${escort.kind} escort${escort.organisation ? `, ${escort.organisation}` : ''}`,
        status: '',
        caseReference: '',
      });
    }
  }
  const departureAt = new Date(first.departureAt);
  return {
    flight: options.flight,
    date: options.date,
    from: {
      iata: first.departureAirport,
      name: airports.get(first.departureAirport)?.name ?? first.departureAirport,
    },
    to: {
      iata: first.arrivalAirport,
      name: airports.get(first.arrivalAirport)?.name ?? first.arrivalAirport,
    },
    departureLocalTime: localClock(departureAt, first.departureTimeZone),
    timeZone: first.departureTimeZone,
    lines,
    leftOut: { count: withdrawn.size, personIds: [...withdrawn] },
  };
}
