// Time in a demo year: days of the year turned into instants in the mission's zone, and flights
// with plausible durations between airports.
import { DateTime } from 'luxon';
import type { Airport } from '../../platform/airports/airports.js';
import { loadAirportIndex } from '../../platform/airports/airports.js';
import type { SegmentInput } from '../movements/movements-schemas.js';

/** The demo year's mission works in the Netherlands: its days are Amsterdam's. */
export const DEMO_YEAR_TIME_ZONE = 'Europe/Amsterdam';

/** The instant `minute` minutes after midnight (mission time) of day `day` (0 = 1 January) of `year`. */
export function instantOf(year: number, day: number, minute: number): Date {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone: DEMO_YEAR_TIME_ZONE })
    .plus({ days: day, minutes: minute })
    .toJSDate();
}

/** The calendar date (YYYY-MM-DD) of day `day` of `year`. */
export function dateOf(year: number, day: number): string {
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

function distanceKm(a: Airport, b: Airport): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

async function airport(iata: string): Promise<Airport> {
  const found = (await loadAirportIndex()).get(iata);
  if (!found) throw new Error(`Unknown airport ${iata}`);
  return found;
}

const local = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * A flight leaving `from` at `departure` (an instant): its segment input with local times at both
 * ends, and when it lands. The block time is the great-circle distance at 800 km/h plus 40 minutes.
 */
export async function flight(options: {
  airline: string;
  flightNumber: string;
  from: string;
  to: string;
  departure: Date;
}): Promise<{ segment: SegmentInput; lands: Date }> {
  const [from, to] = await Promise.all([airport(options.from), airport(options.to)]);
  const minutes = Math.round((distanceKm(from, to) / 800) * 60 + 40);
  const departs = DateTime.fromJSDate(options.departure, { zone: from.timeZone }).startOf('minute');
  const lands = departs.plus({ minutes }).setZone(to.timeZone);
  return {
    segment: {
      airline: options.airline,
      flightNumber: options.flightNumber,
      departureAirport: from.iata,
      departureLocal: local(departs),
      arrivalAirport: to.iata,
      arrivalLocal: local(lands),
    },
    lands: lands.toJSDate(),
  };
}

/** The instant a flight leaves `airport` at `minute` past midnight local time on the date of `day`. */
export async function localDeparture(year: number, day: number, minute: number, iata: string): Promise<Date> {
  const { timeZone } = await airport(iata);
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone })
    .plus({ days: day, minutes: minute })
    .toJSDate();
}
