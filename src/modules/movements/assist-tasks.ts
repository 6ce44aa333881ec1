import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { type AssistTaskKind, assistTasks, type BookingSegmentRow, bookingSegments } from './schema.js';

/** A meet-and-assist task an itinerary calls for, at an airport on a local date. */
export interface PlannedTask {
  airport: string;
  localDate: string;
  kind: AssistTaskKind;
}

type SegmentPlace = Pick<
  BookingSegmentRow,
  'position' | 'departureAirport' | 'departureLocalDate' | 'arrivalAirport' | 'arrivalLocalDate'
>;

/**
 * The tasks of an itinerary: help at check-in and with exit formalities where the journey starts,
 * help with each connection, and the handover where it ends.
 */
export function planAssistTasks(segments: readonly SegmentPlace[]): PlannedTask[] {
  const ordered = [...segments].sort((a, b) => a.position - b.position);
  if (ordered.length === 0) return [];
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const tasks: PlannedTask[] = [
    { airport: first.departureAirport, localDate: first.departureLocalDate, kind: 'check_in_help' },
    { airport: first.departureAirport, localDate: first.departureLocalDate, kind: 'exit_formalities' },
  ];
  for (let i = 1; i < ordered.length; i++) {
    const inbound = ordered[i - 1]!;
    tasks.push({ airport: inbound.arrivalAirport, localDate: inbound.arrivalLocalDate, kind: 'connection' });
  }
  tasks.push({ airport: last.arrivalAirport, localDate: last.arrivalLocalDate, kind: 'handover' });
  return tasks;
}

/** Writes the meet-and-assist tasks of a confirmed booking. */
export async function createAssistTasks(ctx: ServiceContext, bookingId: string): Promise<void> {
  const segments = await ctx.tx
    .select()
    .from(bookingSegments)
    .where(and(eq(bookingSegments.missionId, ctx.actor.missionId), eq(bookingSegments.bookingId, bookingId)))
    .orderBy(asc(bookingSegments.position));
  const planned = planAssistTasks(segments);
  if (planned.length === 0) return;
  await ctx.tx
    .insert(assistTasks)
    .values(
      planned.map((task) => ({
        missionId: ctx.actor.missionId,
        id: newId(),
        bookingId,
        ...task,
        createdAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
}
