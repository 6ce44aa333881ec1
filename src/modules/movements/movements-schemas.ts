import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { ZOccurredAt } from '../../platform/time/fact-date.js';
import {
  assistTaskKinds,
  bookingStatuses,
  escortKinds,
  fitnessCheckKinds,
  fitnessResults,
  movementKinds,
  passengerStatuses,
  receivingPartyKinds,
  specialNeeds,
} from './schema.js';

const ZIata = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter IATA airport code'));
const ZLocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date-time YYYY-MM-DDTHH:mm');

export { ZIsoDate };

export const ZSegmentInput = z.object({
  airline: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{2}$/, 'must be a 2-character IATA airline code')),
  flightNumber: z
    .string()
    .trim()
    .regex(/^\d{1,4}[A-Z]?$/, 'must be 1–4 digits and an optional letter'),
  departureAirport: ZIata,
  departureLocal: ZLocalDateTime.describe('Local time at the departure airport'),
  arrivalAirport: ZIata,
  arrivalLocal: ZLocalDateTime.describe('Local time at the arrival airport'),
});
export type SegmentInput = z.infer<typeof ZSegmentInput>;

const ZPassengerInput = z.object({
  personId: z.uuid(),
  specialNeeds: z.array(z.enum(specialNeeds)).max(4).default([]),
});
const ZEscortInput = z.object({
  kind: z.enum(escortKinds),
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
});
const ZFitnessCheck = z.object({
  kind: z.enum(fitnessCheckKinds),
  result: z.enum(fitnessResults),
  checkedOn: ZIsoDate,
});

/** An itinerary: what a booking and a rebooking both carry. */
export const ZItinerary = z.object({
  pnr: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5,8}$/, 'must be 5–8 letters or digits')
    .optional(),
  segments: z.array(ZSegmentInput).min(1, 'add at least one flight').max(8),
  passengers: z.array(ZPassengerInput).max(30).optional().describe('Defaults to everyone in the case group'),
  baggageAllowance: z.string().trim().max(200).optional(),
  escorts: z.array(ZEscortInput).max(10).default([]),
  fitnessCheck: ZFitnessCheck.optional(),
});
export type Itinerary = z.infer<typeof ZItinerary>;

export const ZCreateBooking = ZItinerary.extend({
  caseId: z
    .uuid()
    .optional()
    .describe('The case travelling; omit for transit or arrival passengers without a case'),
  kind: z.enum(movementKinds).default('departure'),
  programme: z.string().trim().min(2).max(40).optional().describe('Required without a case'),
});
export type CreateBooking = z.infer<typeof ZCreateBooking>;

export const ZIdParams = z.object({ id: z.uuid() });
export const ZCancelBooking = z.object({ reason: z.string().trim().min(1).max(2000) });

const ZZoned = z.object({ local: z.string(), timeZone: z.string(), utc: z.string() });
const ZAirportRef = z.object({
  iata: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
});

export const ZSegment = z.object({
  id: z.uuid(),
  position: z.number().int(),
  airline: z.string(),
  flightNumber: z.string(),
  flight: z.string(),
  departureAirport: ZAirportRef,
  departure: ZZoned,
  arrivalAirport: ZAirportRef,
  arrival: ZZoned,
  distanceKm: z.number().int(),
  co2Kg: z.string(),
  co2Band: z.string(),
  co2Factor: z.string(),
  emissionFactorSetId: z.uuid(),
});

export const ZConnection = z.object({
  airport: z.string(),
  fromPosition: z.number().int(),
  toPosition: z.number().int(),
  minutes: z.number().int(),
  warning: z.enum(['impossible', 'below_minimum', 'different_airport']).nullable(),
});

export const ZBookingPassenger = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  status: z.enum(passengerStatuses),
  specialNeeds: z.array(z.enum(specialNeeds)),
});

export const ZBooking = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  version: z.number().int(),
  kind: z.enum(movementKinds),
  programme: z.string(),
  caseId: z.uuid().nullable(),
  status: z.enum(bookingStatuses),
  pnr: z.string().nullable(),
  baggageAllowance: z.string().nullable(),
  fitnessCheck: ZFitnessCheck.nullable(),
  supersedesId: z.uuid().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.date(),
  confirmedAt: z.date().nullable(),
  segments: z.array(ZSegment),
  connections: z.array(ZConnection),
  passengers: z.array(ZBookingPassenger),
  escorts: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(escortKinds),
      name: z.string(),
      organisation: z.string().nullable(),
    }),
  ),
  co2KgPerPassenger: z.string(),
});
export type BookingDetail = z.infer<typeof ZBooking>;

export const ZBoardQuery = z.object({ date: ZIsoDate, airport: ZIata });

export const ZPassengerStatusChange = z.object({
  status: z.enum(['checked_in', 'departed', 'no_show', 'arrived']),
  afterNoShow: z
    .enum(['rebook', 'travel_documents'])
    .default('rebook')
    .describe('For a no-show: keep the case at travel booked to rebook, or send it back to travel documents'),
  reason: z.string().trim().max(2000).optional(),
  occurredAt: ZOccurredAt.describe(
    `When the passenger departed, failed to show or arrived, when not now (the day a departure counts on); ${ZOccurredAt.description}`,
  ),
});

export const ZUpdateAssistTask = z.object({
  assigneeId: z.uuid().nullable().optional(),
  done: z.boolean().optional(),
});

export const ZHandoverInput = z.object({
  receivingPartyKind: z.enum(receivingPartyKinds),
  receivingPartyName: z.string().trim().min(1).max(200),
  receivedBy: z.string().trim().min(1).max(200).describe('The person who took over the passenger'),
  handedOverAt: ZOccurredAt.describe(
    `When the passenger was handed over (the arrival), when not now; ${ZOccurredAt.description}`,
  ),
});

export const ZManifestQuery = z.object({
  flight: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'must be a flight designator such as KL1234'),
  date: ZIsoDate.describe('Departure date at the departure airport'),
  format: z.enum(['csv', 'pdf', 'json']).default('json'),
});

export const ZAssistTask = z.object({
  id: z.uuid(),
  kind: z.enum(assistTaskKinds),
  assigneeId: z.uuid().nullable(),
  doneAt: z.date().nullable(),
});

/** What a case's travel needs, and nothing about why the person travels (no vulnerabilities or notes). */
export const ZCaseTravel = z.object({
  case: z.object({ id: z.uuid(), reference: z.string(), status: z.string(), officeId: z.uuid() }),
  travellers: z.array(
    z.object({
      personId: z.uuid(),
      role: z.enum(['principal', 'member']),
      givenName: z.string(),
      familyName: z.string().nullable(),
      givenNameNative: z.string().nullable(),
      familyNameNative: z.string().nullable(),
      sex: z.string(),
      dateOfBirth: z.string().nullable(),
      nationalities: z.array(z.string()),
      preferredLanguage: z.string().nullable(),
      phone: z.string().nullable(),
      documents: z.array(
        z.object({
          kind: z.string(),
          number: z.string(),
          issuingCountry: z.string(),
          validFrom: z.string().nullable(),
          validUntil: z.string().nullable(),
        }),
      ),
    }),
  ),
  bookings: z.array(ZBooking),
});
