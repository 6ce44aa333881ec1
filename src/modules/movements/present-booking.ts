import { Decimal } from 'decimal.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { loadAirportIndex } from '../../platform/airports/airports.js';
import type { Executor } from '../../platform/db/database.js';
import { inSequence } from '../../platform/db/in-sequence.js';
import { persons } from '../persons/schema.js';
import { computeConnections } from './connections.js';
import { presentZoned } from './local-time.js';
import type { BookingDetail } from './movements-schemas.js';
import { type BookingRow, bookingEscorts, bookingPassengers, bookingSegments } from './schema.js';

/** The bookings with their flights (local and UTC times), connections, passengers and escorts. */
export async function presentBookings(db: Executor, rows: readonly BookingRow[]): Promise<BookingDetail[]> {
  if (rows.length === 0) return [];
  const missionId = rows[0]!.missionId;
  const ids = rows.map((row) => row.id);
  const [segments, passengers, escorts, airports] = await inSequence([
    db
      .select()
      .from(bookingSegments)
      .where(and(eq(bookingSegments.missionId, missionId), inArray(bookingSegments.bookingId, ids)))
      .orderBy(asc(bookingSegments.position)),
    db
      .select({ passenger: bookingPassengers, givenName: persons.givenName, familyName: persons.familyName })
      .from(bookingPassengers)
      .innerJoin(
        persons,
        and(eq(persons.missionId, bookingPassengers.missionId), eq(persons.id, bookingPassengers.personId)),
      )
      .where(and(eq(bookingPassengers.missionId, missionId), inArray(bookingPassengers.bookingId, ids)))
      .orderBy(asc(bookingPassengers.position)),
    db
      .select()
      .from(bookingEscorts)
      .where(and(eq(bookingEscorts.missionId, missionId), inArray(bookingEscorts.bookingId, ids))),
    loadAirportIndex(),
  ]);
  const airportRef = (iata: string, timeZone: string) => {
    const airport = airports.get(iata);
    return { iata, name: airport?.name ?? iata, country: airport?.country ?? '', timeZone };
  };
  return rows.map((booking) => {
    const own = segments.filter((s) => s.bookingId === booking.id);
    return {
      id: booking.id,
      lineageId: booking.lineageId,
      version: booking.version,
      kind: booking.kind,
      programme: booking.programme,
      caseId: booking.caseId,
      status: booking.status,
      pnr: booking.pnr,
      baggageAllowance: booking.baggageAllowance,
      fitnessCheck:
        booking.fitnessCheckKind && booking.fitnessCheckResult && booking.fitnessCheckedOn
          ? {
              kind: booking.fitnessCheckKind,
              result: booking.fitnessCheckResult,
              checkedOn: booking.fitnessCheckedOn,
            }
          : null,
      supersedesId: booking.supersedesId,
      cancelReason: booking.cancelReason,
      createdAt: booking.createdAt,
      confirmedAt: booking.confirmedAt,
      segments: own.map((s) => ({
        id: s.id,
        position: s.position,
        airline: s.airline,
        flightNumber: s.flightNumber,
        flight: `${s.airline}${s.flightNumber}`,
        departureAirport: airportRef(s.departureAirport, s.departureTimeZone),
        departure: presentZoned(s.departureAt, s.departureTimeZone),
        arrivalAirport: airportRef(s.arrivalAirport, s.arrivalTimeZone),
        arrival: presentZoned(s.arrivalAt, s.arrivalTimeZone),
        distanceKm: s.distanceKm,
        co2Kg: s.co2Kg,
        co2Band: s.co2Band,
        co2Factor: s.co2Factor,
        emissionFactorSetId: s.emissionFactorSetId,
      })),
      connections: computeConnections(own),
      passengers: passengers
        .filter((p) => p.passenger.bookingId === booking.id)
        .map(({ passenger, givenName, familyName }) => ({
          id: passenger.id,
          personId: passenger.personId,
          givenName,
          familyName,
          status: passenger.status,
          specialNeeds: passenger.specialNeeds,
        })),
      escorts: escorts
        .filter((e) => e.bookingId === booking.id)
        .map((e) => ({ id: e.id, kind: e.kind, name: e.name, organisation: e.organisation })),
      co2KgPerPassenger: own.reduce((sum, s) => sum.plus(s.co2Kg), new Decimal(0)).toFixed(2),
    };
  });
}
