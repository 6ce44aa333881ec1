import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseGroupMembers } from '../cases/schema.js';
import { currentFactorSet } from '../emissions/factor-sets.js';
import { persons } from '../persons/schema.js';
import type { Itinerary } from './movements-schemas.js';
import { prepareSegments } from './prepare-segments.js';
import {
  type BookingRow,
  bookingEscorts,
  bookingPassengers,
  bookingSegments,
  bookings,
  type PassengerStatus,
  type SpecialNeed,
} from './schema.js';

/**
 * Who travels: by default everyone in the case group; a listed passenger must belong to the
 * group, and without a case must be a person of the mission.
 */
async function resolvePassengers(
  ctx: ServiceContext,
  kase: CaseRow | null,
  requested: Itinerary['passengers'],
): Promise<{ personId: string; specialNeeds: SpecialNeed[] }[]> {
  const missionId = ctx.actor.missionId;
  if (kase) {
    const members = await ctx.tx
      .select({ personId: caseGroupMembers.personId })
      .from(caseGroupMembers)
      .where(
        and(eq(caseGroupMembers.missionId, missionId), eq(caseGroupMembers.caseGroupId, kase.caseGroupId)),
      )
      .orderBy(asc(caseGroupMembers.position));
    if (!requested) return members.map((m) => ({ personId: m.personId, specialNeeds: [] }));
    const memberIds = new Set(members.map((m) => m.personId));
    const errors = requested
      .map((p, i) => ({ path: `body.passengers.${i}.personId`, ok: memberIds.has(p.personId) }))
      .filter((e) => !e.ok)
      .map((e) => ({ path: e.path, message: 'is not a person of this case' }));
    if (errors.length > 0)
      throw badRequest('Only the persons of the case can travel on its booking.', errors);
    return requested;
  }
  if (!requested || requested.length === 0) {
    throw badRequest('Name the passengers.', [
      { path: 'body.passengers', message: 'add at least one passenger' },
    ]);
  }
  const ids = requested.map((p) => p.personId);
  const known = await ctx.tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.missionId, missionId), inArray(persons.id, ids)));
  const knownIds = new Set(known.map((p) => p.id));
  const errors = requested
    .map((p, i) => ({ path: `body.passengers.${i}.personId`, ok: knownIds.has(p.personId) }))
    .filter((e) => !e.ok)
    .map((e) => ({ path: e.path, message: 'is not a registered person' }));
  if (errors.length > 0) throw badRequest('Some passengers are not registered.', errors);
  return requested;
}

/** Writes one booking version with its flights, passengers and escorts. */
export async function writeItinerary(
  ctx: ServiceContext,
  options: {
    kase: CaseRow | null;
    itinerary: Itinerary;
    kind: BookingRow['kind'];
    programme: string;
    lineage?: { lineageId: string; version: number; supersedesId: string };
    status: 'booked' | 'confirmed';
  },
): Promise<BookingRow> {
  const { itinerary } = options;
  const missionId = ctx.actor.missionId;
  const bookingId = newId();
  const passengers = await resolvePassengers(ctx, options.kase, itinerary.passengers);
  const factorSet = await currentFactorSet(ctx);
  const segments = await prepareSegments({ missionId, bookingId, segments: itinerary.segments, factorSet });
  const [booking] = await ctx.tx
    .insert(bookings)
    .values({
      missionId,
      id: bookingId,
      lineageId: options.lineage?.lineageId ?? bookingId,
      version: options.lineage?.version ?? 1,
      kind: options.kind,
      programme: options.programme,
      caseId: options.kase?.id ?? null,
      status: options.status,
      pnr: itinerary.pnr ?? null,
      baggageAllowance: itinerary.baggageAllowance ?? null,
      fitnessCheckKind: itinerary.fitnessCheck?.kind ?? null,
      fitnessCheckResult: itinerary.fitnessCheck?.result ?? null,
      fitnessCheckedOn: itinerary.fitnessCheck?.checkedOn ?? null,
      supersedesId: options.lineage?.supersedesId ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      confirmedAt: options.status === 'confirmed' ? ctx.now : null,
    })
    .returning();
  await ctx.tx.insert(bookingSegments).values(segments);
  const passengerStatus: PassengerStatus = options.status;
  await ctx.tx.insert(bookingPassengers).values(
    passengers.map((p, position) => ({
      missionId,
      id: newId(),
      bookingId,
      personId: p.personId,
      position,
      status: passengerStatus,
      specialNeeds: p.specialNeeds,
      statusChangedAt: ctx.now,
      statusChangedBy: ctx.actor.id,
    })),
  );
  if (itinerary.escorts.length > 0) {
    await ctx.tx.insert(bookingEscorts).values(
      itinerary.escorts.map((escort) => ({
        missionId,
        id: newId(),
        bookingId,
        kind: escort.kind,
        name: escort.name,
        organisation: escort.organisation ?? null,
      })),
    );
  }
  return booking!;
}
