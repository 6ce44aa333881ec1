import { DateTime } from 'luxon';

/** A wall-clock time at an airport, as the API shows it: local with its zone, and the UTC instant. */
export interface ZonedTime {
  local: string;
  timeZone: string;
  utc: string;
}

/**
 * The instant of a local date-time (YYYY-MM-DDTHH:mm) in a zone, and that date at the airport.
 * Returns null for a time that does not exist there (the hour skipped when clocks go forward);
 * in the repeated hour when clocks go back the earlier instant is taken.
 */
export function localToInstant(local: string, timeZone: string): { at: Date; localDate: string } | null {
  const parsed = DateTime.fromISO(local, { zone: timeZone });
  if (!parsed.isValid) return null;
  // Luxon moves a non-existent time forward silently; a round trip reveals it.
  if (parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return null;
  return { at: parsed.toJSDate(), localDate: parsed.toISODate()! };
}

/** The instant shown in a zone: local date-time without offset, the zone, and UTC. */
export function presentZoned(at: Date, timeZone: string): ZonedTime {
  const zoned = DateTime.fromJSDate(at, { zone: timeZone });
  return { local: zoned.toFormat("yyyy-MM-dd'T'HH:mm"), timeZone, utc: at.toISOString() };
}

/** HH:mm of an instant in a zone. */
export function localClock(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
}
