import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPartner, issueKey } from '../../modules/partners/partners-test-support.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '20' } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

describe('rate limits', () => {
  it('answer an API key 429 problem+json after its limit, without slowing another key', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const busy = await issueKey(t, admin, partner.id, ['cases:read-own']);
    const other = await issueKey(t, admin, partner.id, ['cases:read-own']);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await busy.get('/api/v1/referrals/REF-NONE')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const refused = await busy.get('/api/v1/referrals/REF-NONE');
    expect(String(refused.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await other.get('/api/v1/referrals/REF-NONE')).statusCode).not.toBe(429);
  });

  it('count each signed-in user on their own', async () => {
    const counsellor = await t.as(mission.users.counsellor);
    for (let i = 0; i < 20; i++) await counsellor.get('/api/v1/cases');
    expect((await counsellor.get('/api/v1/cases')).statusCode).toBe(429);
    expect((await (await t.as(mission.users.manager)).get('/api/v1/cases')).statusCode).toBe(200);
  });
});

describe('period caps', () => {
  it.each([
    '/api/v1/dashboard?from=0001-01-01&to=9999-12-31',
    '/api/v1/dashboard?from=2001-01-01',
    '/api/v1/reports/offsetting?from=2001-01&to=2026-12',
  ])('refuse a period longer than five years: %s', async (url) => {
    const manager = await t.as(mission.users.manager);
    const response = await manager.get(url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'querystring.from',
          message: expect.stringMatching(/at most 5 years/),
        }),
      ]),
    );
  });

  it('accept five years', async () => {
    const manager = await t.as(mission.users.manager);
    expect((await manager.get('/api/v1/dashboard?from=2021-01-01&to=2025-12-31')).statusCode).toBe(200);
    expect((await manager.get('/api/v1/dashboard?from=2021-01-01&to=2026-01-01')).statusCode).toBe(200);
  });
});
