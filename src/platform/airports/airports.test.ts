import { describe, expect, it } from 'vitest';
import { lookupAirport } from './airports.js';

describe('lookupAirport', () => {
  it.each([
    ['AMS', 'NL', 'Europe/Amsterdam', 52.31, 4.76],
    ['IST', 'TR', 'Europe/Istanbul', 41.26, 28.74],
    ['BGW', 'IQ', 'Asia/Baghdad', 33.26, 44.23],
    ['EBL', 'IQ', 'Asia/Baghdad', 36.24, 43.96],
    ['LOS', 'NG', 'Africa/Lagos', 6.58, 3.32],
  ])('knows %s (%s, %s)', async (iata, country, timeZone, lat, lon) => {
    const airport = await lookupAirport(iata);
    expect(airport).toMatchObject({ iata, country, timeZone });
    expect(airport!.name.length).toBeGreaterThan(3);
    expect(airport!.lat).toBeCloseTo(lat, 1);
    expect(airport!.lon).toBeCloseTo(lon, 1);
  });

  it('accepts lower case and surrounding spaces', async () => {
    expect((await lookupAirport(' ams '))?.iata).toBe('AMS');
  });

  it('answers null for a code the dataset does not know', async () => {
    expect(await lookupAirport('XQX')).toBeNull();
    expect(await lookupAirport('AMSX')).toBeNull();
  });
});
