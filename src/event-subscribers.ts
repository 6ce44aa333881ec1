// The one place where Passage says what follows from each domain event: the services announce
// their changes (`emitEvent`), and these subscribers, run in the same transaction, turn them into
// outbox messages (webhooks, SMS, e-mail), follow-up work and the lists a new mission starts with.

import { hasConsent } from './modules/consent/consent-state.js';
import { seedMissionPolicy } from './modules/eligibility/policy-store.js';
import { seedSustainabilityWeights } from './modules/monitoring/sustainability-weights.js';
import { notifyBookingChange } from './modules/movements/booking-notifications.js';
import { publishDepartureWebhook } from './modules/movements/departure-webhook.js';
import { cancelBookingsOfWithdrawnCase } from './modules/movements/withdrawn-case-bookings.js';
import { publishCaseStatusWebhooks, publishReferralAccepted } from './modules/partners/case-webhooks.js';
import { installSharingConsentCheck } from './modules/partners/sharing-consent.js';
import { seedPartnerNgos } from './modules/reintegration/partner-ngos.js';
import { sendPasswordLinkEmail } from './modules/users/password-link-email.js';
import {
  startProceduresOfNewCase,
  syncProceduresOfChangedCase,
  syncStepOfChangedTask,
} from './modules/vulnerability/vulnerability-subscribers.js';
import { markSubscribersInstalled, subscribe, subscribersInstalled } from './platform/events/event-bus.js';

/** Registers every subscriber once per process; the application and the scripts call it before any work. */
export function registerEventSubscribers(): void {
  if (subscribersInstalled()) return;

  // Partners' webhooks carry personal data only with the person's consent to sharing with them.
  installSharingConsentCheck((db, query) => hasConsent(db, { ...query, purpose: 'partner_sharing' }));

  // A new mission: each module seeds its own lists.
  subscribe('mission.created', 'eligibility.seed-policy', (ctx, e) =>
    seedMissionPolicy(ctx.tx, e.payload.missionId),
  );
  subscribe('mission.created', 'reintegration.seed-partner-ngos', (ctx, e) =>
    seedPartnerNgos(ctx.tx, e.payload.missionId),
  );
  subscribe('mission.created', 'monitoring.seed-weights', (ctx, e) =>
    seedSustainabilityWeights(ctx.tx, e.payload.missionId),
  );

  // Users get their one-time set-password links by e-mail.
  subscribe('user.invited', 'users.password-link-email', sendPasswordLinkEmail);
  subscribe('user.password_reset', 'users.password-link-email', sendPasswordLinkEmail);

  // Cases: the vulnerability procedures follow the case's categories and tasks.
  subscribe('case.created', 'vulnerability.start-procedures', startProceduresOfNewCase);
  subscribe('case.updated', 'vulnerability.sync-procedures', syncProceduresOfChangedCase);
  subscribe('case.task_changed', 'vulnerability.sync-step', syncStepOfChangedTask);

  // Partners hear of status changes, withdrawals, departures and accepted referrals.
  subscribe('case.status_changed', 'partners.case-webhooks', publishCaseStatusWebhooks);
  subscribe('case.status_changed', 'movements.departure-webhook', publishDepartureWebhook);
  // A withdrawn case's bookings are cancelled with it.
  subscribe('case.status_changed', 'movements.cancel-withdrawn-bookings', cancelBookingsOfWithdrawnCase);
  subscribe('referral.accepted', 'partners.referral-webhook', publishReferralAccepted);

  // Travellers (SMS) and partners (webhooks) hear of their bookings.
  subscribe('booking.confirmed', 'movements.booking-notifications', notifyBookingChange);
  subscribe('booking.changed', 'movements.booking-notifications', notifyBookingChange);
  subscribe('booking.cancelled', 'movements.booking-notifications', notifyBookingChange);

  markSubscribersInstalled();
}
