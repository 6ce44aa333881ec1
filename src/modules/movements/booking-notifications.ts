import { and, asc, eq, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { loadAirportIndex } from '../../platform/airports/airports.js';
import { inSequence } from '../../platform/db/in-sequence.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';
import { type CaseRow, loadCaseForEvent } from '../cases/load-case.js';
import { queueCaseSms, smsAllowed, toValidE164 } from '../messaging/queue-case-sms.js';
import { renderSmsTemplate } from '../messaging/render-sms-template.js';
import type { SmsTemplateKind } from '../messaging/sms-template-defaults.js';
import { loadTemplateOverrides } from '../messaging/sms-templates.js';
import { publishEvent } from '../partners/publish-event.js';
import { persons } from '../persons/schema.js';
import { bookingPassengers, bookingSegments, bookings } from './schema.js';

export type BookingChange = 'confirmed' | 'changed' | 'cancelled';

const TEMPLATE = {
  confirmed: 'flight_details',
  changed: 'booking_changed',
  cancelled: 'booking_cancelled',
} as const;
// Travellers are asked to be at the IOM desk this long before departure.
const MEETING_HOURS_BEFORE_DEPARTURE = 3;
const ADULT_AGE = 18;

/** True when the person is 18 or older on the day (unknown dates of birth count as adult: they must be told). */
export function isAdultOn(dateOfBirth: string | null, onDate: string): boolean {
  if (!dateOfBirth) return true;
  const born = DateTime.fromISO(dateOfBirth);
  const day = DateTime.fromISO(onDate);
  return born.plus({ years: ADULT_AGE }) <= day;
}

/**
 * Subscriber of `booking.confirmed`, `booking.changed` and `booking.cancelled`: tells the travellers
 * and the partners, in the transaction of the change: one SMS per adult passenger in their preferred
 * language (English, with a warning on the case, when there is none), and the booking.* event for
 * partner webhooks. A cancellation is announced before the places are marked cancelled, so the SMS
 * goes to those who were still booked.
 */
export async function notifyBookingChange(
  ctx: ServiceContext,
  event: DomainEvent<'booking.confirmed' | 'booking.changed' | 'booking.cancelled'>,
): Promise<void> {
  const change = event.type.slice('booking.'.length) as BookingChange;
  const [booking] = await ctx.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.missionId, event.missionId), eq(bookings.id, event.payload.bookingId)));
  if (!booking) throw new Error(`Booking ${event.payload.bookingId} of an event does not exist`);
  const kase = booking.caseId ? await loadCaseForEvent(ctx.tx, event.missionId, booking.caseId) : null;
  const missionId = ctx.actor.missionId;
  const [segments, travellers, airports] = await inSequence([
    ctx.tx
      .select()
      .from(bookingSegments)
      .where(and(eq(bookingSegments.missionId, missionId), eq(bookingSegments.bookingId, booking.id)))
      .orderBy(asc(bookingSegments.position)),
    ctx.tx
      .select({ passengerId: bookingPassengers.id, person: persons })
      .from(bookingPassengers)
      .innerJoin(
        persons,
        and(eq(persons.missionId, bookingPassengers.missionId), eq(persons.id, bookingPassengers.personId)),
      )
      .where(
        and(
          eq(bookingPassengers.missionId, missionId),
          eq(bookingPassengers.bookingId, booking.id),
          ne(bookingPassengers.status, 'cancelled'),
        ),
      )
      .orderBy(asc(bookingPassengers.position)),
    loadAirportIndex(),
  ]);
  const first = segments[0]!;
  const departure = DateTime.fromJSDate(first.departureAt, { zone: first.departureTimeZone });
  const departureAirport = airports.get(first.departureAirport)?.name ?? first.departureAirport;
  const flightNumber = `${first.airline}${first.flightNumber}`;
  for (const { person } of travellers) {
    if (!isAdultOn(person.dateOfBirth, first.departureLocalDate)) continue;
    const variables = {
      name: `${person.givenName} ${person.familyName}`,
      date: first.departureLocalDate,
      flightNumber,
      departureAirport,
      departureTime: departure.toFormat('HH:mm'),
      meetingPoint: `IOM desk, ${departureAirport}`,
      meetingTime: departure.minus({ hours: MEETING_HOURS_BEFORE_DEPARTURE }).toFormat('HH:mm'),
    };
    const idempotencyKey = `sms:booking:${booking.id}:${change}:${person.id}`;
    await sendSms(ctx, {
      kase,
      personId: person.id,
      phone: person.phone,
      language: person.preferredLanguage,
      kind: TEMPLATE[change],
      variables,
      idempotencyKey,
    });
  }
  await publishEvent(
    ctx,
    event.type,
    {
      bookingId: booking.id,
      lineageId: booking.lineageId,
      version: booking.version,
      caseId: kase?.id ?? null,
      caseReference: kase?.reference ?? null,
      pnr: booking.pnr,
      passengers: travellers.length,
      segments: segments.map((s) => ({
        flight: `${s.airline}${s.flightNumber}`,
        from: s.departureAirport,
        to: s.arrivalAirport,
        departureLocal: DateTime.fromJSDate(s.departureAt, { zone: s.departureTimeZone }).toFormat(
          "yyyy-MM-dd'T'HH:mm",
        ),
        departureTimeZone: s.departureTimeZone,
        departureUtc: s.departureAt.toISOString(),
      })),
    },
    // The itinerary and PNR of the travellers go only to partners every traveller consented to.
    {
      caseId: kase?.id ?? null,
      personalData: ['pnr', 'passengers', 'segments'],
      personIds: travellers.map(({ person }) => person.id),
    },
  );
}

/**
 * One SMS: for a case through the messaging module (which warns on the case when the number is
 * missing or the language has no wording); for a traveller without a case, straight to the outbox.
 */
async function sendSms(
  ctx: ServiceContext,
  input: {
    kase: CaseRow | null;
    personId: string;
    phone: string | null;
    language: string | null;
    kind: SmsTemplateKind;
    variables: Record<string, string>;
    idempotencyKey: string;
  },
): Promise<boolean> {
  const { kase, ...sms } = input;
  if (kase) return (await queueCaseSms(ctx, { caseId: kase.id, ...sms })).queued;
  if (!(await smsAllowed(ctx, sms.personId))) return false;
  const to = toValidE164(sms.phone);
  if (!to) return false;
  const overrides = await loadTemplateOverrides(ctx.tx, ctx.actor.missionId, sms.kind);
  const rendered = renderSmsTemplate(sms.kind, sms.language, sms.variables, overrides);
  await enqueueMessage(ctx, {
    channel: 'sms',
    kind: sms.kind,
    idempotencyKey: sms.idempotencyKey,
    caseId: null,
    payload: { to, text: rendered.text, language: rendered.language },
  });
  return true;
}
