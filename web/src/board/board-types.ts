/** A wall-clock time at an airport with its zone and the UTC instant, as the API sends it. */
export interface ZonedTime {
  local: string;
  timeZone: string;
  utc: string;
}

export interface FlightAt {
  flight: string;
  localTime: string;
  time: ZonedTime;
  airport: string;
}

export interface BoardPassenger {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  status: string;
  specialNeeds: string[];
  handover: { at: string; receivingPartyName: string; receivedBy: string } | null;
}

export interface BoardTask {
  id: string;
  kind: string;
  assigneeId: string | null;
  doneAt: string | null;
}

export interface BoardGroup {
  bookingId: string;
  status: 'booked' | 'confirmed';
  pnr: string | null;
  programme: string;
  case: { id: string; reference: string } | null;
  escorts: { kind: string; name: string; organisation: string | null }[];
  tasks: BoardTask[];
  passengers: BoardPassenger[];
}

export interface BoardFlight {
  key: string;
  movement: 'departure' | 'transit' | 'arrival';
  localTime: string;
  inbound: FlightAt | null;
  outbound: FlightAt | null;
  connection: { minutes: number; warning: 'below_minimum' | 'impossible' | null } | null;
  passengerCount: number;
  groups: BoardGroup[];
}

export interface Board {
  date: string;
  airport: { iata: string; name: string; timeZone: string };
  departures: BoardFlight[];
  transits: BoardFlight[];
  arrivals: BoardFlight[];
  totals: { passengers: number; flights: number };
}

/** A booking version as the API sends it. */
export interface Booking {
  id: string;
  lineageId: string;
  version: number;
  status: 'booked' | 'confirmed' | 'superseded' | 'cancelled';
  pnr: string | null;
  baggageAllowance: string | null;
  cancelReason: string | null;
  segments: {
    id: string;
    flight: string;
    departureAirport: { iata: string; name: string };
    departure: ZonedTime;
    arrivalAirport: { iata: string; name: string };
    arrival: ZonedTime;
    distanceKm: number;
    co2Kg: string;
  }[];
  connections: { airport: string; minutes: number; warning: string | null }[];
  passengers: { id: string; givenName: string; familyName: string; status: string; specialNeeds: string[] }[];
  escorts: { id: string; kind: string; name: string; organisation: string | null }[];
  co2KgPerPassenger: string;
}

/** Roles that run the board (tick tasks, mark passengers). */
export const BOARD_ROLES = ['movements_officer', 'manager', 'admin'];
