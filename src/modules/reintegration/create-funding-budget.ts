import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { money, toAmount } from './money.js';
import type { CreateBudget, UpdateBudget } from './reintegration-schemas.js';
import { fundingBudgets } from './schema.js';

type BudgetRow = typeof fundingBudgets.$inferSelect;

/** A funding project's budget as the API sends it, with what is still free for new grants. */
export function presentBudget(row: BudgetRow) {
  return {
    id: row.id,
    projectCode: row.projectCode,
    name: row.name,
    currency: row.currency,
    amount: row.amount,
    committed: row.committed,
    remaining: toAmount(money(row.amount).minus(row.committed)),
    active: row.active,
  };
}

/** Sets the reintegration budget of a funding project (one per project code). */
export async function createFundingBudget(ctx: ServiceContext, input: CreateBudget) {
  const [row] = await ctx.tx
    .insert(fundingBudgets)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      projectCode: input.projectCode,
      name: input.name,
      currency: input.currency,
      amount: toAmount(money(input.amount)),
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`Funding project ${input.projectCode} already has a budget.`);
  await recordAudit(ctx, {
    action: 'funding_budget.create',
    recordType: 'funding_budget',
    recordId: row.id,
    after: { projectCode: row.projectCode, currency: row.currency, amount: row.amount },
  });
  return presentBudget(row);
}

/** The mission's funding project budgets, by project code. */
export async function listFundingBudgets(db: Executor, missionId: string) {
  const rows = await db
    .select()
    .from(fundingBudgets)
    .where(eq(fundingBudgets.missionId, missionId))
    .orderBy(asc(fundingBudgets.projectCode));
  return rows.map(presentBudget);
}

/**
 * Renames a budget, changes its amount (never below what grants have drawn on it) or retires it
 * (active false: its grants stay, it funds no new ones) or brings it back.
 */
export async function updateFundingBudget(ctx: ServiceContext, id: string, input: UpdateBudget) {
  const where = and(eq(fundingBudgets.missionId, ctx.actor.missionId), eq(fundingBudgets.id, id));
  const [before] = await ctx.tx.select().from(fundingBudgets).where(where).for('update');
  if (!before) throw notFound('Funding budget');
  const changes: Partial<BudgetRow> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  if (input.amount !== undefined) {
    const amount = money(input.amount);
    if (amount.lessThan(before.committed))
      throw conflict(
        `Grants have drawn ${before.committed} ${before.currency} on ${before.projectCode}: the budget cannot be less.`,
        { committed: before.committed },
      );
    changes.amount = toAmount(amount);
  }
  const [after] = await ctx.tx.update(fundingBudgets).set(changes).where(where).returning();
  await recordAudit(ctx, {
    action: 'funding_budget.update',
    recordType: 'funding_budget',
    recordId: id,
    before: { name: before.name, amount: before.amount, active: before.active },
    after: { name: after!.name, amount: after!.amount, active: after!.active },
  });
  return presentBudget(after!);
}
