/** Below this many minutes between flights at a hub, a connection is flagged as too short. */
export const MINIMUM_CONNECTION_MINUTES = 60;

export interface SegmentTimes {
  position: number;
  departureAirport: string;
  arrivalAirport: string;
  departureAt: Date;
  arrivalAt: Date;
}

/** A change of flights at a hub, with the time available and any warning. */
export interface Connection {
  airport: string;
  fromPosition: number;
  toPosition: number;
  minutes: number;
  warning: 'impossible' | 'below_minimum' | 'different_airport' | null;
}

/**
 * The connections of an itinerary, between each flight and the next: minutes between landing and
 * taking off again, flagged when negative, shorter than the minimum connection time, or when the
 * next flight leaves from another airport than the one landed at.
 */
export function computeConnections(
  segments: readonly SegmentTimes[],
  minimumMinutes = MINIMUM_CONNECTION_MINUTES,
): Connection[] {
  const ordered = [...segments].sort((a, b) => a.position - b.position);
  const connections: Connection[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const inbound = ordered[i - 1]!;
    const outbound = ordered[i]!;
    const minutes = Math.round((outbound.departureAt.getTime() - inbound.arrivalAt.getTime()) / 60_000);
    let warning: Connection['warning'] = null;
    if (inbound.arrivalAirport !== outbound.departureAirport) warning = 'different_airport';
    else if (minutes < 0) warning = 'impossible';
    else if (minutes < minimumMinutes) warning = 'below_minimum';
    connections.push({
      airport: inbound.arrivalAirport,
      fromPosition: inbound.position,
      toPosition: outbound.position,
      minutes,
      warning,
    });
  }
  return connections;
}
