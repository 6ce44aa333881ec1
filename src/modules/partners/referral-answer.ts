import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { consentedToPartner } from './sharing-consent.js';

/** One referred person as the answer shows it: who they are and whether an earlier record was matched. */
export type ReferralAnswerPerson = { id: string; matchedExisting: boolean } | { withheld: true };

/**
 * What the answer to a referral says about its persons. Staff see every person and whether an
 * existing record was matched. A partner's API key learns a person's id, and so whether the person
 * was already known to the mission, only when that person consented to sharing with that partner;
 * every other person, new or matched alike, is `{ withheld: true }`, so the shape of the answer
 * tells nothing either. Answering a partner is a transfer, audited as `transfer.partner`.
 */
export async function answerReferralPersons(
  ctx: ServiceContext,
  caseId: string,
  persons: { id: string; matchedExisting: boolean }[],
): Promise<ReferralAnswerPerson[]> {
  const partnerId = ctx.actor.partner?.partnerId;
  if (!partnerId || persons.length === 0) return persons;
  const answer: ReferralAnswerPerson[] = [];
  for (const person of persons) {
    answer.push((await consentedToPartner(ctx, person.id, partnerId)) ? person : { withheld: true });
  }
  const disclosed = answer.filter((person) => 'id' in person).length;
  await recordAudit(ctx, {
    action: 'transfer.partner',
    recordType: 'case',
    recordId: caseId,
    after: {
      channel: 'referral_answer',
      partnerId,
      personalData: disclosed > 0 ? ['persons'] : [],
      withheld: disclosed < persons.length ? ['persons'] : [],
      persons: { disclosed, withheld: persons.length - disclosed },
    },
  });
  return answer;
}
