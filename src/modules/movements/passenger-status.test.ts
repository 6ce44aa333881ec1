import { describe, expect, it } from 'vitest';
import { planAssistTasks } from './assist-tasks.js';
import { isAdultOn } from './booking-notifications.js';
import { canMovePassenger } from './passenger-status.js';

describe('canMovePassenger', () => {
  it.each([
    ['confirmed', 'departed', true],
    ['checked_in', 'departed', true],
    ['confirmed', 'no_show', true],
    ['checked_in', 'no_show', true],
    ['confirmed', 'arrived', true],
    ['departed', 'arrived', true],
    ['booked', 'departed', false],
    ['departed', 'no_show', false],
    ['no_show', 'departed', false],
    ['cancelled', 'checked_in', false],
    ['arrived', 'departed', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMovePassenger(from, to)).toBe(allowed);
  });
});

describe('planAssistTasks', () => {
  const seg = (position: number, from: string, fromDate: string, to: string, toDate: string) => ({
    position,
    departureAirport: from,
    departureLocalDate: fromDate,
    arrivalAirport: to,
    arrivalLocalDate: toDate,
  });

  it('plans check-in, exit formalities and handover for a direct flight', () => {
    expect(planAssistTasks([seg(0, 'AMS', '2025-07-01', 'IST', '2025-07-01')])).toEqual([
      { airport: 'AMS', localDate: '2025-07-01', kind: 'check_in_help' },
      { airport: 'AMS', localDate: '2025-07-01', kind: 'exit_formalities' },
      { airport: 'IST', localDate: '2025-07-01', kind: 'handover' },
    ]);
  });

  it('adds a connection task at the hub on the day of landing there', () => {
    const tasks = planAssistTasks([
      seg(1, 'IST', '2025-07-02', 'EBL', '2025-07-02'),
      seg(0, 'AMS', '2025-07-01', 'IST', '2025-07-01'),
    ]);
    expect(tasks).toContainEqual({ airport: 'IST', localDate: '2025-07-01', kind: 'connection' });
    expect(tasks.at(-1)).toEqual({ airport: 'EBL', localDate: '2025-07-02', kind: 'handover' });
  });
});

describe('isAdultOn', () => {
  it.each([
    ['2007-07-01', '2025-07-01', true],
    ['2007-07-02', '2025-07-01', false],
    ['2015-01-01', '2025-07-01', false],
    [null, '2025-07-01', true],
  ])('born %s, on %s: %s', (born, on, adult) => {
    expect(isAdultOn(born, on)).toBe(adult);
  });
});
