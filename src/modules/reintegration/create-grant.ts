import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { type FieldError, unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { datedContext, toInstant } from '../../platform/time/fact-date.js';
import { appendCaseEvent, caseRegisteredAt } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { GrantCaps } from './grant-caps.js';
import type { PlanRow } from './load-reintegration-case.js';
import { money, toAmount } from './money.js';
import type { CreateGrant } from './reintegration-schemas.js';
import { fundingBudgets, partnerNgos, reintegrationGrants } from './schema.js';

export type GrantRow = typeof reintegrationGrants.$inferSelect;

function refuse(detail: string, path: string, message: string, extra?: Record<string, unknown>): never {
  throw unprocessable(detail, extra, [{ path, message }] satisfies FieldError[]);
}

/** Checks a grant's amounts against the caps in force; throws 422 naming the field over its cap. */
export function checkGrantCaps(
  input: Pick<CreateGrant, 'currency' | 'amount' | 'cashAmount'>,
  caps: GrantCaps,
): void {
  const cash = money(input.cashAmount);
  if (cash.greaterThan(money(input.amount))) {
    refuse('The cash part cannot exceed the grant.', 'body.cashAmount', 'More than the grant amount');
  }
  const capped = !cash.isZero() || caps.total !== null;
  if (capped && input.currency !== caps.currency) {
    refuse(
      `The caps are in ${caps.currency}: a capped grant is given in ${caps.currency}.`,
      'body.currency',
      `Use ${caps.currency}`,
    );
  }
  if (!cash.isZero() && (caps.cashPart === null || cash.greaterThan(money(caps.cashPart)))) {
    refuse(
      `At most ${caps.cashPart ?? '0.00'} ${caps.currency} is paid in cash at departure.`,
      'body.cashAmount',
      'Over the cash cap',
      { cap: caps.cashPart, capsSource: caps.source },
    );
  }
  if (caps.total !== null && money(input.amount).greaterThan(money(caps.total))) {
    refuse(`A grant of this type is at most ${caps.total} ${caps.currency}.`, 'body.amount', 'Over the cap', {
      cap: caps.total,
      capsSource: caps.source,
    });
  }
}

/**
 * Grants reintegration support drawn on a funding project's budget. The budget row is locked so
 * two grants made at once cannot together exceed it; the CHECK on funding_budgets backs this up.
 */
export async function createGrant(
  entry: ServiceContext,
  options: { kase: CaseRow; plan: PlanRow | null; input: CreateGrant; caps: GrantCaps },
): Promise<GrantRow> {
  const { kase, plan, input, caps } = options;
  const grantId = newId();
  const ctx = await datedContext(entry, {
    path: 'body.occurredAt',
    occurredAt: toInstant(input.occurredAt),
    after: [await caseRegisteredAt(entry, kase)],
    record: { type: 'reintegration_grant', id: grantId },
  });
  if (!plan) refuse('Draft the reintegration plan before granting support.', 'body', 'The case has no plan');
  checkGrantCaps(input, caps);
  const missionId = kase.missionId;
  if (input.partnerNgoId) {
    const [partner] = await ctx.tx
      .select({ active: partnerNgos.active })
      .from(partnerNgos)
      .where(and(eq(partnerNgos.missionId, missionId), eq(partnerNgos.id, input.partnerNgoId)));
    if (!partner?.active) refuse('No such active partner NGO.', 'body.partnerNgoId', 'Unknown partner NGO');
  }
  const [budget] = await ctx.tx
    .select()
    .from(fundingBudgets)
    .where(and(eq(fundingBudgets.missionId, missionId), eq(fundingBudgets.projectCode, input.fundingProject)))
    .for('update');
  if (!budget)
    refuse('The funding project has no budget.', 'body.fundingProject', 'No budget for this project');
  if (!budget!.active)
    refuse(
      `The budget of ${budget!.projectCode} is retired: it funds no new grants.`,
      'body.fundingProject',
      'Budget retired',
    );
  if (budget!.currency !== input.currency) {
    refuse(
      `The budget of ${budget!.projectCode} is in ${budget!.currency}.`,
      'body.currency',
      `Use ${budget!.currency}`,
    );
  }
  const amount = money(input.amount);
  const remaining = money(budget!.amount).minus(budget!.committed);
  if (amount.greaterThan(remaining)) {
    refuse(
      `Only ${toAmount(remaining)} ${budget!.currency} of ${budget!.projectCode} is left.`,
      'body.amount',
      'Over the remaining budget',
      { remaining: toAmount(remaining), currency: budget!.currency },
    );
  }
  await ctx.tx
    .update(fundingBudgets)
    .set({ committed: sql`${fundingBudgets.committed} + ${toAmount(amount)}::numeric` })
    .where(and(eq(fundingBudgets.missionId, missionId), eq(fundingBudgets.id, budget!.id)));
  const [row] = await ctx.tx
    .insert(reintegrationGrants)
    .values({
      missionId,
      id: grantId,
      caseId: kase.id,
      type: input.type,
      partnerNgoId: input.partnerNgoId ?? null,
      budgetId: budget!.id,
      originOfficeId: plan!.originOfficeId,
      currency: input.currency,
      amount: toAmount(amount),
      cashAmount: toAmount(money(input.cashAmount)),
      capsSource: caps.source,
      note: input.note ?? null,
      createdBy: ctx.actor.id,
      // When the grant was made: the day it counts on in the figures (entered: the audit entry's time).
      createdAt: ctx.occurredAt ?? ctx.now,
    })
    .returning();
  const grant = row!;
  const summary = {
    type: grant.type,
    currency: grant.currency,
    amount: grant.amount,
    cashAmount: grant.cashAmount,
  };
  await recordAudit(ctx, {
    action: 'grant.create',
    recordType: 'reintegration_grant',
    recordId: grant.id,
    after: {
      ...summary,
      fundingProject: budget!.projectCode,
      partnerNgoId: grant.partnerNgoId,
      capsSource: caps.source,
    },
  });
  await appendCaseEvent(ctx, kase.id, 'grant_created', { grantId: grant.id, ...summary });
  return grant;
}
