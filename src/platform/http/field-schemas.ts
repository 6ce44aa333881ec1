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
