import { describe, expect, it } from 'vitest';
import { computeConnections } from './connections.js';
import { localToInstant, presentZoned } from './local-time.js';

const seg = (position: number, from: string, to: string, dep: string, arr: string) => ({
  position,
  departureAirport: from,
  arrivalAirport: to,
  departureAt: new Date(dep),
  arrivalAt: new Date(arr),
});

describe('computeConnections', () => {
  it.each([
    ['enough time', '2025-07-01T10:00:00Z', 'AMS', 120, null],
    ['exactly the minimum', '2025-07-01T09:00:00Z', 'AMS', 60, null],
    ['below the minimum', '2025-07-01T08:45:00Z', 'AMS', 45, 'below_minimum'],
    ['leaving before landing', '2025-07-01T07:30:00Z', 'AMS', -30, 'impossible'],
    ['another airport', '2025-07-01T12:00:00Z', 'RTM', 240, 'different_airport'],
  ])('%s', (_name, departure, hub, minutes, warning) => {
    const result = computeConnections(
      [
        seg(1, 'AMS', 'IST', departure, '2025-07-01T15:00:00Z'),
        seg(0, 'LOS', 'AMS', '2025-07-01T01:00:00Z', '2025-07-01T08:00:00Z'),
      ].map((s, i) => (i === 0 ? { ...s, departureAirport: hub } : s)),
    );
    expect(result).toEqual([{ airport: 'AMS', fromPosition: 0, toPosition: 1, minutes, warning }]);
  });

  it('has no connection for a direct flight', () => {
    expect(
      computeConnections([seg(0, 'AMS', 'IST', '2025-07-01T10:00:00Z', '2025-07-01T13:00:00Z')]),
    ).toEqual([]);
  });
});

describe('localToInstant', () => {
  it.each([
    ['2025-07-01T10:35', 'Europe/Amsterdam', '2025-07-01T08:35:00.000Z', '2025-07-01'],
    ['2025-01-15T10:35', 'Europe/Amsterdam', '2025-01-15T09:35:00.000Z', '2025-01-15'],
    ['2025-07-01T01:30', 'Asia/Baghdad', '2025-06-30T22:30:00.000Z', '2025-07-01'],
    ['2025-07-01T23:50', 'Africa/Lagos', '2025-07-01T22:50:00.000Z', '2025-07-01'],
  ])('%s in %s is %s', (local, zone, utc, localDate) => {
    const result = localToInstant(local, zone);
    expect(result?.at.toISOString()).toBe(utc);
    expect(result?.localDate).toBe(localDate);
    expect(presentZoned(result!.at, zone)).toEqual({ local, timeZone: zone, utc });
  });

  it('refuses a time skipped when the clocks go forward', () => {
    expect(localToInstant('2025-03-30T02:30', 'Europe/Amsterdam')).toBeNull();
  });

  it('refuses a malformed time', () => {
    expect(localToInstant('2025-02-30T10:00', 'Europe/Amsterdam')).toBeNull();
  });
});
