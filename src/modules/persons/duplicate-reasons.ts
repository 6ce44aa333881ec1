import type { DuplicateReason } from './person-schemas.js';
import type { DobPrecision } from './schema.js';

/** A date of birth with how much of it is known. */
export interface DateOfBirth {
  date: string | null | undefined;
  precision: DobPrecision;
}

/** How many years apart two estimated dates of birth may be and still count as the same. */
export const ESTIMATE_TOLERANCE_YEARS = 2;

/**
 * True when two dates of birth could be the same, compared at the coarser of their precisions:
 * the same day when both are exact, the same month, the same year, or within two years of an estimate.
 */
export function datesOfBirthMatch(a: DateOfBirth, b: DateOfBirth): boolean {
  if (!a.date || !b.date) return false;
  const precisions = [a.precision, b.precision];
  if (precisions.includes('estimated')) {
    return Math.abs(Number(a.date.slice(0, 4)) - Number(b.date.slice(0, 4))) <= ESTIMATE_TOLERANCE_YEARS;
  }
  if (precisions.includes('year')) return a.date.slice(0, 4) === b.date.slice(0, 4);
  if (precisions.includes('month')) return a.date.slice(0, 7) === b.date.slice(0, 7);
  return a.date === b.date;
}

/** True when the two lists of nationalities share one. */
export function sharesNationality(a: readonly string[], b: readonly string[]): boolean {
  return a.some((code) => b.includes(code));
}

/** What a registration and an existing, similarly named person have in common. */
export interface DuplicateComparison {
  nameScore: number;
  dateOfBirth: boolean;
  nationality: boolean;
}

/**
 * Whether a similarly named person is a likely duplicate, with its reasons and a score from 0 to 1;
 * null when the name alone matches (a common name is not enough to warn).
 */
export function rateDuplicate(
  comparison: DuplicateComparison,
): { score: number; reasons: DuplicateReason[] } | null {
  if (!comparison.dateOfBirth && !comparison.nationality) return null;
  const reasons: DuplicateReason[] = ['name'];
  if (comparison.dateOfBirth) reasons.push('date_of_birth');
  if (comparison.nationality) reasons.push('nationality');
  const score =
    0.5 * Math.min(1, comparison.nameScore) +
    (comparison.dateOfBirth ? 0.3 : 0) +
    (comparison.nationality ? 0.2 : 0);
  return { score: Math.round(score * 1000) / 1000, reasons };
}
