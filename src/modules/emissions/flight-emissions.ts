import { Decimal } from 'decimal.js';

/** The distance bands of the UK government's business-travel air factors. */
export const distanceBands = ['domestic', 'short_haul', 'long_haul', 'international_non_uk'] as const;
export type DistanceBand = (typeof distanceBands)[number];

/** A versioned set of kg CO2e per passenger-km factors, one per band. */
export interface DistanceBandFactors {
  domestic: string;
  short_haul: string;
  long_haul: string;
  international_non_uk: string;
  /** Short haul is "under" this many km; long haul is this and over. */
  longHaulFromKm: number;
}

const EARTH_RADIUS_KM = 6371;
const UK = 'GB';

/** Great-circle distance in km by the haversine formula (floating point; round the result). */
export function haversineKm(from: { lat: number; lon: number }, to: { lat: number; lon: number }): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(to.lat - from.lat);
  const dLon = rad(to.lon - from.lon);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The ICAO method's allowance for routing, stacking and holding, by great-circle distance:
 * +50 km under 550 km, +100 km from 550 to 5,500 km, +125 km above 5,500 km.
 */
export function routingCorrectionKm(greatCircleKm: number): number {
  if (greatCircleKm < 550) return 50;
  if (greatCircleKm <= 5500) return 100;
  return 125;
}

/**
 * Which factor applies. The UK factors are published per UK flight type: domestic (both ends in
 * the UK), short and long haul (one end in the UK, split by distance) and "international" for
 * flights between two non-UK airports — so a Dutch mission's AMS–IST is international, and so is
 * a flight inside the Netherlands or inside Iraq.
 */
export function selectDistanceBand(options: {
  fromCountry: string;
  toCountry: string;
  distanceKm: number;
  longHaulFromKm: number;
}): DistanceBand {
  const ukEnds = [options.fromCountry, options.toCountry].filter((country) => country === UK).length;
  if (ukEnds === 2) return 'domestic';
  if (ukEnds === 0) return 'international_non_uk';
  return options.distanceKm < options.longHaulFromKm ? 'short_haul' : 'long_haul';
}

/** What one passenger's flight segment emits, and how it was computed. */
export interface SegmentEmissions {
  greatCircleKm: number;
  distanceKm: number;
  band: DistanceBand;
  factor: string;
  /** kg CO2e per passenger, 2 decimals. */
  co2Kg: string;
}

/**
 * One passenger's CO2 for a flight: the great-circle distance rounded to whole km, plus the routing
 * correction, times the band's factor (the band chosen on that corrected distance), in decimals.
 */
export function computeSegmentEmissions(
  from: { lat: number; lon: number; country: string },
  to: { lat: number; lon: number; country: string },
  factors: DistanceBandFactors,
): SegmentEmissions {
  const greatCircleKm = Math.round(haversineKm(from, to));
  const distanceKm = greatCircleKm + routingCorrectionKm(greatCircleKm);
  const band = selectDistanceBand({
    fromCountry: from.country,
    toCountry: to.country,
    distanceKm,
    longHaulFromKm: factors.longHaulFromKm,
  });
  const factor = factors[band];
  const co2Kg = new Decimal(distanceKm).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { greatCircleKm, distanceKm, band, factor, co2Kg };
}
