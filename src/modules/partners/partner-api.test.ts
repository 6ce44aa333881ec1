import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { principalOf } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { multipartBody } from '../../test-support/multipart-body.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { cases } from '../cases/schema.js';
import { createTestPartner, issueKey, referralBody } from './partners-test-support.js';
import { apiKeys } from './schema.js';

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

describe('API keys', () => {
  it('are shown once, stored hashed, and record when they were last used', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    expect(key.key).toMatch(/^psg_[A-Za-z0-9_-]{43}$/);
    const listed = (await admin.get(`/api/v1/partners/${partner.id}/api-keys`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: key.id, lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key.key);
    const [stored] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.tokenHash).not.toContain(key.key.slice(4));

    expect((await key.post('/api/v1/referrals', referralBody('REF-USED'))).statusCode).toBe(201);
    const [used] = (await admin.get(`/api/v1/partners/${partner.id}/api-keys`)).json().items;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it.each([
    ['a key without the route’s scope', 403, ['cases:read-own'], 'POST', '/api/v1/referrals'],
    [
      'a key on a route that takes no API keys',
      403,
      ['referrals:write', 'cases:read-own'],
      'GET',
      '/api/v1/cases',
    ],
    ['a key on an administrator route', 403, ['referrals:write'], 'GET', '/api/v1/outbox/messages'],
    ['a key with the scope', 201, ['referrals:write'], 'POST', '/api/v1/referrals'],
  ] as const)('answers %s with %i', async (_name, status, scopes, method, url) => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, [...scopes]);
    const response =
      method === 'GET' ? await key.get(url) : await key.post(url, referralBody(`REF-${status}`));
    expect(response.statusCode).toBe(status);
  });

  it('stop working once revoked (401), as do unknown keys', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    const revoked = await admin.post(`/api/v1/api-keys/${key.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await key.post('/api/v1/referrals', referralBody('REF-REVOKED'));
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/referrals/REF-1',
      headers: { authorization: 'Bearer psg_not-a-real-key' },
    });
    expect(unknown.statusCode).toBe(401);
  });

  it('stop working when their partner is deactivated', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    expect((await admin.patch(`/api/v1/partners/${partner.id}`, { active: false })).statusCode).toBe(200);
    expect((await key.post('/api/v1/referrals', referralBody('REF-INACTIVE'))).statusCode).toBe(401);
  });

  it.each([
    ['counsellor', 403],
    ['manager', 403],
    ['admin', 201],
  ] as const)('issued by the %s answer %i', async (role, status) => {
    const { partner } = await createTestPartner(t, mission);
    const api = await t.as(mission.users[role]);
    const response = await api.post(`/api/v1/partners/${partner.id}/api-keys`, {
      name: 'x',
      scopes: ['referrals:write'],
    });
    expect(response.statusCode).toBe(status);
  });
});

describe('POST /api/v1/referrals', () => {
  it('opens a registered AVRR case once per partner reference: 201, then 200 with the same case', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write', 'cases:read-own']);
    const first = await key.post('/api/v1/referrals', referralBody('COA-77'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      partnerId: partner.id,
      partnerReference: 'COA-77',
      case: { programme: 'avrr', status: 'registered' },
      // A new person has consented to nothing yet: the partner is not told who they are.
      persons: [{ withheld: true }],
    });
    const again = await key.post('/api/v1/referrals', referralBody('COA-77'));
    expect(again.statusCode).toBe(200);
    expect(again.json().case.id).toBe(first.json().case.id);
    const opened = await t.database.db.select().from(cases).where(eq(cases.missionId, mission.missionId));
    expect(opened.map((c) => [c.referralSource, c.officeId])).toEqual([
      ['reception_agency', mission.offices.hague.id],
    ]);

    // The partner's audit entry names the partner's key, not a user.
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'referral.create')));
    expect(audit).toMatchObject({ actorType: 'partner', actorId: key.id });

    // A new reference for the same person matches the registered person instead of a second record;
    // without the person's consent the partner is not told of the match.
    const other = await key.post('/api/v1/referrals', referralBody('COA-78'));
    expect(other.statusCode).toBe(201);
    expect(other.json().persons).toEqual([{ withheld: true }]);
    const principal = async (caseId: string) => {
      const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
      return principalOf(t.database.db, row!);
    };
    expect(await principal(other.json().case.id)).toBe(await principal(first.json().case.id));

    const counsellor = await t.as(mission.users.counsellor);
    const timeline = (await counsellor.get(`/api/v1/cases/${first.json().case.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['referral_received', 'case_created']),
    );
  });

  it('tells a partner of a match with a known person only when the person consented to sharing with it, and logs each answer', async () => {
    const coa = await createTestPartner(t, mission, 'COA Ter Apel');
    const ngo = await createTestPartner(t, mission, 'Shelter NGO');
    const coaKey = await issueKey(t, coa.admin, coa.partner.id, ['referrals:write']);
    const ngoKey = await issueKey(t, ngo.admin, ngo.partner.id, ['referrals:write']);
    const first = await coaKey.post('/api/v1/referrals', referralBody('COA-1'));
    expect(first.statusCode).toBe(201);
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, first.json().case.id));
    const personId = await principalOf(t.database.db, kase!);
    const counsellor = await t.as(mission.users.counsellor);
    const given = await counsellor.post(`/api/v1/persons/${personId}/consents`, {
      purpose: 'partner_sharing',
      partnerId: coa.partner.id,
      givenOn: new Date().toISOString().slice(0, 10),
      how: 'written',
    });
    expect(given.statusCode, given.body).toBe(201);

    // The partner the person consented to learns of the match; another partner does not.
    const again = await coaKey.post('/api/v1/referrals', referralBody('COA-2'));
    expect(again.json().persons).toEqual([{ id: personId, matchedExisting: true }]);
    const elsewhere = await ngoKey.post('/api/v1/referrals', referralBody('NGO-1'));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().persons).toEqual([{ withheld: true }]);
    expect(JSON.stringify(elsewhere.json())).not.toContain(personId);

    // Once the consent is withdrawn the same partner is no longer told.
    const withdrawn = await counsellor.post(
      `/api/v1/persons/${personId}/consents/${given.json().consent.id}/withdraw`,
      {},
    );
    expect(withdrawn.statusCode).toBe(200);
    const after = await coaKey.post('/api/v1/referrals', referralBody('COA-3'));
    expect(after.json().persons).toEqual([{ withheld: true }]);

    // Staff registering a referral see every match, and that is no transfer to a partner.
    const staff = await counsellor.post('/api/v1/referrals', {
      ...referralBody('COA-4'),
      partnerId: coa.partner.id,
    });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().persons).toEqual([{ id: personId, matchedExisting: true }]);

    const transfers = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'transfer.partner')));
    const answers = transfers
      .map((a) => a.after as { channel: string; partnerId: string; persons: object })
      .filter((a) => a.channel === 'referral_answer');
    expect(answers).toEqual([
      expect.objectContaining({ partnerId: coa.partner.id, persons: { disclosed: 0, withheld: 1 } }),
      expect.objectContaining({ partnerId: coa.partner.id, persons: { disclosed: 1, withheld: 0 } }),
      expect.objectContaining({ partnerId: ngo.partner.id, persons: { disclosed: 0, withheld: 1 } }),
      expect.objectContaining({ partnerId: coa.partner.id, persons: { disclosed: 0, withheld: 1 } }),
    ]);
  });

  it('lets a counsellor register a partner’s referral at their own office only', async () => {
    const { partner } = await createTestPartner(t, mission);
    const counsellor = await t.as(mission.users.counsellor);
    const missing = await counsellor.post('/api/v1/referrals', referralBody('PAPER-1'));
    expect(missing.statusCode).toBe(400);
    const ok = await counsellor.post('/api/v1/referrals', referralBody('PAPER-1', { partnerId: partner.id }));
    expect(ok.statusCode).toBe(201);
    const elsewhere = await counsellor.post(
      '/api/v1/referrals',
      referralBody('PAPER-2', { partnerId: partner.id, officeId: mission.offices.terApel.id }),
    );
    expect(elsewhere.statusCode).toBe(403);
  });

  it('names every invalid field', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    const response = await key.post('/api/v1/referrals', {
      partnerReference: '',
      persons: [{ givenName: 'A', familyName: 'B', sex: 'x', dateOfBirthPrecision: 'exact', phone: '123' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.partnerReference', 'body.persons.0.sex', 'body.persons.0.phone']),
    );
  });
});

describe('GET /api/v1/referrals/:partnerReference', () => {
  it('shows a partner its own referrals only', async () => {
    const { admin, partner } = await createTestPartner(t, mission, 'COA');
    const { partner: other } = await createTestPartner(t, mission, 'NGO');
    const writer = await issueKey(t, admin, partner.id, ['referrals:write']);
    const reader = await issueKey(t, admin, partner.id, ['cases:read-own']);
    const stranger = await issueKey(t, admin, other.id, ['cases:read-own']);
    const created = (await writer.post('/api/v1/referrals', referralBody('COA-READ'))).json();

    const own = await reader.get('/api/v1/referrals/COA-READ');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      partnerReference: 'COA-READ',
      case: { id: created.case.id, status: 'registered' },
    });
    expect((await stranger.get('/api/v1/referrals/COA-READ')).statusCode).toBe(404);
    expect((await writer.get('/api/v1/referrals/COA-READ')).statusCode).toBe(403);

    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get(`/api/v1/referrals/COA-READ?partnerId=${partner.id}`)).statusCode).toBe(200);
    const elsewhere = await t.as(mission.users.otherCounsellor);
    expect((await elsewhere.get(`/api/v1/referrals/COA-READ?partnerId=${partner.id}`)).statusCode).toBe(404);
  });
});

describe('CSV import of referrals', () => {
  it('creates the valid referrals, reports each invalid field by row, and counts its progress', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const csv = [
      'partner_reference,given_name,family_name,sex,date_of_birth,date_of_birth_precision,nationalities,languages,preferred_language,phone,colour',
      'CSV-1,Hamid,Karimi,male,1985-03-02,exact,AF,prs,prs,+31612345670,blue',
      'CSV-1,Zahra,Karimi,female,1987-09-10,exact,AF,prs,prs,,',
      'CSV-2,Lina,Haddad,unicorn,1990-01-01,exact,SY,ar,ar,+31612345671,',
      'CSV-3,Omar,Said,male,2999-01-01,exact,IQ,ar,ar,12345,',
      'CSV-4,Sara,Bekele,female,1995,year,ET,am,am,,',
    ].join('\n');
    const form = multipartBody([
      { name: 'partnerId', value: partner.id },
      { name: 'file', filename: 'referrals.csv', contentType: 'text/csv', data: Buffer.from(csv) },
    ]);
    const started = await admin.request({ method: 'POST', url: '/api/v1/referral-imports', ...form });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ total: 5, filename: 'referrals.csv' });

    let state = job;
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await admin.get(`/api/v1/referral-imports/${job.id}`)).json();
    }
    expect(state).toMatchObject({
      status: 'completed',
      total: 5,
      processed: 5,
      created: 2,
      existing: 0,
      rejected: 2,
    });
    expect(state.report).toEqual([
      { row: 1, field: 'colour', message: 'is not a known column and was ignored' },
      { row: 4, field: 'sex', message: expect.any(String) },
      { row: 5, field: 'date_of_birth', message: 'must not be in the future' },
      { row: 5, field: 'phone', message: expect.stringContaining('phone number') },
    ]);
    const opened = await t.database.db.select().from(cases).where(eq(cases.missionId, mission.missionId));
    expect(opened).toHaveLength(2);

    const counsellor = await t.as(mission.users.counsellor);
    const family = (await counsellor.get(`/api/v1/referrals/CSV-1?partnerId=${partner.id}`)).json();
    const detail = (await counsellor.get(`/api/v1/cases/${family.case.id}`)).json().case;
    expect(detail.persons.map((p: { givenName: string }) => p.givenName)).toEqual(['Hamid', 'Zahra']);
  });

  it('refuses a file without the required columns as a whole', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const form = multipartBody([
      { name: 'partnerId', value: partner.id },
      { name: 'file', filename: 'bad.csv', contentType: 'text/csv', data: Buffer.from('name,age\nA,3\n') },
    ]);
    const started = await admin.request({ method: 'POST', url: '/api/v1/referral-imports', ...form });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({
      status: 'failed',
      report: [{ row: 1, field: '', message: expect.stringContaining('Missing columns: partner_reference') }],
    });
  });
});
