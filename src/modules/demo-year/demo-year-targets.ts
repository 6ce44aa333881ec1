// The figures a demo year is calibrated to: those of a mission's 2023 annual report
// (shared reference annual-report-2023.json), and how they scale.

/** The lists the annual report names, in its order. */
export const REPORT_LISTS = {
  victimsOfTraffickingCountries: ['BR', 'BG', 'CO', 'ID', 'TH', 'UG'],
  monitoringCountries: ['BR', 'GE', 'ID', 'PH', 'UG'],
  partnerNgos: ['Stichting Wereldwijd', 'Stichting ROS', 'Vluchtelingenwerk Nederland', 'Stichting Goedwerk'],
} as const;

/**
 * The figures at scale 1. Where the report gives a threshold ("more than 100 information
 * sessions", "at least 200 network meetings", "at least 20 languages") the demo makes the smallest
 * figure the wording allows. The report's airport departures are two fewer than its AVRR departures
 * (two people left overland); in Passage a departure is a passenger marked departed at the airport
 * desk, so the demo flies all of them and its airport departures equal its AVRR departures.
 */
export const BASE_TARGETS = {
  departed: 1859,
  airportDepartures: 1857,
  destinationCountries: 84,
  thirdCountryWithPermit: 20,
  healthNeeds: 217,
  unaccompaniedMinors: 7,
  victimsOfTrafficking: 11,
  victimsOfTraffickingCountries: 6,
  economicGrants: 1082,
  medicalGrants: 176,
  partnerNgoGrants: 89,
  partnerNgos: 4,
  monitoringVisits: 5,
  monitoringCountries: 5,
  travelDocuments: 412,
  travelDocumentCountries: 57,
  transits: 7612,
  arrivals: 842,
  informationSessions: 101,
  networkMeetings: 200,
  counsellors: 22,
  counsellorLanguages: 20,
} as const;

export type DemoYearTargets = { -readonly [K in keyof typeof BASE_TARGETS]: number };

/** Rounds half away from zero (the rounding every scaled figure uses). */
export function roundHalfUp(value: number): number {
  return Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
}

/**
 * The figures at another scale. Volumes (people, documents, grants, visits, movements, sessions)
 * are round-half-up(figure × scale). Breadths (countries, partners, counsellors, languages) scale
 * the same way below 1 but never above the report's own figure — a busier year does not create
 * more countries — are at least 1 when there is anything to spread, and never more than the volume
 * they are drawn from.
 */
export function scaleTargets(scale: number): DemoYearTargets {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`The scale must be above 0, not ${scale}`);
  const volume = (n: number) => roundHalfUp(n * scale);
  const breadth = (n: number, drawnFrom: number) =>
    drawnFrom === 0 ? 0 : Math.min(n, drawnFrom, Math.max(1, roundHalfUp(n * scale)));
  const b = BASE_TARGETS;
  const departed = volume(b.departed);
  // A departure is a passenger marked departed at the airport desk: the report's two overland
  // departures have no such fact in Passage, so the demo flies everyone it counts as departed.
  const airportDepartures = departed;
  const victimsOfTrafficking = volume(b.victimsOfTrafficking);
  const partnerNgoGrants = volume(b.partnerNgoGrants);
  const monitoringVisits = volume(b.monitoringVisits);
  const travelDocuments = volume(b.travelDocuments);
  const healthNeeds = volume(b.healthNeeds);
  const informationSessions = volume(b.informationSessions);
  return {
    departed,
    airportDepartures,
    destinationCountries: breadth(b.destinationCountries, departed),
    thirdCountryWithPermit: volume(b.thirdCountryWithPermit),
    healthNeeds,
    unaccompaniedMinors: volume(b.unaccompaniedMinors),
    victimsOfTrafficking,
    victimsOfTraffickingCountries: breadth(b.victimsOfTraffickingCountries, victimsOfTrafficking),
    economicGrants: volume(b.economicGrants),
    medicalGrants: Math.min(healthNeeds, volume(b.medicalGrants)),
    partnerNgoGrants,
    partnerNgos: breadth(b.partnerNgos, partnerNgoGrants),
    monitoringVisits,
    monitoringCountries: breadth(b.monitoringCountries, monitoringVisits),
    travelDocuments,
    travelDocumentCountries: breadth(b.travelDocumentCountries, travelDocuments),
    transits: volume(b.transits),
    arrivals: volume(b.arrivals),
    informationSessions,
    networkMeetings: volume(b.networkMeetings),
    counsellors: breadth(b.counsellors, departed),
    counsellorLanguages: breadth(b.counsellorLanguages, departed),
  };
}
