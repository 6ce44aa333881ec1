import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { cases } from '../cases/schema.js';
import { emissionFactorSets } from '../emissions/schema.js';
import { missions, users } from '../organisation/schema.js';
import { persons } from '../persons/schema.js';

export const movementKinds = ['departure', 'transit', 'arrival'] as const;
export type MovementKind = (typeof movementKinds)[number];
/** booked: held, not yet confirmed; superseded: replaced by a rebooking (kept as history). */
export const bookingStatuses = ['booked', 'confirmed', 'superseded', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const passengerStatuses = [
  'booked',
  'confirmed',
  'checked_in',
  'departed',
  'no_show',
  'arrived',
  'cancelled',
] as const;
export type PassengerStatus = (typeof passengerStatuses)[number];
export const specialNeeds = ['wheelchair', 'oxygen', 'stretcher', 'airline_minor_service'] as const;
export type SpecialNeed = (typeof specialNeeds)[number];
export const escortKinds = ['medical', 'operational', 'social'] as const;
export type EscortKind = (typeof escortKinds)[number];
export const fitnessCheckKinds = ['fit_to_travel', 'pre_embarkation_check'] as const;
export const fitnessResults = ['fit', 'fit_with_conditions', 'unfit'] as const;
export const assistTaskKinds = ['check_in_help', 'exit_formalities', 'connection', 'handover'] as const;
export type AssistTaskKind = (typeof assistTaskKinds)[number];
export const receivingPartyKinds = ['reception_agency', 'family_member', 'other'] as const;

/**
 * One version of an itinerary for a group of travellers. A rebooking writes a new version in the
 * same lineage and marks the old one superseded, so what was booked before is never overwritten.
 * Transit and arrival passengers need not have a case, hence the nullable case and the programme.
 */
export const bookings = pgTable(
  'bookings',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind').$type<MovementKind>().notNull(),
    programme: text('programme').notNull(),
    caseId: uuid('case_id'),
    status: text('status').$type<BookingStatus>().notNull(),
    pnr: text('pnr'),
    baggageAllowance: text('baggage_allowance'),
    fitnessCheckKind: text('fitness_check_kind').$type<(typeof fitnessCheckKinds)[number]>(),
    fitnessCheckResult: text('fitness_check_result').$type<(typeof fitnessResults)[number]>(),
    fitnessCheckedOn: date('fitness_checked_on', { mode: 'string' }),
    supersedesId: uuid('supersedes_id'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    confirmedAt: at('confirmed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('bookings_lineage_version_uq').on(t.missionId, t.lineageId, t.version),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    index('bookings_case_idx').on(t.missionId, t.caseId),
  ],
);

/** A flight of an itinerary; times are instants with the zone of their airport beside them. */
export const bookingSegments = pgTable(
  'booking_segments',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    position: integer('position').notNull(),
    airline: text('airline').notNull(),
    flightNumber: text('flight_number').notNull(),
    departureAirport: text('departure_airport').notNull(),
    departureAt: at('departure_at').notNull(),
    departureTimeZone: text('departure_time_zone').notNull(),
    /** The departure's calendar date at its airport: what the board and the manifest select on. */
    departureLocalDate: date('departure_local_date', { mode: 'string' }).notNull(),
    arrivalAirport: text('arrival_airport').notNull(),
    arrivalAt: at('arrival_at').notNull(),
    arrivalTimeZone: text('arrival_time_zone').notNull(),
    arrivalLocalDate: date('arrival_local_date', { mode: 'string' }).notNull(),
    distanceKm: integer('distance_km').notNull(),
    co2Band: text('co2_band').notNull(),
    co2Factor: numeric('co2_factor', { precision: 10, scale: 5, mode: 'string' }).notNull(),
    /** kg CO2e per passenger. */
    co2Kg: numeric('co2_kg', { precision: 14, scale: 2, mode: 'string' }).notNull(),
    emissionFactorSetId: uuid('emission_factor_set_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('booking_segments_position_uq').on(t.missionId, t.bookingId, t.position),
    foreignKey({ columns: [t.missionId, t.bookingId], foreignColumns: [bookings.missionId, bookings.id] }),
    foreignKey({
      columns: [t.missionId, t.emissionFactorSetId],
      foreignColumns: [emissionFactorSets.missionId, emissionFactorSets.id],
    }),
    index('booking_segments_departure_idx').on(t.missionId, t.departureAirport, t.departureLocalDate),
    index('booking_segments_arrival_idx').on(t.missionId, t.arrivalAirport, t.arrivalLocalDate),
    index('booking_segments_flight_idx').on(t.missionId, t.airline, t.flightNumber, t.departureLocalDate),
  ],
);

/** A traveller on a booking, with their status at the airport and what they need there. */
export const bookingPassengers = pgTable(
  'booking_passengers',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    personId: uuid('person_id').notNull(),
    position: integer('position').notNull(),
    status: text('status').$type<PassengerStatus>().notNull(),
    specialNeeds: text('special_needs').array().$type<SpecialNeed[]>().notNull().default([]),
    statusChangedAt: at('status_changed_at').notNull(),
    statusChangedBy: uuid('status_changed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('booking_passengers_person_uq').on(t.missionId, t.bookingId, t.personId),
    foreignKey({ columns: [t.missionId, t.bookingId], foreignColumns: [bookings.missionId, bookings.id] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    index('booking_passengers_booking_idx').on(t.missionId, t.bookingId),
    index('booking_passengers_person_idx').on(t.missionId, t.personId),
  ],
);

/** Someone travelling with the group to look after them (not a passenger of the case). */
export const bookingEscorts = pgTable(
  'booking_escorts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    kind: text('kind').$type<EscortKind>().notNull(),
    name: text('name').notNull(),
    organisation: text('organisation'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.bookingId], foreignColumns: [bookings.missionId, bookings.id] }),
    index('booking_escorts_booking_idx').on(t.missionId, t.bookingId),
  ],
);

/** A meet-and-assist task at an airport on a day, for one booking's group. */
export const assistTasks = pgTable(
  'assist_tasks',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    airport: text('airport').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<AssistTaskKind>().notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    doneAt: at('done_at'),
    doneBy: uuid('done_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('assist_tasks_kind_uq').on(t.missionId, t.bookingId, t.airport, t.kind),
    foreignKey({ columns: [t.missionId, t.bookingId], foreignColumns: [bookings.missionId, bookings.id] }),
    index('assist_tasks_day_idx').on(t.missionId, t.airport, t.localDate),
  ],
);

/** The moment an arriving passenger is handed to whoever receives them, and by whom. */
export const passengerHandovers = pgTable(
  'passenger_handovers',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    bookingPassengerId: uuid('booking_passenger_id').notNull(),
    receivingPartyKind: text('receiving_party_kind').$type<(typeof receivingPartyKinds)[number]>().notNull(),
    receivingPartyName: text('receiving_party_name').notNull(),
    receivedBy: text('received_by').notNull(),
    handedOverAt: at('handed_over_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.bookingPassengerId],
      foreignColumns: [bookingPassengers.missionId, bookingPassengers.id],
    }),
    index('passenger_handovers_passenger_idx').on(t.missionId, t.bookingPassengerId),
  ],
);

export type BookingRow = typeof bookings.$inferSelect;
export type BookingSegmentRow = typeof bookingSegments.$inferSelect;
export type BookingPassengerRow = typeof bookingPassengers.$inferSelect;
