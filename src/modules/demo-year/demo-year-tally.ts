/**
 * What a demo year did, counted by the generator itself as each service call succeeded: the
 * independent count the reports are checked against.
 */
export interface DemoYearTally {
  cases: number;
  persons: number;
  departedPersons: number;
  /** Departed persons who left on a flight (passengers marked departed at the airport). */
  airportDeparturePassengers: number;
  destinationCountries: Set<string>;
  thirdCountryWithPermit: number;
  healthNeedsDeparted: number;
  minorsDeparted: number;
  victimsDeparted: number;
  victimCountries: Set<string>;
  travelDocumentRequests: number;
  travelDocumentsIssued: number;
  travelDocumentCountries: Set<string>;
  economicGrants: number;
  medicalGrants: number;
  partnerNgoGrants: number;
  partnerNgos: Set<string>;
  monitoringVisits: number;
  monitoringCountries: Set<string>;
  transitPassengers: number;
  arrivalPassengers: number;
  bookings: number;
  informationSessions: number;
  networkMeetings: number;
  counsellingSessions: number;
  counsellors: Set<string>;
  counsellorLanguages: Set<string>;
}

/** An empty tally. */
export function emptyTally(): DemoYearTally {
  return {
    cases: 0,
    persons: 0,
    departedPersons: 0,
    airportDeparturePassengers: 0,
    destinationCountries: new Set(),
    thirdCountryWithPermit: 0,
    healthNeedsDeparted: 0,
    minorsDeparted: 0,
    victimsDeparted: 0,
    victimCountries: new Set(),
    travelDocumentRequests: 0,
    travelDocumentsIssued: 0,
    travelDocumentCountries: new Set(),
    economicGrants: 0,
    medicalGrants: 0,
    partnerNgoGrants: 0,
    partnerNgos: new Set(),
    monitoringVisits: 0,
    monitoringCountries: new Set(),
    transitPassengers: 0,
    arrivalPassengers: 0,
    bookings: 0,
    informationSessions: 0,
    networkMeetings: 0,
    counsellingSessions: 0,
    counsellors: new Set(),
    counsellorLanguages: new Set(),
  };
}
