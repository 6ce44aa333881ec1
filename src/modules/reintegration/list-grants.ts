import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseRow } from '../cases/load-case.js';
import { loadUserSummaries } from '../cases/present-activity.js';
import { offices } from '../organisation/schema.js';
import type { GrantRow } from './create-grant.js';
import { grantBalance } from './grant-ledger.js';
import { money, toAmount } from './money.js';
import type { Grant } from './reintegration-schemas.js';
import { fundingBudgets, grantDisbursements, partnerNgos, reintegrationGrants } from './schema.js';

/** A case's grants, oldest first, each with its balance and its ledger. */
export async function listGrants(db: Executor, kase: CaseRow, onlyGrantId?: string): Promise<Grant[]> {
  const missionId = kase.missionId;
  const rows = await db
    .select({ grant: reintegrationGrants, projectCode: fundingBudgets.projectCode, partner: partnerNgos })
    .from(reintegrationGrants)
    .innerJoin(
      fundingBudgets,
      and(
        eq(fundingBudgets.missionId, reintegrationGrants.missionId),
        eq(fundingBudgets.id, reintegrationGrants.budgetId),
      ),
    )
    .leftJoin(
      partnerNgos,
      and(
        eq(partnerNgos.missionId, reintegrationGrants.missionId),
        eq(partnerNgos.id, reintegrationGrants.partnerNgoId),
      ),
    )
    .where(
      and(
        eq(reintegrationGrants.missionId, missionId),
        eq(reintegrationGrants.caseId, kase.id),
        onlyGrantId ? eq(reintegrationGrants.id, onlyGrantId) : undefined,
      ),
    )
    .orderBy(asc(reintegrationGrants.createdAt), asc(reintegrationGrants.id));
  if (rows.length === 0) return [];
  const grantIds = rows.map((row) => row.grant.id);
  const lines = await db
    .select()
    .from(grantDisbursements)
    .where(and(eq(grantDisbursements.missionId, missionId), inArray(grantDisbursements.grantId, grantIds)))
    .orderBy(asc(grantDisbursements.recordedAt), asc(grantDisbursements.id));
  const officeRows = await db
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(eq(offices.missionId, missionId));
  const officeName = new Map(officeRows.map((office) => [office.id, office.name]));
  const people = await loadUserSummaries(db, missionId, [
    ...rows.map((row) => row.grant.createdBy),
    ...lines.map((line) => line.recordedBy),
  ]);
  return rows.map(({ grant, projectCode, partner }) => {
    const ledger = lines.filter((line) => line.grantId === grant.id);
    const disbursedEur = ledger.reduce((sum, line) => sum.plus(line.amountEur), money('0'));
    return {
      ...presentGrantFields(grant),
      partnerNgo: partner ? { id: partner.id, name: partner.name, active: partner.active } : null,
      fundingProject: projectCode,
      originOffice: { id: grant.originOfficeId, name: officeName.get(grant.originOfficeId) ?? '' },
      disbursedEur: toAmount(disbursedEur),
      createdBy: people.get(grant.createdBy) ?? null,
      ledger: ledger.map((line) => ({
        id: line.id,
        grantId: line.grantId,
        part: line.part,
        method: line.method,
        currency: line.currency,
        amount: line.amount,
        rateToEur: line.rateToEur,
        amountEur: line.amountEur,
        debit: line.debit,
        paidOn: line.paidOn,
        office: { id: line.officeId, name: officeName.get(line.officeId) ?? '' },
        receiptDocumentId: line.receiptDocumentId,
        recordedBy: people.get(line.recordedBy) ?? null,
        recordedAt: line.recordedAt.toISOString(),
      })),
    };
  });
}

function presentGrantFields(grant: GrantRow) {
  return {
    id: grant.id,
    caseId: grant.caseId,
    type: grant.type,
    currency: grant.currency,
    amount: grant.amount,
    cashAmount: grant.cashAmount,
    inKindAmount: toAmount(money(grant.amount).minus(grant.cashAmount)),
    disbursedCash: grant.disbursedCash,
    disbursedInKind: grant.disbursedInKind,
    ...grantBalance(grant),
    capsSource: grant.capsSource,
    note: grant.note,
    createdAt: grant.createdAt.toISOString(),
  };
}
