import { expect } from 'vitest';
import type { TestCase } from '../../test-support/build-case.js';
import type { TestMission } from '../../test-support/build-mission.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Sets a funding project's budget as the mission's manager. */
export async function givenBudget(
  t: TestApp,
  mission: TestMission,
  projectCode: string,
  amount: string,
  currency = 'EUR',
) {
  const manager = await t.as(mission.users.manager);
  const response = await manager.post('/api/v1/funding-budgets', {
    projectCode,
    name: `Project ${projectCode}`,
    currency,
    amount,
  });
  expect(response.statusCode).toBe(201);
  return response.json().budget;
}

/** Drafts a plan for the case as the Hague counsellor, followed up by the Erbil office. */
export async function givenPlan(t: TestApp, mission: TestMission, kase: TestCase) {
  const counsellor = await t.as(mission.users.counsellor);
  const response = await counsellor.put(`/api/v1/cases/${kase.id}/reintegration-plan`, {
    supportKinds: ['business'],
    description: 'Small grocery shop in Erbil',
    originOfficeId: mission.offices.erbil.id,
  });
  expect(response.statusCode).toBe(200);
  return response.json().plan;
}

/** Grants support on the case as the Hague counsellor and returns the grant. */
export async function givenGrant(
  t: TestApp,
  mission: TestMission,
  kase: TestCase,
  grant: { fundingProject: string; amount: string; cashAmount?: string; type?: string; currency?: string },
) {
  const counsellor = await t.as(mission.users.counsellor);
  const response = await counsellor.post(`/api/v1/cases/${kase.id}/grants`, {
    type: 'economic',
    currency: 'EUR',
    ...grant,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().grant;
}
