import type { Actor } from '../auth/actor.js';

// Building a formatter is costly: one per time zone serves every call.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * Today's date (YYYY-MM-DD) in the actor's mission: travel documents are valid "today" where the
 * mission works, not in UTC, and a mission in Bogotá has another today than one in Amsterdam.
 */
export function missionToday(actor: Pick<Actor, 'mission'>, now: Date): string {
  return localDate(now, actor.mission.timeZone);
}

/** True when `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
