import type { Executor } from '../../platform/db/database.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { loadActor } from '../organisation/load-actor.js';
import { createPartner } from '../partners/create-partner.js';
import { createFundingBudget } from '../reintegration/create-funding-budget.js';
import { createEmbassy } from '../travel-documents/save-embassy.js';
import { demoCountries } from './demo-caseload-plan.js';

/** The demo mission's reintegration budgets: what a new user's first grant draws on. */
export const demoBudgets = [
  { projectCode: 'AVRR-NL', name: 'Return and reintegration (Netherlands)', amount: '2500000.00' },
  { projectCode: 'MEDICAL-NL', name: 'Medical reintegration support', amount: '250000.00' },
];

/**
 * Gives the demo mission what a new user needs to work a case through: an embassy for every
 * nationality of the caseload (travel documents), funding budgets (grants) and the two referring
 * partners (referral imports). Made through the same services as the API, as the administrator.
 */
export async function seedDemoDirectory(
  db: Executor,
  organisation: { users: { key: string; id: string }[]; offices: { id: string; name: string }[] },
): Promise<{ embassies: number; budgets: number; partners: number }> {
  const adminRef = organisation.users.find((user) => user.key === 'admin');
  const admin = adminRef ? await loadActor(db, adminRef.id) : null;
  if (!admin) throw new Error('The demo administrator is missing');
  const office = (name: string) => organisation.offices.find((o) => o.name === name)!.id;
  const countries = [...new Set(demoCountries)].sort();
  return withSystemTransaction(db, admin, async (ctx) => {
    for (const country of countries)
      await createEmbassy(ctx, { country, kind: 'embassy', city: 'The Hague', reminderDays: null });
    for (const budget of demoBudgets) await createFundingBudget(ctx, { ...budget, currency: 'EUR' });
    await createPartner(ctx, {
      name: 'Dienst Terugkeer en Vertrek (DT&V)',
      kind: 'return_service',
      referralSource: 'return_service',
      defaultOfficeId: office('The Hague office'),
    });
    await createPartner(ctx, {
      name: 'Centraal Orgaan opvang asielzoekers (COA)',
      kind: 'reception_agency',
      referralSource: 'reception_agency',
      defaultOfficeId: office('Ter Apel reception centre'),
    });
    return { embassies: countries.length, budgets: demoBudgets.length, partners: 2 };
  });
}
