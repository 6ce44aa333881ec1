import type { ApiError, FieldProblem } from '../api/client.js';

/**
 * Groups problem+json field errors by their top-level field, so `nationalities.0` shows next to the
 * nationalities input. A leading `body.` (as some validators report it) is ignored.
 */
export function groupFieldErrors(errors: readonly FieldProblem[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const { path, message } of errors) {
    const field = topLevelField(path);
    grouped[field] ??= [];
    grouped[field].push(message);
  }
  return grouped;
}

/** The form field a problem path belongs to: `nationalities.0` → `nationalities` (`_` when there is none). */
export function topLevelField(path: string): string {
  const segments = path.replace(/^\/+/, '').split(/[./]/);
  if (segments[0] === 'body') segments.shift();
  return segments[0] || '_';
}

/** Field errors of an ApiError (empty when there is none). */
export function fieldErrorsOf(error: ApiError | undefined): Record<string, string[]> {
  return error ? groupFieldErrors(error.errors) : {};
}
