import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { badRequest, unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import { createCase } from '../cases/create-case.js';
import { cases } from '../cases/schema.js';
import { createPerson } from '../persons/create-person.js';
import { findDuplicatePersons } from '../persons/find-duplicate-persons.js';
import { loadPartner } from './load-partner.js';
import type { CreateReferral, ReferralPerson } from './partner-schemas.js';
import { type PartnerRow, referrals } from './schema.js';

/** A duplicate candidate at least this likely, with the same date of birth, is taken as the same person. */
export const SAME_PERSON_SCORE = 0.75;

/** Who referred and where the case opens: what the policy decides on before anything is written. */
export interface ReferralTarget {
  partner: PartnerRow;
  partnerId: string;
  officeId: string;
}

/** Works out the referring partner (the API key's, or the one a staff member names) and the office. */
export async function resolveReferralTarget(
  ctx: ServiceContext,
  input: Pick<CreateReferral, 'partnerId' | 'officeId'>,
): Promise<ReferralTarget> {
  const partnerId = ctx.actor.partner?.partnerId ?? input.partnerId;
  if (!partnerId)
    throw badRequest('Name the referring partner.', [{ path: 'body.partnerId', message: 'is required' }]);
  const partner = await loadPartner(ctx.tx, ctx.actor.missionId, partnerId);
  if (!partner.active) throw unprocessable('The partner is not active.');
  return { partner, partnerId, officeId: input.officeId ?? partner.defaultOfficeId };
}

/**
 * Registers a referral: matches or registers each person (with the persons module's duplicate
 * check), opens an AVRR case in its first status for them, and tells subscribed partners. The
 * partner's reference makes it idempotent: the same reference again returns the first case.
 */
export async function createReferral(
  ctx: ServiceContext,
  target: ReferralTarget,
  input: CreateReferral,
  options: { importId?: string } = {},
) {
  const missionId = ctx.actor.missionId;
  // Two deliveries of the same referral at once must not both open a case.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`referral:${missionId}:${target.partnerId}:${input.partnerReference}`}, 0))`,
  );
  const existing = await findReferral(ctx.tx, missionId, target.partnerId, input.partnerReference);
  if (existing) return { referral: existing, created: false, persons: [] };

  const persons: { id: string; matchedExisting: boolean }[] = [];
  for (const person of input.persons) {
    const match = await findSamePerson(
      ctx,
      person,
      persons.map((p) => p.id),
    );
    persons.push(
      match
        ? { id: match, matchedExisting: true }
        : { id: (await createPerson(ctx, person)).id, matchedExisting: false },
    );
  }
  const kase = await createCase(ctx, {
    programme: 'avrr',
    personIds: persons.map((p) => p.id),
    officeId: target.officeId,
    referralSource: target.partner.referralSource,
    vulnerabilities: input.vulnerabilities,
  });
  const [referral] = await ctx.tx
    .insert(referrals)
    .values({
      missionId,
      id: newId(),
      partnerId: target.partnerId,
      partnerReference: input.partnerReference,
      caseId: kase.id,
      importId: options.importId ?? null,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
    })
    .returning();
  await appendCaseEvent(ctx, kase.id, 'referral_received', {
    partnerId: target.partnerId,
    partnerName: target.partner.name,
    partnerReference: input.partnerReference,
    matchedPersons: persons.filter((p) => p.matchedExisting).length,
  });
  await recordAudit(ctx, {
    action: 'referral.create',
    recordType: 'referral',
    recordId: referral!.id,
    after: referral,
  });
  await emitEvent(ctx, 'referral.accepted', {
    referralId: referral!.id,
    partnerId: target.partnerId,
    partnerReference: input.partnerReference,
    caseId: kase.id,
    reference: kase.reference,
    status: kase.status,
  });
  return {
    referral: {
      ...referral!,
      case: { id: kase.id, reference: kase.reference, status: kase.status, programme: kase.programme },
    },
    created: true,
    persons,
  };
}

/** A partner's referral by its own reference, with the case's current state. */
export async function findReferral(
  db: Executor,
  missionId: string,
  partnerId: string,
  partnerReference: string,
) {
  const [row] = await db
    .select({
      referral: referrals,
      case: { id: cases.id, reference: cases.reference, status: cases.status, programme: cases.programme },
    })
    .from(referrals)
    .innerJoin(cases, and(eq(cases.missionId, referrals.missionId), eq(cases.id, referrals.caseId)))
    .where(
      and(
        eq(referrals.missionId, missionId),
        eq(referrals.partnerId, partnerId),
        eq(referrals.partnerReference, partnerReference),
      ),
    );
  return row ? { ...row.referral, case: row.case } : null;
}

async function findSamePerson(
  ctx: ServiceContext,
  person: ReferralPerson,
  taken: string[],
): Promise<string | null> {
  const candidates = await findDuplicatePersons(ctx.tx, ctx.actor.missionId, person);
  const same = candidates.find(
    (c) =>
      c.score >= SAME_PERSON_SCORE && c.reasons.includes('date_of_birth') && !taken.includes(c.person.id),
  );
  return same?.person.id ?? null;
}
