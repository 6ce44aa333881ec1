/**
 * The domain events of Passage: one typed list of the facts services announce in the transaction
 * of the change. Subscribers (registered in one place, `src/event-subscribers.ts`) turn them into
 * outbox messages (webhooks, SMS, e-mail), follow-up work and seeding. The payloads are plain data,
 * so the platform needs no module's types; a subscriber loads whatever else it needs.
 */
export interface DomainEventPayloads {
  /** A mission was created: modules seed their lists for it. */
  'mission.created': { missionId: string };
  /**
   * A user was added, or an administrator sent them a new password link: they get the one-time
   * link by e-mail, in their language. The link exists only in this event and the e-mail.
   */
  'user.invited': {
    userId: string;
    email: string;
    displayName: string;
    locale: string;
    link: string;
    expiresAt: string;
  };
  'user.password_reset': {
    userId: string;
    email: string;
    displayName: string;
    locale: string;
    link: string;
    expiresAt: string;
  };
  /** A case was opened (by a counsellor, a referral, an import). */
  'case.created': {
    caseId: string;
    reference: string;
    programme: string;
    status: string;
    vulnerabilities: string[];
  };
  /** A case's details changed; `fields` names them. */
  'case.updated': { caseId: string; reference: string; fields: string[] };
  /** A case moved along its workflow. */
  'case.status_changed': {
    caseId: string;
    reference: string;
    programme: string;
    transition: string;
    from: string;
    to: string;
    reason: string | null;
  };
  /** A task of a case was completed or reopened. */
  'case.task_changed': { caseId: string; taskId: string; done: boolean };
  /** A partner's referral was accepted and made a case. */
  'referral.accepted': {
    referralId: string;
    partnerId: string;
    partnerReference: string;
    caseId: string;
    reference: string;
    status: string;
  };
  /** A booking was confirmed, changed (rebooked) or cancelled. */
  'booking.confirmed': { bookingId: string; caseId: string | null };
  'booking.changed': { bookingId: string; caseId: string | null };
  'booking.cancelled': { bookingId: string; caseId: string | null };
  /** A passenger's status at the airport changed (checked in, departed, no-show, arrived). */
  'passenger.status_changed': {
    bookingId: string;
    passengerId: string;
    personId: string;
    caseId: string | null;
    from: string;
    to: string;
  };
}

export type DomainEventType = keyof DomainEventPayloads;

/** Every domain event type, for tests and the documentation. */
export const domainEventTypes = [
  'mission.created',
  'user.invited',
  'user.password_reset',
  'case.created',
  'case.updated',
  'case.status_changed',
  'case.task_changed',
  'referral.accepted',
  'booking.confirmed',
  'booking.changed',
  'booking.cancelled',
  'passenger.status_changed',
] as const satisfies readonly DomainEventType[];

/** A domain event as subscribers receive it. */
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  missionId: string;
  /** When the fact happened (a past date may be entered). */
  occurredAt: Date;
  /** When it was entered. */
  recordedAt: Date;
  payload: DomainEventPayloads[T];
}
