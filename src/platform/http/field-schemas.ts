import { z } from 'zod';

/**
 * A calendar date YYYY-MM-DD that exists (no 30 February) from year 1 to 9999: the pattern alone
 * lets through dates PostgreSQL refuses, which would surface as a 500 instead of naming the field.
 */
export const ZIsoDate = z.iso
  .date({ error: 'must be a date YYYY-MM-DD that exists' })
  .refine((value) => value.slice(0, 4) !== '0000', 'must be a date from the year 1 onwards');

/** A calendar month YYYY-MM, from year 1 to 9999. */
export const ZIsoMonth = z
  .string()
  .regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM from the year 1 onwards');

/** A PATCH body must change something: an empty object is refused with a field error on `body`. */
export function requireSomeField<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema.refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'must change at least one field',
  });
}

/** The longest period a dashboard, report or list may cover: a longer one would slow everyone. */
export const MAX_PERIOD_YEARS = 5;

/**
 * Whether `from`–`to` (YYYY-MM-DD or YYYY-MM) spans at most MAX_PERIOD_YEARS; a missing `to` is
 * today, a missing `from` is the route's own short default.
 */
export function periodWithinCap(from: string | undefined, to: string | undefined): boolean {
  if (from === undefined) return true;
  const end = to ?? new Date().toISOString().slice(0, 10);
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10) || 1)];
  const [ty, tm, td] = [Number(end.slice(0, 4)), Number(end.slice(5, 7)), Number(end.slice(8, 10) || 1)];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return months < MAX_PERIOD_YEARS * 12 || (months === MAX_PERIOD_YEARS * 12 && td === fd);
}

/** The refinement that refuses a period longer than MAX_PERIOD_YEARS, on the `from` field. */
export const periodCap = {
  check: (query: { from?: string; to?: string }) => periodWithinCap(query.from, query.to),
  message: { message: `must be at most ${MAX_PERIOD_YEARS} years before "to" (or today)`, path: ['from'] },
};
