import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPartner } from '../../modules/partners/partners-test-support.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

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

/** Asserts a 400 problem+json whose errors name the given field path. */
function expectFieldProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  path: string,
) {
  expect(response.statusCode, response.body).toBe(400);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as { errors?: { path: string }[] };
  expect(problem.errors?.map((e) => e.path)).toContain(path);
}

describe('errors a caller can cause are 400 problem+json naming the field, never 500', () => {
  it('refuses an empty PATCH body on partners, webhooks and referral sources', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const hook = await admin.post(`/api/v1/partners/${partner.id}/webhooks`, {
      url: 'https://partner.example.org/hook',
      events: ['referral.accepted'],
    });
    expect(hook.statusCode, hook.body).toBe(201);
    expectFieldProblem(await admin.patch(`/api/v1/partners/${partner.id}`, {}), 'body');
    expectFieldProblem(await admin.patch(`/api/v1/webhooks/${hook.json().id}`, {}), 'body');
    expectFieldProblem(await admin.patch('/api/v1/referral-sources/police', {}), 'body');
  });

  it.each([
    ['/api/v1/manifests?flight=KL1234&date=2026-02-30', 'querystring.date'],
    ['/api/v1/manifests?flight=KL1234&date=0000-00-00', 'querystring.date'],
    ['/api/v1/manifests?flight=KL1234&date=0000-01-01', 'querystring.date'],
    ['/api/v1/board?airport=AMS&date=2026-02-30', 'querystring.date'],
    ['/api/v1/board?airport=AMS&date=0000-00-00', 'querystring.date'],
    ['/api/v1/reports/offsetting?from=0000-01&to=2026-01', 'querystring.from'],
    ['/api/v1/dashboard?from=0000-01-01&to=2026-01-01', 'querystring.from'],
    ['/api/v1/dashboard?to=0001-01-01', 'querystring.to'],
    ['/api/v1/reports/avrr-departures?to=0001-01-01', 'querystring.to'],
  ])('refuses the impossible date in %s', async (url, path) => {
    const api = await t.as(mission.users.admin);
    expectFieldProblem(await api.get(url), path);
  });

  it('refuses a NUL character in any text field, naming it', async () => {
    const api = await t.as(mission.users.counsellor);
    const response = await api.post('/api/v1/persons', {
      givenName: 'Ay\u0000sha',
      familyName: 'Rahimi',
      sex: 'female',
      dateOfBirth: '1990-01-01',
      dateOfBirthPrecision: 'exact',
      nationalities: ['AF'],
      languages: ['fa'],
    });
    expectFieldProblem(response, 'body.givenName');
    expectFieldProblem(await api.get('/api/v1/persons/search?q=Ay%00sha'), 'querystring.q');
  });

  it('answers a too-long URL with 414 problem+json', async () => {
    const api = await t.as(mission.users.admin);
    const response = await api.get(`/api/v1/persons/${'a'.repeat(5000)}`);
    expect(response.statusCode).toBe(414);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  });
});
