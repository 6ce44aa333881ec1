// Facts dated when they happened: refused in the future or before what they follow, back-dating
// past a few days only with "record history" (audited), and figures counted by the date of the fact.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { daysAgo, daysAgoInstant } from '../../test-support/mission-days.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase } from '../movements/movements-test-support.js';
import { cases } from './schema.js';

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

const session = (heldOn: string) => ({
  heldOn,
  language: 'ar',
  topics: ['return_options'],
  outcome: 'interested',
});

const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

async function backdateAudits() {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'history.backdate')));
}

describe('when a fact happened', () => {
  it('refuses a counselling session dated in the future (a session of 2027), naming the field', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(30) });
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, session('2027-03-01'));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(response.json())).toEqual(['body.heldOn']);
    const tomorrow = await api.post(`/api/v1/cases/${kase.id}/counselling-sessions`, session(daysAgo(-1)));
    expect(tomorrow.statusCode).toBe(400);
  });

  it('refuses a case registered in the future, and a session before the case was registered', async () => {
    const manager = await t.as(mission.users.manager);
    const person = await buildPerson(t.database.db, mission.missionId, { givenName: 'Farid' });
    const future = await manager.post('/api/v1/cases', {
      programme: 'avrr',
      personIds: [person.id],
      officeId: mission.offices.hague.id,
      referralSource: 'self',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(errorPaths(future.json())).toEqual(['body.occurredAt']);

    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(3) });
    const before = await manager.post(`/api/v1/cases/${kase.id}/counselling-sessions`, session(daysAgo(5)));
    expect(before.statusCode, before.body).toBe(400);
    expect(errorPaths(before.json())).toEqual(['body.heldOn']);
    expect(before.json().errors[0].message).toContain('registration');
  });

  it('refuses a departure dated before the case was registered', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission);
    const api = await t.as(mission.users.movements);
    const held = await api.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    const booking = (await api.post(`/api/v1/bookings/${held.json().booking.id}/confirm`)).json().booking;
    const response = await api.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
      status: 'departed',
      occurredAt: new Date(kase.createdAt.getTime() - 60 * 60_000).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorPaths(response.json())).toEqual(['body.occurredAt']);
    const future = await api.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
      status: 'departed',
      occurredAt: '2099-01-01T10:00:00Z',
    });
    expect(future.statusCode).toBe(400);
  });

  it('lets a counsellor date a session a few days back, and only managers further back, audited', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(60) });
    const counsellor = await t.as(mission.users.counsellor);
    const recent = await counsellor.post(
      `/api/v1/cases/${kase.id}/counselling-sessions`,
      session(daysAgo(3)),
    );
    expect(recent.statusCode, recent.body).toBe(201);
    expect(await backdateAudits()).toHaveLength(0);

    const old = await counsellor.post(`/api/v1/cases/${kase.id}/counselling-sessions`, session(daysAgo(20)));
    expect(old.statusCode, old.body).toBe(403);
    expect(errorPaths(old.json())).toEqual(['body.heldOn']);

    const manager = await t.as(mission.users.manager);
    const allowed = await manager.post(`/api/v1/cases/${kase.id}/counselling-sessions`, session(daysAgo(20)));
    expect(allowed.statusCode, allowed.body).toBe(201);
    const audits = await backdateAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      recordType: 'case',
      recordId: kase.id,
      actorId: mission.users.manager.id,
    });
    expect(audits[0]!.after).toMatchObject({ field: 'body.heldOn' });

    const timeline = (await manager.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    const entry = timeline.find(
      (e: { kind: string; data: { heldOn: string } }) =>
        e.kind === 'counselling_session_recorded' && e.data.heldOn === daysAgo(20),
    );
    expect(new Date(entry.occurredAt).getTime()).toBeLessThan(new Date(entry.recordedAt).getTime());
  });

  it('gives a case registered in a past year that year in its reference and on its timeline', async () => {
    const manager = await t.as(mission.users.manager);
    const person = await buildPerson(t.database.db, mission.missionId, { givenName: 'Hana' });
    const response = await manager.post('/api/v1/cases', {
      programme: 'avrr',
      personIds: [person.id],
      officeId: mission.offices.hague.id,
      referralSource: 'self',
      occurredAt: '2024-12-31T23:30:00+01:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    const kase = response.json().case;
    expect(kase.reference).toMatch(/^AVRR-2024-\d{6}$/);
    const timeline = (await manager.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'case_created', occurredAt: '2024-12-31T22:30:00.000Z' });
    expect((await backdateAudits()).map((a) => a.recordId)).toEqual([kase.id]);

    const counsellor = await t.as(mission.users.counsellor);
    const refused = await counsellor.post('/api/v1/cases', {
      programme: 'avrr',
      personIds: [person.id],
      officeId: mission.offices.hague.id,
      referralSource: 'self',
      occurredAt: '2024-06-01T10:00:00Z',
    });
    expect(refused.statusCode).toBe(403);
    expect(errorPaths(refused.json())).toEqual(['body.occurredAt']);
  });
});

describe('figures count by the date of the fact', () => {
  it('counts a departure of 31 December 23:30, recorded after midnight, in the old year in the AVRR and airport figures', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{}], {});
    // The case was registered in the autumn of that year.
    await t.database.db
      .update(cases)
      .set({ createdAt: new Date('2025-10-01T09:00:00Z') })
      .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, kase.id)));
    const manager = await t.as(mission.users.manager);
    const held = await manager.post('/api/v1/bookings', {
      caseId: kase.id,
      ...amsIstEbl({
        segments: [
          {
            airline: 'TK',
            flightNumber: '1958',
            departureAirport: 'AMS',
            departureLocal: '2025-12-31T23:30',
            arrivalAirport: 'IST',
            arrivalLocal: '2026-01-01T04:05',
          },
        ],
      }),
    });
    expect(held.statusCode, held.body).toBe(201);
    const booking = (await manager.post(`/api/v1/bookings/${held.json().booking.id}/confirm`)).json().booking;
    const departed = await manager.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
      status: 'departed',
      occurredAt: '2025-12-31T23:30:00+01:00',
    });
    expect(departed.statusCode, departed.body).toBe(200);
    expect(departed.json().caseStatus).toBe('departed');

    const year = async (y: number) => (await manager.get(`/api/v1/annual-report?year=${y}`)).json();
    const old = await year(2025);
    expect(old.avrr.departed).toBe(1);
    expect(old.airport.departures).toBe(1);
    const next = await year(2026);
    expect(next.avrr.departed).toBe(0);
    expect(next.airport.departures).toBe(0);
    const report = async (name: string, from: string, to: string) =>
      (await manager.get(`/api/v1/reports/${name}?from=${from}&to=${to}`)).json();
    const december = await report('avrr-departures', '2025-12-01', '2025-12-31');
    expect(december.rows.reduce((n: number, r: { persons: number }) => n + r.persons, 0)).toBe(1);
    const january = await report('avrr-departures', '2026-01-01', '2026-01-31');
    expect(january.rows).toEqual([]);
  });
});
