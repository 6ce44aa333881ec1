import { loadAirportIndex } from '../../platform/airports/airports.js';
import type { FieldError } from '../../platform/http/problem.js';
import { badRequest } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { computeSegmentEmissions } from '../emissions/flight-emissions.js';
import type { EmissionFactorSetRow } from '../emissions/schema.js';
import { localToInstant } from './local-time.js';
import type { SegmentInput } from './movements-schemas.js';
import type { bookingSegments } from './schema.js';

type SegmentInsert = typeof bookingSegments.$inferInsert;

/**
 * Turns the submitted flights into rows: airports checked against the dataset, local times turned
 * into instants in their airport's zone, and each flight's CO2 computed with the current factor set.
 * Every problem is reported at once, by field path.
 */
export async function prepareSegments(options: {
  missionId: string;
  bookingId: string;
  segments: readonly SegmentInput[];
  factorSet: EmissionFactorSetRow;
  path?: string;
}): Promise<SegmentInsert[]> {
  const airports = await loadAirportIndex();
  const errors: FieldError[] = [];
  const rows: SegmentInsert[] = [];
  const base = options.path ?? 'body.segments';
  options.segments.forEach((segment, index) => {
    const at = (field: string) => `${base}.${index}.${field}`;
    const from = airports.get(segment.departureAirport);
    const to = airports.get(segment.arrivalAirport);
    if (!from) errors.push({ path: at('departureAirport'), message: 'is not a known airport' });
    if (!to) errors.push({ path: at('arrivalAirport'), message: 'is not a known airport' });
    if (from && to && from.iata === to.iata) {
      errors.push({ path: at('arrivalAirport'), message: 'must differ from the departure airport' });
    }
    const departure = from ? localToInstant(segment.departureLocal, from.timeZone) : null;
    const arrival = to ? localToInstant(segment.arrivalLocal, to.timeZone) : null;
    if (from && !departure) {
      errors.push({ path: at('departureLocal'), message: `does not exist in ${from.timeZone}` });
    }
    if (to && !arrival)
      errors.push({ path: at('arrivalLocal'), message: `does not exist in ${to.timeZone}` });
    if (departure && arrival && arrival.at <= departure.at) {
      errors.push({ path: at('arrivalLocal'), message: 'must be after the departure (in UTC)' });
    }
    if (!from || !to || !departure || !arrival) return;
    const emissions = computeSegmentEmissions(from, to, options.factorSet.factors);
    rows.push({
      missionId: options.missionId,
      id: newId(),
      bookingId: options.bookingId,
      position: index,
      airline: segment.airline,
      flightNumber: segment.flightNumber,
      departureAirport: from.iata,
      departureAt: departure.at,
      departureTimeZone: from.timeZone,
      departureLocalDate: departure.localDate,
      arrivalAirport: to.iata,
      arrivalAt: arrival.at,
      arrivalTimeZone: to.timeZone,
      arrivalLocalDate: arrival.localDate,
      distanceKm: emissions.distanceKm,
      co2Band: emissions.band,
      co2Factor: emissions.factor,
      co2Kg: emissions.co2Kg,
      emissionFactorSetId: options.factorSet.id,
    });
  });
  if (errors.length > 0) throw badRequest('Some flights cannot be booked as given.', errors);
  return rows;
}
