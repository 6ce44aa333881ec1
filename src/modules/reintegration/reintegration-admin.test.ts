// Administration of what grants draw on, through the real HTTP stack: funding budgets and partner
// NGOs are changed and retired; and who makes and pays grants, as a role × action table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { givenBudget, givenGrant, givenPlan } from './reintegration-test-support.js';

let t: TestApp;
let m: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  m = await buildMission(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe('funding budgets', () => {
  it('a manager renames, raises and retires a budget; a retired budget funds no new grant', async () => {
    const budget = await givenBudget(t, m, 'RETIRE-1', '5000.00');
    const manager = await t.as(m.users.manager);
    const changed = await manager.patch(`/api/v1/funding-budgets/${budget.id}`, {
      name: 'AVRR 2026',
      amount: '6000.00',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().budget).toMatchObject({
      name: 'AVRR 2026',
      amount: '6000.00',
      remaining: '6000.00',
      active: true,
    });

    const kase = await buildCase(t.database.db, { mission: m });
    await givenPlan(t, m, kase);
    await givenGrant(t, m, kase, { fundingProject: 'RETIRE-1', amount: '1000.00' });
    const tooLow = await manager.patch(`/api/v1/funding-budgets/${budget.id}`, { amount: '999.99' });
    expect(tooLow.statusCode).toBe(409);

    const retired = await manager.patch(`/api/v1/funding-budgets/${budget.id}`, { active: false });
    expect(retired.json().budget.active).toBe(false);
    const counsellor = await t.as(m.users.counsellor);
    const refused = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
      type: 'economic',
      currency: 'EUR',
      fundingProject: 'RETIRE-1',
      amount: '100.00',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/retired/);
    const listed = (await counsellor.get('/api/v1/funding-budgets')).json().items;
    expect(listed.find((b: { id: string }) => b.id === budget.id)).toMatchObject({
      active: false,
      committed: '1000.00',
    });
  });

  it.each(['counsellor', 'reintegration', 'movements'] as const)(
    'a %s may not change budgets',
    async (role) => {
      const budget = await givenBudget(t, m, `NOPE-${role}`, '100.00');
      const api = await t.as(m.users[role]);
      expect((await api.patch(`/api/v1/funding-budgets/${budget.id}`, { active: false })).statusCode).toBe(
        403,
      );
    },
  );
});

describe('partner NGOs', () => {
  it('an administrator adds, renames and retires a partner NGO; a manager may not', async () => {
    const admin = await t.as(m.users.admin);
    const added = await admin.post('/api/v1/partner-ngos', { name: 'Stichting Nieuw' });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().partnerNgo.id;
    const renamed = await admin.patch(`/api/v1/partner-ngos/${id}`, { name: 'Stichting Nieuw Begin' });
    expect(renamed.json().partnerNgo).toMatchObject({ name: 'Stichting Nieuw Begin', active: true });
    const clash = await admin.patch(`/api/v1/partner-ngos/${id}`, { name: 'Stichting ROS' });
    expect(clash.statusCode).toBe(409);
    const retired = await admin.patch(`/api/v1/partner-ngos/${id}`, { active: false });
    expect(retired.json().partnerNgo.active).toBe(false);
    const manager = await t.as(m.users.manager);
    expect((await manager.patch(`/api/v1/partner-ngos/${id}`, { active: true })).statusCode).toBe(403);
  });
});

describe('who makes and pays grants (role × action)', () => {
  // The Hague case, its plan followed up by the Erbil office; the reintegration officer works at Erbil.
  const table = [
    { role: 'counsellor', make: 201 },
    { role: 'reintegration', make: 201 },
    { role: 'manager', make: 201 },
    { role: 'movements', make: 403 },
    { role: 'liaison', make: 403 },
    { role: 'otherCounsellor', make: 404 },
  ] as const;

  it.each(table)('a $role making a grant: $make', async ({ role, make }) => {
    await givenBudget(t, m, `MAKE-${role}`, '10000.00');
    const kase = await buildCase(t.database.db, { mission: m });
    await givenPlan(t, m, kase);
    const api = await t.as(m.users[role]);
    const response = await api.post(`/api/v1/cases/${kase.id}/grants`, {
      type: 'economic',
      currency: 'EUR',
      fundingProject: `MAKE-${role}`,
      amount: '500.00',
    });
    expect(response.statusCode, response.body).toBe(make);
  });

  it('the reintegration officer of the origin office pays the grant; the counsellor may not', async () => {
    await givenBudget(t, m, 'PAY-1', '10000.00');
    const kase = await buildCase(t.database.db, { mission: m });
    await givenPlan(t, m, kase);
    const grant = await givenGrant(t, m, kase, { fundingProject: 'PAY-1', amount: '800.00' });
    const paidOn = new Date().toISOString().slice(0, 10);
    const payment = {
      part: 'in_kind',
      method: 'in_kind',
      currency: 'EUR',
      amount: '200.00',
      rateToEur: '1',
      paidOn,
    };
    const counsellor = await t.as(m.users.counsellor);
    expect(
      (await counsellor.post(`/api/v1/cases/${kase.id}/grants/${grant.id}/disbursements`, payment))
        .statusCode,
    ).toBe(403);
    const officer = await t.as(m.users.reintegration);
    const paid = await officer.post(`/api/v1/cases/${kase.id}/grants/${grant.id}/disbursements`, payment);
    expect(paid.statusCode, paid.body).toBe(201);
  });
});
