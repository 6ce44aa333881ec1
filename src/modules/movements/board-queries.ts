import { sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../platform/db/database.js';
import type { AssistTaskKind, PassengerStatus, SpecialNeed } from './schema.js';

export interface BoardSegmentRow {
  position: number;
  airline: string;
  flightNumber: string;
  departureAirport: string;
  departureAt: string;
  departureTimeZone: string;
  departureLocalDate: string;
  arrivalAirport: string;
  arrivalAt: string;
  arrivalTimeZone: string;
  arrivalLocalDate: string;
}

export interface BoardBookingRow {
  id: string;
  kind: string;
  programme: string;
  caseId: string | null;
  status: 'booked' | 'confirmed';
  pnr: string | null;
  segments: BoardSegmentRow[];
  tasks: { id: string; kind: AssistTaskKind; assigneeId: string | null; doneAt: string | null }[] | null;
  escorts: { kind: string; name: string; organisation: string | null }[] | null;
}

export interface BoardPassengerRow {
  id: string;
  bookingId: string;
  personId: string;
  status: PassengerStatus;
  specialNeeds: SpecialNeed[];
  givenName: string;
  familyName: string;
  caseId: string | null;
  caseReference: string | null;
  caseOfficeId: string | null;
  caseAssigneeId: string | null;
  caseVulnerabilities: string[] | null;
  handover: { at: string; receivingPartyName: string; receivedBy: string } | null;
}

/**
 * The live bookings with a flight leaving or landing at the airport on the local date, each with
 * all its flights (to tell departures, transits and arrivals apart) and its tasks at that airport.
 * One statement, whatever the number of passengers.
 */
export function selectBoardBookings(
  db: Executor,
  options: { missionId: string; airport: string; date: string },
): Promise<BoardBookingRow[]> {
  const { missionId, airport, date } = options;
  return selectRows<BoardBookingRow>(
    db,
    sql`
      with touched as (
        select booking_id from booking_segments
        where mission_id = ${missionId} and departure_airport = ${airport} and departure_local_date = ${date}
        union
        select booking_id from booking_segments
        where mission_id = ${missionId} and arrival_airport = ${airport} and arrival_local_date = ${date}
      )
      select b.id, b.kind, b.programme, b.case_id as "caseId", b.status, b.pnr,
        (select json_agg(json_build_object(
            'position', s.position, 'airline', s.airline, 'flightNumber', s.flight_number,
            'departureAirport', s.departure_airport, 'departureAt', s.departure_at,
            'departureTimeZone', s.departure_time_zone, 'departureLocalDate', s.departure_local_date,
            'arrivalAirport', s.arrival_airport, 'arrivalAt', s.arrival_at,
            'arrivalTimeZone', s.arrival_time_zone, 'arrivalLocalDate', s.arrival_local_date
          ) order by s.position)
          from booking_segments s where s.mission_id = b.mission_id and s.booking_id = b.id) as segments,
        (select json_agg(json_build_object(
            'id', t.id, 'kind', t.kind, 'assigneeId', t.assignee_id, 'doneAt', t.done_at) order by t.kind)
          from assist_tasks t
          where t.mission_id = b.mission_id and t.booking_id = b.id and t.airport = ${airport}) as tasks,
        (select json_agg(json_build_object('kind', e.kind, 'name', e.name, 'organisation', e.organisation))
          from booking_escorts e where e.mission_id = b.mission_id and e.booking_id = b.id) as escorts
      from touched
      join bookings b on b.mission_id = ${missionId} and b.id = touched.booking_id
      where b.status in ('booked', 'confirmed')`,
  );
}

/**
 * The passengers of the same bookings (selected the same way) with their names, case and handover,
 * in one statement.
 */
export function selectBoardPassengers(
  db: Executor,
  options: { missionId: string; airport: string; date: string },
): Promise<BoardPassengerRow[]> {
  const { missionId, airport, date } = options;
  return selectRows<BoardPassengerRow>(
    db,
    sql`
      with touched as (
        select booking_id from booking_segments
        where mission_id = ${missionId} and departure_airport = ${airport} and departure_local_date = ${date}
        union
        select booking_id from booking_segments
        where mission_id = ${missionId} and arrival_airport = ${airport} and arrival_local_date = ${date}
      )
      select bp.id, bp.booking_id as "bookingId", bp.person_id as "personId", bp.status,
        bp.special_needs as "specialNeeds", p.given_name as "givenName", p.family_name as "familyName",
        c.id as "caseId", c.reference as "caseReference", c.office_id as "caseOfficeId",
        c.assignee_id as "caseAssigneeId", c.vulnerabilities as "caseVulnerabilities",
        (select json_build_object('at', h.handed_over_at, 'receivingPartyName', h.receiving_party_name,
            'receivedBy', h.received_by)
          from passenger_handovers h
          where h.mission_id = bp.mission_id and h.booking_passenger_id = bp.id
          order by h.handed_over_at desc limit 1) as handover
      from touched
      join bookings b on b.mission_id = ${missionId} and b.id = touched.booking_id
      join booking_passengers bp on bp.mission_id = b.mission_id and bp.booking_id = b.id
      join persons p on p.mission_id = bp.mission_id and p.id = bp.person_id
      left join cases c on c.mission_id = b.mission_id and c.id = b.case_id
      where b.status in ('booked', 'confirmed')
      order by p.family_name, p.given_name`,
  );
}
