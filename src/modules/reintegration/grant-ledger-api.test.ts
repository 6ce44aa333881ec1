import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { daysAgo } from '../../test-support/mission-days.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { eurCentsByIntegers } from './eur-cents-model.js';
import { givenBudget, givenGrant, givenPlan } from './reintegration-test-support.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  mission = await buildMission(t.database.db);
  await givenBudget(t, mission, 'PROPERTY', '999999999.00');
});
afterAll(async () => {
  await t.close();
});

const centsText = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
const cents = (text: string) => BigInt(text.replace('.', ''));

const attemptArb = fc.record({
  inKind: fc.boolean(),
  currency: fc.constantFrom('EUR', 'IQD', 'USD'),
  amountCents: fc.integer({ min: 1, max: 120_000 }),
  microRate: fc.integer({ min: 1, max: 2_000_000 }),
});

describe('grant ledger through the API', () => {
  it('keeps balance = grant − sum of EUR disbursements and refuses every overdraft with 422', async () => {
    const officer = await t.as(mission.users.reintegration);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 300_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.array(attemptArb, { minLength: 1, maxLength: 8 }),
        async (totalCents, cashCents, attempts) => {
          const total = BigInt(totalCents);
          const cash = BigInt(Math.min(cashCents, totalCents));
          const kase = await buildCase(t.database.db, { mission });
          await givenPlan(t, mission, kase);
          const grant = await givenGrant(t, mission, kase, {
            type: 'medical',
            fundingProject: 'PROPERTY',
            amount: centsText(total),
            cashAmount: centsText(cash),
          });
          const url = `/api/v1/cases/${kase.id}/grants/${grant.id}/disbursements`;
          let paidCash = 0n;
          let paidInKind = 0n;
          for (const a of attempts) {
            const amount = centsText(BigInt(a.amountCents));
            const rate =
              a.currency === 'EUR'
                ? '1'
                : `${Math.floor(a.microRate / 1e6)}.${String(a.microRate % 1e6).padStart(6, '0')}`;
            const response = await officer.post(url, {
              part: a.inKind ? 'in_kind' : 'cash_at_departure',
              method: a.inKind ? 'voucher' : 'cash',
              currency: a.currency,
              amount,
              rateToEur: rate,
              paidOn: daysAgo(0),
            });
            const eur = eurCentsByIntegers(amount, rate);
            const left = a.inKind ? total - cash - paidInKind : cash - paidCash;
            if (eur > 0n && eur <= left) {
              expect(response.statusCode, response.body).toBe(201);
              expect(response.json().disbursement.amountEur).toBe(centsText(eur));
              if (a.inKind) paidInKind += eur;
              else paidCash += eur;
            } else {
              expect(response.statusCode, response.body).toBe(422);
            }
          }
          const [listed] = (await officer.get(`/api/v1/cases/${kase.id}/grants`)).json().items;
          const ledgerEur = listed.ledger.reduce(
            (sum: bigint, line: { amountEur: string }) => sum + cents(line.amountEur),
            0n,
          );
          expect(ledgerEur).toBe(paidCash + paidInKind);
          expect(cents(listed.balance)).toBe(total - ledgerEur);
          expect(cents(listed.balance) >= 0n).toBe(true);
          // The stored totals agree with the ledger lines themselves.
          const [stored] = await selectRows<{ paid: string; lines: string }>(
            t.database.db,
            sql`select (g.disbursed_cash + g.disbursed_in_kind)::text as paid,
                       coalesce((select sum(d.amount_eur) from grant_disbursements d
                                 where d.mission_id = g.mission_id and d.grant_id = g.id), 0)::text as lines
                from reintegration_grants g where g.mission_id = ${mission.missionId} and g.id = ${grant.id}`,
          );
          expect(cents(Number(stored!.paid).toFixed(2))).toBe(paidCash + paidInKind);
          expect(stored!.lines === '0' ? 0n : cents(stored!.lines)).toBe(paidCash + paidInKind);
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);
});
