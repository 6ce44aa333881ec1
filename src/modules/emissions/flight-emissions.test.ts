import { describe, expect, it } from 'vitest';
import { lookupAirport } from '../../platform/airports/airports.js';
import {
  computeSegmentEmissions,
  type DistanceBandFactors,
  haversineKm,
  routingCorrectionKm,
  selectDistanceBand,
} from './flight-emissions.js';

const factors: DistanceBandFactors = {
  domestic: '0.22928',
  short_haul: '0.12576',
  long_haul: '0.11704',
  international_non_uk: '0.10916',
  longHaulFromKm: 3700,
};

describe('routingCorrectionKm', () => {
  it.each([
    [0, 50],
    [549, 50],
    [550, 100],
    [5500, 100],
    [5501, 125],
    [12000, 125],
  ])('%i km great-circle gets +%i km', (km, correction) => {
    expect(routingCorrectionKm(km)).toBe(correction);
  });
});

describe('selectDistanceBand', () => {
  it.each([
    ['GB', 'GB', 500, 'domestic'],
    ['GB', 'GB', 5000, 'domestic'],
    ['GB', 'NL', 420, 'short_haul'],
    ['NL', 'GB', 3699, 'short_haul'],
    ['GB', 'NG', 3700, 'long_haul'],
    ['NG', 'GB', 5000, 'long_haul'],
    ['NL', 'TR', 2284, 'international_non_uk'],
    ['NL', 'NG', 5187, 'international_non_uk'],
    ['NL', 'NL', 150, 'international_non_uk'],
    ['IQ', 'IQ', 400, 'international_non_uk'],
  ])('%s → %s over %i km is %s', (fromCountry, toCountry, distanceKm, band) => {
    expect(selectDistanceBand({ fromCountry, toCountry, distanceKm, longHaulFromKm: 3700 })).toBe(band);
  });
});

describe('haversineKm', () => {
  it('is zero for one point and symmetric', () => {
    const a = { lat: 52.3, lon: 4.76 };
    const b = { lat: 6.58, lon: 3.32 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });
});

// Hand computation with the spherical law of cosines on the dataset's coordinates (R = 6371 km):
// AMS–IST 2,184.39 km, AMS–LOS 5,086.84 km, AMS–LHR 369.90 km.
describe('computeSegmentEmissions for known pairs', () => {
  it.each([
    ['AMS', 'IST', 2184.39, 2284, 'international_non_uk', '249.32'],
    ['AMS', 'LOS', 5086.84, 5187, 'international_non_uk', '566.21'],
    ['LHR', 'AMS', 369.9, 420, 'short_haul', '52.82'],
  ])('%s–%s', async (from, to, handKm, distanceKm, band, co2Kg) => {
    const a = (await lookupAirport(from))!;
    const b = (await lookupAirport(to))!;
    const result = computeSegmentEmissions(a, b, factors);
    expect(Math.abs(result.greatCircleKm - handKm)).toBeLessThanOrEqual(1);
    expect(result).toMatchObject({ distanceKm, band, co2Kg });
  });

  it('rounds kg to 2 decimals half up in decimal arithmetic', () => {
    // 1 km apart along the equator → 1 + 50 km; 51 × 0.10916 = 5.56716 → 5.57
    const result = computeSegmentEmissions(
      { lat: 0, lon: 0, country: 'NL' },
      { lat: 0, lon: 0.009, country: 'NL' },
      factors,
    );
    expect(result).toMatchObject({ greatCircleKm: 1, distanceKm: 51, co2Kg: '5.57' });
  });
});
