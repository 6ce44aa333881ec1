import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCase, principalOf } from '../../test-support/build-case.js';
import { buildMission, type TestMission, type TestUser } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { caseTasks } from '../cases/schema.js';
import { createOverdueReminders } from './create-overdue-reminders.js';
import { travelDocumentRequests } from './schema.js';

let t: TestApp;
let mission: TestMission;
let liaison: TestUser;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
  liaison = mission.users.liaison;
});

async function addEmbassy(body: Record<string, unknown> = {}) {
  const api = await t.as(liaison);
  const response = await api.post('/api/v1/embassies', {
    country: 'iq',
    kind: 'embassy',
    city: 'The Hague',
    address: 'Johan de Wittlaan 16',
    email: 'consular@example.org',
    ...body,
  });
  expect(response.statusCode).toBe(201);
  return response.json().embassy;
}

describe('the embassy directory', () => {
  it('is kept by the liaison and administrators, and read by everyone', async () => {
    const embassy = await addEmbassy({ reminderDays: 45 });
    expect(embassy).toMatchObject({
      country: 'IQ',
      reminderDays: 45,
      effectiveReminderDays: 45,
      active: true,
    });
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get('/api/v1/embassies')).json().items).toHaveLength(1);
    expect(
      (await counsellor.post('/api/v1/embassies', { country: 'NG', kind: 'consulate', city: 'Amsterdam' }))
        .statusCode,
    ).toBe(403);
    const admin = await t.as(mission.users.admin);
    const cleared = await admin.patch(`/api/v1/embassies/${embassy.id}`, {
      reminderDays: null,
      phone: '+31 70 000 0000',
    });
    expect(cleared.json().embassy).toMatchObject({ reminderDays: null, effectiveReminderDays: 30 });
    const invalid = await admin.post('/api/v1/embassies', { country: 'XX', kind: 'palace', city: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.country', 'body.kind', 'body.city']),
    );
  });
});

describe('travel-document requests', () => {
  it('goes requested → interview → issued, records the document on the person and unblocks booking', async () => {
    const embassy = await addEmbassy();
    const kase = await buildCase(t.database.db, { mission, status: 'travel_documents' });
    const personId = await principalOf(t.database.db, kase);
    const api = await t.as(liaison);
    const reasons = async () =>
      (await api.get(`/api/v1/cases/${kase.id}/transitions`))
        .json()
        .items.find((i: { transition: string }) => i.transition === 'book_travel')
        .reasons.map((r: { code: string }) => r.code)
        // The confirmed booking travel also needs is the movements tests' subject.
        .filter((code: string) => code !== 'booking_not_confirmed');
    expect(await reasons()).toEqual(['travel_document_missing']);

    const created = await api.post(`/api/v1/cases/${kase.id}/travel-document-requests`, {
      personId,
      embassyId: embassy.id,
      requestedOn: '2026-01-05',
    });
    expect(created.statusCode).toBe(201);
    const request = created.json().request;
    expect(request).toMatchObject({
      status: 'requested',
      person: { id: personId },
      embassy: { country: 'IQ' },
    });

    const post = (body: unknown) => api.post(`/api/v1/travel-document-requests/${request.id}/status`, body);
    expect(
      (await post({ status: 'interview_scheduled', interviewOn: '2026-02-01' })).json().request,
    ).toMatchObject({
      status: 'interview_scheduled',
      interviewOn: '2026-02-01',
    });
    const stale = await post({ status: 'refused', reason: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    const badIssue = await post({
      status: 'issued',
      documentKind: 'visa',
      documentNumber: '',
      validUntil: 'soon',
    });
    expect(badIssue.statusCode).toBe(400);
    const issued = await post({
      status: 'issued',
      documentKind: 'laissez_passer',
      documentNumber: 'LP-778812',
      validFrom: '2026-02-10',
      validUntil: '2099-05-10',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().request).toMatchObject({
      status: 'issued',
      documentNumber: 'LP-778812',
      overdue: false,
    });
    expect(await reasons()).toEqual([]);
    const person = (await api.get(`/api/v1/persons/${personId}`)).json().person;
    expect(JSON.stringify(person)).toContain('LP-778812');

    // An answered request is closed: it cannot be answered again.
    expect((await post({ status: 'cancelled' })).statusCode).toBe(422);
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(
      expect.arrayContaining(['travel_document_requested', 'travel_document_request_changed']),
    );
  });

  it('refuses a person who is not on the case, and lets only caseworkers and the liaison record requests', async () => {
    const embassy = await addEmbassy();
    const kase = await buildCase(t.database.db, { mission });
    const other = await buildCase(t.database.db, { mission });
    const stranger = await principalOf(t.database.db, other);
    const api = await t.as(liaison);
    const wrong = await api.post(`/api/v1/cases/${kase.id}/travel-document-requests`, {
      personId: stranger,
      embassyId: embassy.id,
      requestedOn: '2026-01-05',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.personId');
    const body = {
      personId: await principalOf(t.database.db, kase),
      embassyId: embassy.id,
      requestedOn: '2026-01-05',
    };
    const movements = await t.as(mission.users.movements);
    expect((await movements.post(`/api/v1/cases/${kase.id}/travel-document-requests`, body)).statusCode).toBe(
      403,
    );
    const counsellor = await t.as(mission.users.counsellor);
    expect(
      (await counsellor.post(`/api/v1/cases/${kase.id}/travel-document-requests`, body)).statusCode,
    ).toBe(201);
    expect((await counsellor.get('/api/v1/travel-document-requests/open')).statusCode).toBe(403);
  });
});

describe('overdue requests', () => {
  it('are listed by embassy and get one reminder task for the liaison, however often the job runs', async () => {
    const slow = await addEmbassy({ city: 'The Hague', reminderDays: 10 });
    const normal = await addEmbassy({ country: 'NG', city: 'The Hague' });
    const api = await t.as(liaison);
    const open = async (caseStatus: string, embassyId: string, requestedOn: string) => {
      const kase = await buildCase(t.database.db, { mission, status: caseStatus });
      const response = await api.post(`/api/v1/cases/${kase.id}/travel-document-requests`, {
        personId: await principalOf(t.database.db, kase),
        embassyId,
        requestedOn,
      });
      return response.json().request;
    };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const overdueAtSlow = await open('travel_documents', slow.id, day(-11));
    await open('travel_documents', slow.id, day(-9));
    const overdueAtNormal = await open('travel_documents', normal.id, day(-31));
    await open('travel_documents', normal.id, day(-29));

    const grouped = (await api.get('/api/v1/travel-document-requests/open')).json().groups;
    expect(
      grouped.map((g: { embassy: { id: string }; overdue: number; requests: unknown[] }) => [
        g.embassy.id,
        g.overdue,
        g.requests.length,
      ]),
    ).toEqual([
      [slow.id, 1, 2],
      [normal.id, 1, 2],
    ]);
    const overdueOnly = (await api.get('/api/v1/travel-document-requests/open?overdueOnly=true')).json()
      .groups;
    const overdueIds = overdueOnly.flatMap((g: { requests: { id: string }[] }) =>
      g.requests.map((r) => r.id),
    );
    expect(overdueIds.sort()).toEqual([overdueAtSlow.id, overdueAtNormal.id].sort());

    const first = await createOverdueReminders(t.database.db, {
      now: new Date(),
      missionId: mission.missionId,
    });
    const again = await createOverdueReminders(t.database.db, {
      now: new Date(),
      missionId: mission.missionId,
    });
    expect([first.created, again.created]).toEqual([2, 0]);
    const mine = (await api.get('/api/v1/tasks?assigneeId=me&open=true')).json().items;
    expect(mine).toHaveLength(2);
    expect(mine.every((task: { blocksTravel: boolean }) => !task.blocksTravel)).toBe(true);
    expect(mine.map((task: { title: string }) => task.title).join(' ')).toContain('Chase the embassy of IQ');

    // The embassy answers: the reminder is done.
    await api.post(`/api/v1/travel-document-requests/${overdueAtSlow.id}/status`, {
      status: 'refused',
      reason: 'Not a national',
    });
    const [row] = await t.database.db
      .select()
      .from(travelDocumentRequests)
      .where(
        and(
          eq(travelDocumentRequests.missionId, mission.missionId),
          eq(travelDocumentRequests.id, overdueAtSlow.id),
        ),
      );
    const [task] = await t.database.db
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.missionId, mission.missionId), eq(caseTasks.id, row!.reminderTaskId!)));
    expect(task!.doneAt).not.toBeNull();
  });
});
