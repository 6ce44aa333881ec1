import { localDate } from '../platform/time/mission-calendar.js';

/** The date (YYYY-MM-DD) `days` days before today in a test mission (Europe/Amsterdam). */
export function daysAgo(days: number, timeZone = 'Europe/Amsterdam'): string {
  return localDate(new Date(Date.now() - days * 86_400_000), timeZone);
}

/** The instant `days` days before now: a case registered that long ago. */
export function daysAgoInstant(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}
