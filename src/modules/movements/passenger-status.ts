import type { PassengerStatus } from './schema.js';

/** The statuses a passenger may move to from each status at the airport. */
const NEXT: Record<PassengerStatus, readonly PassengerStatus[]> = {
  booked: [],
  confirmed: ['checked_in', 'departed', 'no_show', 'arrived'],
  checked_in: ['departed', 'no_show', 'arrived'],
  departed: ['arrived'],
  no_show: [],
  arrived: [],
  cancelled: [],
};

/** True when a passenger in `from` may be marked `to` (arrivals need not have been seen leaving). */
export function canMovePassenger(from: PassengerStatus, to: PassengerStatus): boolean {
  return NEXT[from].includes(to);
}
