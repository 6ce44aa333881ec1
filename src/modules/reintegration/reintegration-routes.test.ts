import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { daysAgo } from '../../test-support/mission-days.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { caseDocuments } from '../cases/schema.js';
import { givenBudget, givenGrant, givenPlan } from './reintegration-test-support.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

const events = (caseId: string) =>
  selectRows<{ kind: string; data: Record<string, unknown> }>(
    t.database.db,
    sql`select kind, data from case_events where mission_id = ${mission.missionId} and case_id = ${caseId} order by occurred_at, id`,
  );
const audit = (action: string) =>
  selectRows<{ record_id: string; actor_id: string; after: Record<string, unknown> }>(
    t.database.db,
    sql`select record_id, actor_id, after from audit_log where mission_id = ${mission.missionId} and action = ${action} order by at, id`,
  );

/** The database's own message for a refused statement (Drizzle wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  return 'not refused';
}

const inKind = (amount: string, extra: Record<string, unknown> = {}) => ({
  part: 'in_kind',
  method: 'in_kind',
  currency: 'EUR',
  amount,
  rateToEur: '1',
  paidOn: daysAgo(0),
  ...extra,
});

describe('reintegration plan', () => {
  it('is drafted in the host country, finalised and then revised by the origin office', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const counsellor = await t.as(mission.users.counsellor);
    const officer = await t.as(mission.users.reintegration);

    const draft = await counsellor.put(`/api/v1/cases/${kase.id}/reintegration-plan`, {
      supportKinds: ['business', 'education_training'],
      description: 'Bakery with a training course',
      originOfficeId: mission.offices.erbil.id,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().plan).toMatchObject({
      status: 'draft',
      version: 1,
      supportKinds: ['business', 'education_training'],
      originOffice: { id: mission.offices.erbil.id, name: 'Erbil office' },
      draftedBy: { id: mission.users.counsellor.id },
      finalisedBy: null,
    });
    expect(draft.json().policies).toMatchObject({ draftPlan: true, finalisePlan: false, createGrant: true });

    // The Erbil officer cannot see the Hague case itself, but does see its reintegration plan.
    expect((await officer.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
    const seen = await officer.get(`/api/v1/cases/${kase.id}/reintegration-plan`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().policies).toMatchObject({ draftPlan: false, finalisePlan: true, disburse: true });

    expect(
      (await counsellor.post(`/api/v1/cases/${kase.id}/reintegration-plan/finalise`, { version: 1 }))
        .statusCode,
    ).toBe(403);
    const finalised = await officer.post(`/api/v1/cases/${kase.id}/reintegration-plan/finalise`, {
      version: 1,
    });
    expect(finalised.statusCode).toBe(200);
    expect(finalised.json().plan).toMatchObject({
      status: 'finalised',
      version: 2,
      finalisedBy: { id: mission.users.reintegration.id },
    });

    const change = {
      supportKinds: ['housing'],
      description: 'Rent support instead',
      originOfficeId: mission.offices.erbil.id,
      version: 2,
    };
    expect((await counsellor.put(`/api/v1/cases/${kase.id}/reintegration-plan`, change)).statusCode).toBe(
      403,
    );
    const stale = await officer.put(`/api/v1/cases/${kase.id}/reintegration-plan`, { ...change, version: 1 });
    expect(stale.statusCode).toBe(409);
    const revised = await officer.put(`/api/v1/cases/${kase.id}/reintegration-plan`, change);
    expect(revised.statusCode).toBe(200);
    expect(revised.json().plan).toMatchObject({
      status: 'revised',
      version: 3,
      supportKinds: ['housing'],
      revisedBy: { id: mission.users.reintegration.id },
    });

    expect((await events(kase.id)).map((e) => e.kind)).toEqual([
      'reintegration_plan_drafted',
      'reintegration_plan_finalised',
      'reintegration_plan_revised',
    ]);
    expect((await audit('reintegration_plan.revise'))[0]).toMatchObject({
      actor_id: mission.users.reintegration.id,
    });
  });

  it('refuses a plan followed up by a host-country office, naming the field', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const counsellor = await t.as(mission.users.counsellor);
    const response = await counsellor.put(`/api/v1/cases/${kase.id}/reintegration-plan`, {
      supportKinds: ['other'],
      description: 'x',
      originOfficeId: mission.offices.hague.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.originOfficeId' })]);
  });
});

describe('grants and budgets', () => {
  it('seeds the partner NGOs of a new mission', async () => {
    const client = await t.as(mission.users.counsellor);
    const response = await client.get('/api/v1/partner-ngos');
    expect(response.json().items.map((p: { name: string }) => p.name)).toEqual([
      'Stichting Goedwerk',
      'Stichting ROS',
      'Stichting Wereldwijd',
      'Vluchtelingenwerk Nederland',
    ]);
  });

  it('draws grants on the project budget and refuses one that exceeds what is left', async () => {
    const kase = await buildCase(t.database.db, { mission });
    await givenBudget(t, mission, 'AMIF-2026', '2000.00');
    await givenPlan(t, mission, kase);
    const grant = await givenGrant(t, mission, kase, {
      fundingProject: 'AMIF-2026',
      amount: '1800',
      cashAmount: '300',
    });
    expect(grant).toMatchObject({
      type: 'economic',
      fundingProject: 'AMIF-2026',
      currency: 'EUR',
      amount: '1800.00',
      cashAmount: '300.00',
      inKindAmount: '1500.00',
      balance: '1800.00',
      originOffice: { id: mission.offices.erbil.id },
      ledger: [],
    });
    const counsellor = await t.as(mission.users.counsellor);
    const over = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
      type: 'medical',
      fundingProject: 'AMIF-2026',
      currency: 'EUR',
      amount: '200.01',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ remaining: '200.00', errors: [{ path: 'body.amount' }] });
    const budgets = await counsellor.get('/api/v1/funding-budgets');
    expect(budgets.json().items).toEqual([
      expect.objectContaining({ projectCode: 'AMIF-2026', committed: '1800.00', remaining: '200.00' }),
    ]);
    // Exactly what is left is still possible.
    await givenGrant(t, mission, kase, { fundingProject: 'AMIF-2026', amount: '200.00', type: 'medical' });
    expect((await events(kase.id)).filter((e) => e.kind === 'grant_created')).toHaveLength(2);
  });

  it('caps the cash part at departure and names the partner NGO of a partner grant', async () => {
    const kase = await buildCase(t.database.db, { mission });
    await givenBudget(t, mission, 'P1', '10000');
    await givenPlan(t, mission, kase);
    const counsellor = await t.as(mission.users.counsellor);
    const base = { type: 'economic', fundingProject: 'P1', currency: 'EUR', amount: '1800' };
    const cash = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, { ...base, cashAmount: '300.01' });
    expect(cash.statusCode).toBe(422);
    expect(cash.json()).toMatchObject({ cap: '300.00', errors: [{ path: 'body.cashAmount' }] });
    const floating = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, { ...base, amount: 1800 });
    expect(floating.statusCode).toBe(400);
    const noPartner = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
      ...base,
      type: 'partner_ngo',
    });
    expect(noPartner.statusCode).toBe(400);
    expect(noPartner.json().errors.map((e: { path: string }) => e.path)).toContain('body.partnerNgoId');
    const partners = (await counsellor.get('/api/v1/partner-ngos')).json().items;
    const ros = partners.find((p: { name: string }) => p.name === 'Stichting ROS');
    const grant = await givenGrant(t, mission, kase, {
      ...base,
      type: 'partner_ngo',
      partnerNgoId: ros.id,
    } as never);
    expect(grant.partnerNgo).toMatchObject({ id: ros.id, name: 'Stichting ROS' });
  });

  it('caps an economic grant at the in-kind budget in force for the people of the case', async () => {
    const kase = await buildCase(t.database.db, { mission });
    await givenBudget(t, mission, 'P1', '10000');
    await givenPlan(t, mission, kase);
    const counsellor = await t.as(mission.users.counsellor);
    const over = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
      type: 'economic',
      fundingProject: 'P1',
      currency: 'EUR',
      amount: '1800.01',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({
      cap: '1800.00',
      capsSource: expect.stringMatching(/^policy v1 on /),
    });
    const medical = await givenGrant(t, mission, kase, {
      fundingProject: 'P1',
      amount: '5000',
      type: 'medical',
    });
    expect(medical.amount).toBe('5000.00');
  });

  it('refuses a grant before the case has a plan', async () => {
    const kase = await buildCase(t.database.db, { mission });
    await givenBudget(t, mission, 'P1', '10000');
    const counsellor = await t.as(mission.users.counsellor);
    const response = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
      type: 'economic',
      fundingProject: 'P1',
      currency: 'EUR',
      amount: '100',
    });
    expect(response.statusCode).toBe(422);
  });
});

describe('disbursements', () => {
  async function grantOnCase() {
    const kase = await buildCase(t.database.db, { mission });
    await givenBudget(t, mission, 'AMIF', '5000');
    await givenPlan(t, mission, kase);
    const grant = await givenGrant(t, mission, kase, {
      fundingProject: 'AMIF',
      amount: '1800',
      cashAmount: '300',
    });
    return { kase, grant, url: `/api/v1/cases/${kase.id}/grants/${grant.id}/disbursements` };
  }

  it('may be recorded by a reintegration officer of the origin office, not by a host-office counsellor', async () => {
    const { kase, grant, url } = await grantOnCase();
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.post(url, inKind('100'))).statusCode).toBe(403);
    const officer = await t.as(mission.users.reintegration);
    const paid = await officer.post(
      url,
      inKind('1000000', { currency: 'IQD', rateToEur: '0.000685', method: 'voucher' }),
    );
    expect(paid.statusCode).toBe(201);
    expect(paid.json().disbursement).toMatchObject({
      part: 'in_kind',
      method: 'voucher',
      currency: 'IQD',
      amount: '1000000.00',
      rateToEur: '0.000685',
      amountEur: '685.00',
      debit: '685.00',
      office: { id: mission.offices.erbil.id },
      recordedBy: { id: mission.users.reintegration.id },
    });
    expect(paid.json().grant).toMatchObject({
      balance: '1115.00',
      inKindRemaining: '815.00',
      disbursedEur: '685.00',
    });
    const list = await officer.get(`/api/v1/cases/${kase.id}/grants`);
    expect(list.json().items[0].ledger).toHaveLength(1);
    expect((await events(kase.id)).map((e) => e.kind)).toContain('grant_disbursed');
    expect(await audit('grant.disburse')).toEqual([
      expect.objectContaining({
        actor_id: mission.users.reintegration.id,
        record_id: paid.json().disbursement.id,
      }),
    ]);
    void grant;
  });

  it('refuses with 422 a payment that would overdraw a part, leaving the balance as it was', async () => {
    const { url } = await grantOnCase();
    const officer = await t.as(mission.users.reintegration);
    expect((await officer.post(url, inKind('1500.01'))).statusCode).toBe(422);
    const cash = { part: 'cash_at_departure', method: 'cash' };
    expect((await officer.post(url, inKind('300', cash))).statusCode).toBe(201);
    const again = await officer.post(url, inKind('0.01', cash));
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      code: 'exceeds_balance',
      balance: '1500.00',
      cashRemaining: '0.00',
    });
  });

  it('lets only one of two concurrent payments through when together they would overdraw', async () => {
    const { kase, url } = await grantOnCase();
    const officer = await t.as(mission.users.reintegration);
    const results = await Promise.all([officer.post(url, inKind('1000')), officer.post(url, inKind('1000'))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const [grant] = (await officer.get(`/api/v1/cases/${kase.id}/grants`)).json().items;
    expect(grant).toMatchObject({ disbursedInKind: '1000.00', balance: '800.00' });
  });

  it('takes as receipt only a document of the same case', async () => {
    const { kase, url } = await grantOnCase();
    const other = await buildCase(t.database.db, { mission });
    const document = async (caseId: string) => {
      const id = newId();
      await t.database.db.insert(caseDocuments).values({
        missionId: mission.missionId,
        id,
        caseId,
        filename: 'receipt.pdf',
        kind: 'other',
        contentType: 'application/pdf',
        size: 10,
        sha256: '0'.repeat(64),
        storageKey: `test/${id}`,
        uploadedBy: mission.users.reintegration.id,
        createdAt: new Date(),
      });
      return id;
    };
    const officer = await t.as(mission.users.reintegration);
    const foreign = await officer.post(url, inKind('10', { receiptDocumentId: await document(other.id) }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'body.receiptDocumentId' })]);
    const own = await document(kase.id);
    const ok = await officer.post(url, inKind('10', { receiptDocumentId: own }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().disbursement.receiptDocumentId).toBe(own);
  });

  it('is refused by the database too: no overdraft by UPDATE, no change to a ledger line', async () => {
    const { grant, url } = await grantOnCase();
    const officer = await t.as(mission.users.reintegration);
    const line = (await officer.post(url, inKind('10'))).json().disbursement;
    const db = t.database.db;
    const where = sql`mission_id = ${mission.missionId}`;
    expect(
      await refusal(
        db.execute(
          sql`update reintegration_grants set disbursed_in_kind = 1500.01 where ${where} and id = ${grant.id}`,
        ),
      ),
    ).toMatch(/reintegration_grants_disbursed_in_kind_ck/);
    expect(
      await refusal(
        db.execute(sql`update grant_disbursements set amount = 1 where ${where} and id = ${line.id}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(db.execute(sql`delete from grant_disbursements where ${where} and id = ${line.id}`)),
    ).toMatch(/append-only/);
  });
});
