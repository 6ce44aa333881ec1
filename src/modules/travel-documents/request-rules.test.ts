import { describe, expect, it } from 'vitest';
import { canChangeStatus, daysBetween, waitingState } from './request-rules.js';
import type { TravelDocumentRequestStatus } from './schema.js';

describe('canChangeStatus', () => {
  it.each<[TravelDocumentRequestStatus, TravelDocumentRequestStatus, boolean]>([
    ['requested', 'interview_scheduled', true],
    ['requested', 'issued', true],
    ['requested', 'refused', true],
    ['requested', 'cancelled', true],
    ['interview_scheduled', 'interview_scheduled', true],
    ['interview_scheduled', 'issued', true],
    ['interview_scheduled', 'requested', false],
    ['issued', 'cancelled', false],
    ['refused', 'issued', false],
    ['cancelled', 'requested', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe('waitingState', () => {
  it.each<[TravelDocumentRequestStatus, string, string | null, number | null, string, number, boolean]>([
    ['requested', '2026-01-01', null, null, '2026-01-31', 30, false],
    ['requested', '2026-01-01', null, null, '2026-02-01', 31, true],
    ['requested', '2026-01-01', null, 10, '2026-01-12', 11, true],
    ['requested', '2026-01-01', null, 10, '2026-01-11', 10, false],
    ['interview_scheduled', '2026-01-01', '2026-03-01', null, '2026-02-15', 0, false],
    ['interview_scheduled', '2026-01-01', '2026-03-01', null, '2026-04-01', 31, true],
    ['issued', '2025-01-01', null, null, '2026-04-01', 0, false],
    ['cancelled', '2025-01-01', null, null, '2026-04-01', 0, false],
  ])(
    '%s on %s (interview %s, N=%s) seen %s: %i days, overdue %s',
    (status, requestedOn, interviewOn, days, today, waiting, overdue) => {
      expect(waitingState({ status, requestedOn, interviewOn }, days, today)).toEqual({
        daysWaiting: waiting,
        overdue,
      });
    },
  );

  it('counts days across a daylight-saving change exactly', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});
