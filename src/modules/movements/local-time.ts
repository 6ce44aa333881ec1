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

// One formatter per zone, reused: the board formats thousands of times per request, and building
// an Intl.DateTimeFormat (or a Luxon DateTime in a zone) each time costs more than the queries.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string): { date: string; time: string } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant shown in a zone: local date-time without offset, the zone, and UTC. */
export function presentZoned(at: Date, timeZone: string): ZonedTime {
  const { date, time } = wallClock(at, timeZone);
  return { local: `${date}T${time}`, timeZone, utc: at.toISOString() };
}

/** HH:mm of an instant in a zone. */
export function localClock(at: Date, timeZone: string): string {
  return wallClock(at, timeZone).time;
}
