/**
 * The events partners may subscribe to. Modules publish them with publishEvent() in the
 * transaction of the change; add a name here before publishing a new one.
 */
export const webhookEvents = [
  'referral.accepted',
  'case.status_changed',
  'case.departed',
  'case.withdrawn',
  'booking.confirmed',
  'booking.cancelled',
  'booking.changed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
