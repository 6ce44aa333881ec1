import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { daysAgo, daysAgoInstant } from '../../test-support/mission-days.js';
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

// Two days ago: within the days anyone who records sessions may date them back.
const sessionDay = daysAgo(2);

const session = {
  heldOn: sessionDay,
  language: 'ckb',
  interpreterUsed: true,
  interpreterLanguage: 'ckb',
  topics: ['return_options', 'reintegration_support'],
  outcome: 'undecided',
  nextStep: 'Second session with the family',
};

describe('counselling sessions', () => {
  it('records a session with its interpreter and topics, on the timeline and in the audit trail', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, {
      ...session,
      outcome: 'follow_up_needed',
      location: 'Room 2',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().session).toMatchObject({
      heldOn: sessionDay,
      office: { id: mission.offices.hague.id, name: 'The Hague office' },
      counsellor: { id: mission.users.counsellor.id },
      language: 'ckb',
      interpreterUsed: true,
      interpreterLanguage: 'ckb',
      topics: ['return_options', 'reintegration_support'],
      outcome: 'follow_up_needed',
      location: 'Room 2',
    });
    const list = (await api.get(`/api/v1/cases/${kase.id}/counselling-sessions`)).json().items;
    expect(list).toHaveLength(1);
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'counselling_session_recorded' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'counselling_session.create')),
      );
    expect(audit).toHaveLength(1);
  });

  it('names every invalid field: language, topics, outcome and a missing interpreter language', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, {
      ...session,
      language: 'klingon',
      interpreterLanguage: undefined,
      topics: ['weather'],
      outcome: 'maybe',
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.language', 'body.topics.0', 'body.outcome']));
    const noInterpreterLanguage = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, {
      ...session,
      outcome: 'interested',
      interpreterLanguage: undefined,
    });
    expect(noInterpreterLanguage.statusCode).toBe(400);
    expect(noInterpreterLanguage.json().errors[0].path).toBe('body.interpreterLanguage');
  });

  it('lets only those who work the case record sessions', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    const valid = { ...session, outcome: 'interested' };
    const cases: [keyof TestMission['users'], number][] = [
      ['counsellor', 201],
      ['vulnerable', 201],
      ['manager', 201],
      ['movements', 403],
      ['otherCounsellor', 404],
    ];
    for (const [user, status] of cases) {
      const api = await t.as(mission.users[user]);
      const response = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, valid);
      expect([user, response.statusCode]).toEqual([user, status]);
    }
  });
});

describe('outreach', () => {
  it('counts information sessions, network meetings, participants and counselling sessions per month and office', async () => {
    const manager = await t.as(mission.users.manager);
    const record = (body: Record<string, unknown>) => manager.post('/api/v1/outreach-activities', body);
    const hague = mission.offices.hague.id;
    const terApel = mission.offices.terApel.id;
    expect(
      (await record({ heldOn: '2026-01-10', officeId: hague, kind: 'information_session', participants: 12 }))
        .statusCode,
    ).toBe(201);
    await record({ heldOn: '2026-01-20', officeId: hague, kind: 'information_session', participants: 8 });
    await record({
      heldOn: '2026-01-22',
      officeId: hague,
      kind: 'network_meeting',
      participants: 5,
      notes: 'COA',
    });
    await record({ heldOn: '2026-02-03', officeId: terApel, kind: 'information_session', participants: 30 });
    await record({ heldOn: '2025-12-31', officeId: hague, kind: 'information_session', participants: 99 });
    // A case registered last year, whose session of January the manager records afterwards.
    const kase = await buildCase(t.database.db, { mission, registeredAt: new Date('2025-11-01T10:00:00Z') });
    await manager.post(`/api/v1/cases/${kase.id}/counselling-sessions`, {
      ...session,
      heldOn: '2026-01-15',
      outcome: 'interested',
    });

    const report = (await manager.get('/api/v1/outreach/report?from=2026-01-01&to=2026-03-31')).json();
    expect(report.rows).toEqual([
      {
        period: '2026-01',
        office: { id: hague, name: 'The Hague office' },
        informationSessions: 2,
        networkMeetings: 1,
        participants: 25,
        counsellingSessions: 1,
      },
      {
        period: '2026-02',
        office: { id: terApel, name: 'Ter Apel reception centre' },
        informationSessions: 1,
        networkMeetings: 0,
        participants: 30,
        counsellingSessions: 0,
      },
    ]);
    expect(report.totals).toEqual({
      informationSessions: 3,
      networkMeetings: 1,
      participants: 55,
      counsellingSessions: 1,
    });
    const quarterly = (
      await manager.get('/api/v1/outreach/report?from=2025-10-01&to=2026-03-31&period=quarter')
    ).json();
    expect(
      quarterly.rows.map((r: { period: string; participants: number }) => [r.period, r.participants]),
    ).toEqual([
      ['2025-Q4', 99],
      ['2026-Q1', 30],
      ['2026-Q1', 25],
    ]);

    // A counsellor counts and lists only their own office.
    const counsellor = await t.as(mission.users.counsellor);
    const own = (await counsellor.get('/api/v1/outreach/report?from=2026-01-01&to=2026-03-31')).json();
    expect(own.rows.map((r: { office: { id: string } }) => r.office.id)).toEqual([hague]);
    const listed = (await counsellor.get('/api/v1/outreach-activities?from=2026-01-01&to=2026-03-31')).json()
      .items;
    expect(listed).toHaveLength(3);
  });

  it('refuses outreach at an office the user does not work at, and invalid counts', async () => {
    const counsellor = await t.as(mission.users.counsellor);
    const elsewhere = await counsellor.post('/api/v1/outreach-activities', {
      heldOn: '2026-01-10',
      officeId: mission.offices.terApel.id,
      kind: 'network_meeting',
      participants: 3,
    });
    expect(elsewhere.statusCode).toBe(403);
    const invalid = await counsellor.post('/api/v1/outreach-activities', {
      heldOn: '2026-01-10',
      officeId: mission.offices.hague.id,
      kind: 'party',
      participants: -1,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.kind', 'body.participants']),
    );
  });
});
