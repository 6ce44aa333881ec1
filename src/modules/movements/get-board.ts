import { loadAirportIndex } from '../../platform/airports/airports.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { casePolicy } from '../cases/case-policy.js';
import type { VulnerabilityCategory } from '../cases/schema.js';
import {
  type BoardBookingRow,
  type BoardPassengerRow,
  type BoardSegmentRow,
  selectBoardBookings,
  selectBoardPassengers,
} from './board-queries.js';
import { MINIMUM_CONNECTION_MINUTES } from './connections.js';
import { presentZoned, type ZonedTime } from './local-time.js';

type Movement = 'departure' | 'transit' | 'arrival';

interface FlightAt {
  flight: string;
  localTime: string;
  time: ZonedTime;
  airport: string;
}

/** One flight (or, for transits, one inbound-onward pair) at the airport, with the groups on it. */
export interface BoardFlight {
  key: string;
  movement: Movement;
  /** HH:mm at the board's airport: what the list is sorted by. */
  localTime: string;
  inbound: FlightAt | null;
  outbound: FlightAt | null;
  connection: { minutes: number; warning: 'below_minimum' | 'impossible' | null } | null;
  passengerCount: number;
  groups: BoardGroup[];
}

export interface BoardGroup {
  bookingId: string;
  status: 'booked' | 'confirmed';
  pnr: string | null;
  programme: string;
  case: { id: string; reference: string } | null;
  escorts: { kind: string; name: string; organisation: string | null }[];
  tasks: { id: string; kind: string; assigneeId: string | null; doneAt: string | null }[];
  passengers: {
    id: string;
    personId: string;
    givenName: string;
    familyName: string;
    status: string;
    specialNeeds: string[];
    handover: { at: string; receivingPartyName: string; receivedBy: string } | null;
  }[];
}

const flightAt = (s: BoardSegmentRow, end: 'departure' | 'arrival'): FlightAt => {
  const at = new Date(end === 'departure' ? s.departureAt : s.arrivalAt);
  const zone = end === 'departure' ? s.departureTimeZone : s.arrivalTimeZone;
  const time = presentZoned(at, zone);
  return {
    flight: `${s.airline}${s.flightNumber}`,
    localTime: time.local.slice(11),
    time,
    airport: end === 'departure' ? s.arrivalAirport : s.departureAirport,
  };
};

/** Where the booking touches the airport on the date: its departure, a connection, or its arrival. */
function movementsAt(booking: BoardBookingRow, airport: string, date: string) {
  const segments = booking.segments;
  const found: { movement: Movement; inbound: BoardSegmentRow | null; outbound: BoardSegmentRow | null }[] =
    [];
  segments.forEach((segment, i) => {
    const previous = segments[i - 1];
    const next = segments[i + 1];
    if (segment.departureAirport === airport && !previous && segment.departureLocalDate === date) {
      found.push({ movement: 'departure', inbound: null, outbound: segment });
    }
    if (segment.arrivalAirport === airport && next && next.departureAirport === airport) {
      if (segment.arrivalLocalDate === date || next.departureLocalDate === date) {
        found.push({ movement: 'transit', inbound: segment, outbound: next });
      }
    } else if (segment.arrivalAirport === airport && segment.arrivalLocalDate === date) {
      found.push({ movement: 'arrival', inbound: segment, outbound: null });
    }
  });
  return found;
}

/**
 * The operations board of an airport for a local date: departures, transits and arrivals by flight
 * and local time, with each group's passengers and meet-and-assist tasks. Two queries in all.
 * Case references are shown only where the actor may read the case; the names stay, because the
 * airport team has to find the traveller.
 */
export async function getBoard(db: Executor, actor: Actor, options: { airport: string; date: string }) {
  const { airport, date } = options;
  const airports = await loadAirportIndex();
  const where = { missionId: actor.missionId, airport, date };
  const [bookingRows, passengerRows] = await Promise.all([
    selectBoardBookings(db, where),
    selectBoardPassengers(db, where),
  ]);
  const byBooking = new Map<string, BoardPassengerRow[]>();
  for (const row of passengerRows) {
    const list = byBooking.get(row.bookingId) ?? [];
    list.push(row);
    byBooking.set(row.bookingId, list);
  }
  const flights = new Map<string, BoardFlight>();
  for (const booking of bookingRows) {
    const passengers = byBooking.get(booking.id) ?? [];
    const first = passengers[0];
    const visibleCase =
      first?.caseId &&
      casePolicy.read(actor, {
        missionId: actor.missionId,
        officeId: first.caseOfficeId!,
        assigneeId: first.caseAssigneeId,
        vulnerabilities: (first.caseVulnerabilities ?? []) as VulnerabilityCategory[],
      });
    const group: BoardGroup = {
      bookingId: booking.id,
      status: booking.status,
      pnr: booking.pnr,
      programme: booking.programme,
      case: visibleCase ? { id: first.caseId!, reference: first.caseReference! } : null,
      escorts: booking.escorts ?? [],
      tasks: booking.tasks ?? [],
      passengers: passengers.map((p) => ({
        id: p.id,
        personId: p.personId,
        givenName: p.givenName,
        familyName: p.familyName,
        status: p.status,
        specialNeeds: p.specialNeeds,
        handover: p.handover,
      })),
    };
    for (const { movement, inbound, outbound } of movementsAt(booking, airport, date)) {
      const inboundAt = inbound ? flightAt(inbound, 'arrival') : null;
      const outboundAt = outbound ? flightAt(outbound, 'departure') : null;
      const key = `${movement}:${inboundAt?.flight ?? ''}:${inboundAt?.time.utc ?? ''}>${outboundAt?.flight ?? ''}:${outboundAt?.time.utc ?? ''}`;
      let flight = flights.get(key);
      if (!flight) {
        const minutes =
          inbound && outbound
            ? Math.round((Date.parse(outbound.departureAt) - Date.parse(inbound.arrivalAt)) / 60_000)
            : null;
        flight = {
          key,
          movement,
          localTime: movement === 'departure' ? outboundAt!.localTime : inboundAt!.localTime,
          inbound: inboundAt,
          outbound: outboundAt,
          connection:
            minutes === null
              ? null
              : {
                  minutes,
                  warning:
                    minutes < 0
                      ? 'impossible'
                      : minutes < MINIMUM_CONNECTION_MINUTES
                        ? 'below_minimum'
                        : null,
                },
          passengerCount: 0,
          groups: [],
        };
        flights.set(key, flight);
      }
      flight.groups.push(group);
      flight.passengerCount += group.passengers.length;
    }
  }
  const sorted = [...flights.values()].sort(
    (a, b) => a.localTime.localeCompare(b.localTime) || a.key.localeCompare(b.key),
  );
  const of = (movement: Movement) => sorted.filter((f) => f.movement === movement);
  const here = airports.get(airport);
  return {
    date,
    airport: { iata: airport, name: here?.name ?? airport, timeZone: here?.timeZone ?? 'UTC' },
    departures: of('departure'),
    transits: of('transit'),
    arrivals: of('arrival'),
    totals: {
      passengers: new Set(sorted.flatMap((f) => f.groups.flatMap((g) => g.passengers.map((p) => p.id)))).size,
      flights: sorted.length,
    },
  };
}
