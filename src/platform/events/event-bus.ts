import type { ServiceContext } from '../db/transaction.js';
import { newId } from '../ids.js';
import type { DomainEvent, DomainEventPayloads, DomainEventType } from './domain-events.js';

/** A subscriber's work for one event, run in the transaction that emitted it. */
export type EventHandler<T extends DomainEventType> = (
  ctx: ServiceContext,
  event: DomainEvent<T>,
) => Promise<void>;

type Subscription = { name: string; handler: EventHandler<DomainEventType> };

const subscriptions = new Map<DomainEventType, Subscription[]>();
let installed = false;

/**
 * Subscribes `handler` to events of `type`. Subscribers are registered once, in one place
 * (`src/event-subscribers.ts`), and run in the order of registration.
 */
export function subscribe<T extends DomainEventType>(type: T, name: string, handler: EventHandler<T>): void {
  const list = subscriptions.get(type) ?? [];
  if (list.some((s) => s.name === name))
    throw new Error(`Subscriber ${name} is already registered for ${type}`);
  list.push({ name, handler: handler as unknown as EventHandler<DomainEventType> });
  subscriptions.set(type, list);
}

/** Marks the subscribers as registered; `emitEvent` refuses to run before, so no consequence is lost. */
export function markSubscribersInstalled(): void {
  installed = true;
}

/** True once the subscribers have been registered in this process. */
export function subscribersInstalled(): boolean {
  return installed;
}

/** The names of the subscribers of an event type, in the order they run. */
export function subscribersOf(type: DomainEventType): string[] {
  return (subscriptions.get(type) ?? []).map((s) => s.name);
}

/**
 * Announces a domain event inside the caller's transaction: every subscriber runs now, in the same
 * transaction, so its outbox messages and follow-up work commit with the change or not at all.
 * The event happened at the context's `occurredAt` (a service given a past date sets it) or now.
 */
export async function emitEvent<T extends DomainEventType>(
  ctx: ServiceContext,
  type: T,
  payload: DomainEventPayloads[T],
  options: { missionId?: string } = {},
): Promise<DomainEvent<T>> {
  if (!installed) {
    throw new Error(
      `Domain event ${type} emitted before the subscribers were registered (registerEventSubscribers)`,
    );
  }
  const event: DomainEvent<T> = {
    id: newId(),
    type,
    missionId: options.missionId ?? ctx.actor.missionId,
    occurredAt: ctx.occurredAt ?? ctx.now,
    recordedAt: ctx.now,
    payload,
  };
  for (const subscription of subscriptions.get(type) ?? []) {
    await subscription.handler(ctx, event as unknown as DomainEvent<DomainEventType>);
  }
  return event;
}
