import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound, unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { datedContext, instantOfDate, startOfLocalDay } from '../../platform/time/fact-date.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseDocuments } from '../cases/schema.js';
import type { GrantRow } from './create-grant.js';
import { grantBalance, planDisbursement } from './grant-ledger.js';
import { money, toAmount } from './money.js';
import type { RecordDisbursement } from './reintegration-schemas.js';
import { grantDisbursements, reintegrationGrants } from './schema.js';

export type DisbursementRow = typeof grantDisbursements.$inferSelect;

/** Loads a grant of a case and locks its row: every ledger line of a grant is written one at a time. */
export async function lockGrant(ctx: ServiceContext, kase: CaseRow, grantId: string): Promise<GrantRow> {
  const [grant] = await ctx.tx
    .select()
    .from(reintegrationGrants)
    .where(
      and(
        eq(reintegrationGrants.missionId, kase.missionId),
        eq(reintegrationGrants.caseId, kase.id),
        eq(reintegrationGrants.id, grantId),
      ),
    )
    .for('update');
  if (!grant) throw notFound('Grant');
  return grant;
}

/**
 * Appends a payment to a grant's ledger. The caller holds the grant's row lock (lockGrant), so the
 * balance read here cannot change before the new totals are written; the CHECKs on the grant row
 * refuse an overdraft even if that lock were ever forgotten.
 */
export async function recordDisbursement(
  entry: ServiceContext,
  options: { kase: CaseRow; grant: GrantRow; input: RecordDisbursement },
): Promise<DisbursementRow> {
  const { kase, grant, input } = options;
  const ctx = await datedContext(entry, {
    path: 'body.paidOn',
    occurredAt: instantOfDate(entry.actor, input.paidOn, entry.now),
    after: [
      {
        at: startOfLocalDay(
          localDate(grant.createdAt, entry.actor.mission.timeZone),
          entry.actor.mission.timeZone,
        ),
        what: 'the day the grant was made',
      },
    ],
    record: { type: 'reintegration_grant', id: grant.id },
  });
  const outcome = planDisbursement(grant, input);
  if (!outcome.ok) {
    throw unprocessable(
      outcome.detail,
      { code: outcome.code, currency: grant.currency, ...grantBalance(grant) },
      [{ path: outcome.path, message: outcome.detail }],
    );
  }
  if (input.receiptDocumentId) {
    const [document] = await ctx.tx
      .select({ id: caseDocuments.id })
      .from(caseDocuments)
      .where(
        and(
          eq(caseDocuments.missionId, kase.missionId),
          eq(caseDocuments.caseId, kase.id),
          eq(caseDocuments.id, input.receiptDocumentId),
        ),
      );
    if (!document) {
      throw unprocessable('The receipt must be a document of this case.', undefined, [
        { path: 'body.receiptDocumentId', message: 'Not a document of this case' },
      ]);
    }
  }
  await ctx.tx
    .update(reintegrationGrants)
    .set(outcome.next)
    .where(and(eq(reintegrationGrants.missionId, grant.missionId), eq(reintegrationGrants.id, grant.id)));
  const [row] = await ctx.tx
    .insert(grantDisbursements)
    .values({
      missionId: grant.missionId,
      id: newId(),
      grantId: grant.id,
      caseId: kase.id,
      part: input.part,
      method: input.method,
      currency: input.currency,
      amount: toAmount(money(input.amount)),
      rateToEur: money(input.rateToEur).toFixed(6),
      amountEur: outcome.amountEur,
      debit: outcome.debit,
      paidOn: input.paidOn,
      officeId: grant.originOfficeId,
      receiptDocumentId: input.receiptDocumentId ?? null,
      recordedBy: ctx.actor.id,
      recordedAt: ctx.now,
    })
    .returning();
  const line = row!;
  const summary = {
    grantId: grant.id,
    part: line.part,
    method: line.method,
    currency: line.currency,
    amount: line.amount,
    amountEur: line.amountEur,
  };
  await recordAudit(ctx, {
    action: 'grant.disburse',
    recordType: 'grant_disbursement',
    recordId: line.id,
    before: { disbursedCash: grant.disbursedCash, disbursedInKind: grant.disbursedInKind },
    after: { ...summary, rateToEur: line.rateToEur, debit: line.debit, ...outcome.next },
  });
  await appendCaseEvent(ctx, kase.id, 'grant_disbursed', summary);
  return line;
}
