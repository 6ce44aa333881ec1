import type { ServiceContext } from '../../platform/db/transaction.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { publishEvent } from './publish-event.js';

/**
 * Every status change of a case goes to the partners subscribed to `case.status_changed`, and a
 * withdrawal also to those subscribed to `case.withdrawn` (the return service stops its own file).
 * Ids and statuses go to every subscriber; the withdrawal's reason only with the persons' consent.
 */
export async function publishCaseStatusWebhooks(
  ctx: ServiceContext,
  event: DomainEvent<'case.status_changed'>,
): Promise<void> {
  const { caseId, reference, programme, transition, from, to, reason } = event.payload;
  const occurredAt = event.occurredAt.toISOString();
  await publishEvent(
    ctx,
    'case.status_changed',
    { caseId, caseReference: reference, programme, transition, from, to, occurredAt },
    { caseId },
  );
  if (to === 'withdrawn') {
    await publishEvent(
      ctx,
      'case.withdrawn',
      { caseId, caseReference: reference, programme, from, reason, withdrawnAt: occurredAt },
      // The person's reason for withdrawing is theirs: it goes only to partners they consented to.
      { caseId, personalData: ['reason'] },
    );
  }
}

/** The partner whose referral became a case hears that it was accepted, with the case's reference. */
export async function publishReferralAccepted(
  ctx: ServiceContext,
  event: DomainEvent<'referral.accepted'>,
): Promise<void> {
  const { caseId, reference, status, partnerReference } = event.payload;
  await publishEvent(
    ctx,
    'referral.accepted',
    { caseId, caseReference: reference, status, partnerReference },
    { caseId },
  );
}
