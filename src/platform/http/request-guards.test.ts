import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPartner, issueKey, referralBody } from '../../modules/partners/partners-test-support.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { multipartBody } from '../../test-support/multipart-body.js';
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

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

async function uploadWith(headers: Record<string, string>) {
  const kase = await buildCase(t.database.db, { mission });
  const counsellor = await t.as(mission.users.counsellor);
  const body = multipartBody([
    { name: 'kind', value: 'consent' },
    { name: 'file', filename: 'consent.pdf', contentType: 'application/pdf', data: PDF },
  ]);
  return counsellor.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/documents`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

describe('cross-site requests with the session cookie (CSRF)', () => {
  it('refuses a cross-site multipart upload, by Sec-Fetch-Site or by Origin', async () => {
    const bySite = await uploadWith({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(bySite.statusCode, bySite.body).toBe(403);
    expect(String(bySite.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const byOrigin = await uploadWith({ origin: 'https://evil.example' });
    expect(byOrigin.statusCode, byOrigin.body).toBe(403);
    expect((await uploadWith({ origin: 'null' })).statusCode).toBe(403);
  });

  it('accepts the same request from the application itself', async () => {
    expect(
      (await uploadWith({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode,
    ).toBe(201);
    expect((await uploadWith({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    expect((await uploadWith({})).statusCode).toBe(201);
  });

  it('leaves API keys alone: a partner may call from anywhere', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: {
        authorization: `Bearer ${key.key}`,
        'sec-fetch-site': 'cross-site',
        origin: 'https://partner.example',
      },
      payload: referralBody('REF-CROSS'),
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('caching', () => {
  it('marks API responses no-store', async () => {
    const api = await t.as(mission.users.counsellor);
    expect((await api.get('/api/v1/cases')).headers['cache-control']).toBe('no-store');
    expect((await t.anonymous.get('/api/v1/cases')).headers['cache-control']).toBe('no-store');
  });
});
