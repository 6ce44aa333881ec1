// The life of a travel-document request, and when it is overdue: pure, so it is tested as a table.
import type { TravelDocumentRequestStatus } from './schema.js';

/** Days without an answer after which a request is overdue, when its embassy sets nothing else. */
export const DEFAULT_REMINDER_DAYS = 30;

const NEXT: Record<TravelDocumentRequestStatus, readonly TravelDocumentRequestStatus[]> = {
  requested: ['interview_scheduled', 'issued', 'refused', 'cancelled'],
  // A second interview date replaces the first.
  interview_scheduled: ['interview_scheduled', 'issued', 'refused', 'cancelled'],
  issued: [],
  refused: [],
  cancelled: [],
};

/** Statuses in which the embassy still owes an answer. */
export const OPEN_STATUSES: readonly TravelDocumentRequestStatus[] = ['requested', 'interview_scheduled'];

/** True when a request in `from` may move to `to`. */
export function canChangeStatus(from: TravelDocumentRequestStatus, to: TravelDocumentRequestStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/**
 * How long the embassy has kept the person waiting, and whether that is too long: counted from the
 * request, or from the interview once one was held (an interview still ahead is not overdue).
 */
export function waitingState(
  request: { status: TravelDocumentRequestStatus; requestedOn: string; interviewOn: string | null },
  reminderDays: number | null,
  today: string,
): { daysWaiting: number; overdue: boolean } {
  if (!OPEN_STATUSES.includes(request.status)) return { daysWaiting: 0, overdue: false };
  const since =
    request.status === 'interview_scheduled' && request.interviewOn
      ? request.interviewOn
      : request.requestedOn;
  const daysWaiting = Math.max(0, daysBetween(since, today));
  return { daysWaiting, overdue: daysWaiting > (reminderDays ?? DEFAULT_REMINDER_DAYS) };
}
