import { and, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { appendCaseEvent } from '../cases/case-events.js';
import { loadCaseForEvent } from '../cases/load-case.js';
import { offices } from '../organisation/schema.js';
import { publishEvent } from '../partners/publish-event.js';
import { bookingSegments, bookings } from './schema.js';

/**
 * Subscriber of `case.status_changed`: when a case has departed, the partners (the reception location
 * the person lived at among them) hear of it through the `case.departed` webhook, with the flight.
 */
export async function publishDepartureWebhook(
  ctx: ServiceContext,
  event: DomainEvent<'case.status_changed'>,
): Promise<void> {
  if (event.payload.to !== 'departed') return;
  const kase = await loadCaseForEvent(ctx.tx, event.missionId, event.payload.caseId);
  const [office] = await ctx.tx
    .select({ id: offices.id, name: offices.name, kind: offices.kind, city: offices.city })
    .from(offices)
    .where(and(eq(offices.missionId, kase.missionId), eq(offices.id, kase.officeId)));
  // The flight is the first segment of the case's confirmed departure booking.
  const [segment] = await ctx.tx
    .select({ segment: bookingSegments })
    .from(bookings)
    .innerJoin(
      bookingSegments,
      and(eq(bookingSegments.missionId, bookings.missionId), eq(bookingSegments.bookingId, bookings.id)),
    )
    .where(
      and(
        eq(bookings.missionId, kase.missionId),
        eq(bookings.caseId, kase.id),
        eq(bookings.kind, 'departure'),
        eq(bookings.status, 'confirmed'),
      ),
    )
    .orderBy(desc(bookings.version), bookingSegments.position)
    .limit(1);
  const flight = segment?.segment;
  const { eventId, deliveries } = await publishEvent(
    ctx,
    'case.departed',
    {
      caseId: kase.id,
      caseReference: kase.reference,
      departedAt: event.occurredAt.toISOString(),
      office: office ?? null,
      flight: flight ? `${flight.airline}${flight.flightNumber}` : null,
      from: flight?.departureAirport ?? null,
      to: flight?.arrivalAirport ?? null,
    },
    // Where the person lived and which flight they took go only to partners they consented to.
    { caseId: kase.id, personalData: ['office', 'flight', 'from', 'to'] },
  );
  await appendCaseEvent(ctx, kase.id, 'departure_published', { eventId, deliveries });
}
