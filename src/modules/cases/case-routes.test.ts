import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { newId } from '../../platform/ids.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl } from '../movements/movements-test-support.js';
import { personDocuments } from '../persons/schema.js';
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

async function openCase(overrides: Record<string, unknown> = {}) {
  const person = await buildPerson(t.database.db, mission.missionId);
  const api = await t.as(mission.users.counsellor);
  const response = await api.post('/api/v1/cases', {
    programme: 'avrr',
    personIds: [person.id],
    officeId: mission.offices.hague.id,
    referralSource: 'reception_agency',
    vulnerabilities: [],
    ...overrides,
  });
  return { response, person, api };
}

describe('opening a case', () => {
  it('creates a registered AVRR case with a reference, a timeline entry and an audit entry', async () => {
    const { response, person } = await openCase({ fundingProject: 'AMIF-2026' });
    expect(response.statusCode).toBe(201);
    const kase = response.json().case;
    expect(kase).toMatchObject({
      programme: 'avrr',
      status: 'registered',
      statusLabel: { en: 'Registered', nl: 'Geregistreerd' },
      office: { id: mission.offices.hague.id, name: 'The Hague office' },
      version: 1,
      fundingProject: 'AMIF-2026',
      persons: [{ id: person.id, role: 'principal', givenName: 'Omar' }],
      policies: { update: true, transition: true },
    });
    expect(kase.reference).toMatch(/^AVRR-\d{4}-000001$/);
    const api = await t.as(mission.users.counsellor);
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['case_created']);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.recordId, kase.id)));
    expect(audit.map((a) => [a.action, a.actorId, a.requestId !== null])).toEqual([
      ['case.create', mission.users.counsellor.id, true],
    ]);
  });

  it('names every invalid field', async () => {
    const { response } = await openCase({ personIds: [], officeId: 'nope', vulnerabilities: ['unicorn'] });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.personIds', 'body.officeId', 'body.vulnerabilities.0']),
    );
  });

  it('refuses persons, offices and sources that are not the mission’s', async () => {
    const stranger = newId();
    const { response } = await openCase({ referralSource: 'martians' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.referralSource', message: 'is not an active referral source' },
    ]);
    const person = await buildPerson(t.database.db, mission.missionId);
    const api = await t.as(mission.users.manager);
    const second = await api.post('/api/v1/cases', {
      programme: 'avrr',
      personIds: [person.id, stranger],
      officeId: mission.offices.hague.id,
      referralSource: 'police',
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.personIds.1']);
  });

  it('forbids a counsellor to open a case at another office', async () => {
    const { response } = await openCase({ officeId: mission.offices.terApel.id });
    expect(response.statusCode).toBe(403);
  });
});

describe('the caseload', () => {
  it('shows a counsellor only their offices and a manager every office', async () => {
    await buildCase(t.database.db, { mission, officeId: mission.offices.hague.id });
    await buildCase(t.database.db, { mission, officeId: mission.offices.terApel.id });
    const counsellor = await t.as(mission.users.counsellor);
    const manager = await t.as(mission.users.manager);
    const mine = (await counsellor.get('/api/v1/cases')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].office.id).toBe(mission.offices.hague.id);
    expect((await manager.get('/api/v1/cases')).json().total).toBe(2);
  });

  it('hides a victim of trafficking from counsellors who are not assigned, in the list and by id', async () => {
    const hidden = await buildCase(t.database.db, { mission, vulnerabilities: ['victim_of_trafficking'] });
    const assigned = await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['victim_of_trafficking'],
      assigneeId: mission.users.counsellor.id,
    });
    const counsellor = await t.as(mission.users.counsellor);
    const ids = (await counsellor.get('/api/v1/cases')).json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([assigned.id]);
    expect((await counsellor.get(`/api/v1/cases/${hidden.id}`)).statusCode).toBe(404);
    const officer = await t.as(mission.users.vulnerable);
    expect((await officer.get(`/api/v1/cases/${hidden.id}`)).statusCode).toBe(200);
  });

  it('filters by status, vulnerability, assignee and name, and paginates', async () => {
    for (let i = 0; i < 3; i++) await buildCase(t.database.db, { mission, status: 'counselling' });
    await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['health_needs'],
      assigneeId: mission.users.manager.id,
    });
    const person = await buildPerson(t.database.db, mission.missionId, {
      givenName: 'Zoë',
      familyName: 'Ålvarez',
      nameKey: 'zoe alvarez',
    });
    const { response } = await openCase({ personIds: [person.id] });
    const manager = await t.as(mission.users.manager);
    const get = async (query: string) => (await manager.get(`/api/v1/cases?${query}`)).json();
    expect((await get('status=counselling')).total).toBe(3);
    expect((await get('vulnerability=health_needs')).total).toBe(1);
    expect((await get('assigneeId=me')).total).toBe(1);
    const byName = await get('q=ALVAREZ');
    expect(byName.items.map((c: { id: string }) => c.id)).toEqual([response.json().case.id]);
    const page = await get('page=2&pageSize=2');
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('gives each list the total of the cases it pages through, from the summary for those who see every case', async () => {
    await buildCase(t.database.db, { mission, status: 'counselling', assigneeId: mission.users.manager.id });
    await buildCase(t.database.db, { mission, status: 'closed' });
    await buildCase(t.database.db, { mission, status: 'withdrawn', officeId: mission.offices.terApel.id });
    await buildCase(t.database.db, { mission, vulnerabilities: ['victim_of_trafficking'] });
    await buildCase(t.database.db, { mission, officeId: mission.offices.terApel.id });
    const other = await buildMission(t.database.db);
    await buildCase(t.database.db, { mission: other });
    const queries = [
      '',
      'status=counselling',
      'status=registered',
      'open=true',
      'open=false',
      'programme=avrr',
      `officeId=${mission.offices.terApel.id}`,
      'assigneeId=me',
      'assigneeId=none',
      `assigneeId=${mission.users.manager.id}&open=true`,
    ];
    for (const role of ['manager', 'admin', 'counsellor'] as const) {
      const api = await t.as(mission.users[role]);
      for (const query of queries) {
        const list = (await api.get(`/api/v1/cases?pageSize=100&${query}`)).json();
        expect(list.total, `${role}: ${query}`).toBe(list.items.length);
      }
    }
    const manager = await t.as(mission.users.manager);
    expect((await manager.get('/api/v1/cases')).json().total).toBe(5);
    expect((await manager.get('/api/v1/cases?open=true')).json().total).toBe(3);
  });

  it('pages with the cursor of the previous page through every case once, in the order of the page numbers', async () => {
    const built = [];
    for (let i = 0; i < 7; i++) built.push(await buildCase(t.database.db, { mission }));
    // Three cases changed in the same microsecond: the id orders them, on both kinds of page.
    await t.database.db
      .update(cases)
      .set({ updatedAt: sql`'2026-03-01 10:00:00.123456+00'::timestamptz` })
      .where(inArray(cases.id, [built[1]!.id, built[3]!.id, built[5]!.id]));
    const manager = await t.as(mission.users.manager);
    const byNumber: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const answer = (await manager.get(`/api/v1/cases?pageSize=3&page=${page}`)).json();
      expect(answer.page).toBe(page);
      byNumber.push(...answer.items.map((c: { id: string }) => c.id));
    }
    const byCursor: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const answer: { items: { id: string }[]; total: number; nextCursor: string | null } = (
        await manager.get(`/api/v1/cases?pageSize=3${after ? `&after=${encodeURIComponent(after)}` : ''}`)
      ).json();
      expect(answer.total).toBe(7);
      byCursor.push(...answer.items.map((c: { id: string }) => c.id));
      after = answer.nextCursor;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(byCursor).toEqual(byNumber);
    expect(new Set(byCursor)).toEqual(new Set(built.map((c) => c.id)));
    // The last page by number has no next cursor either.
    expect((await manager.get('/api/v1/cases?pageSize=3&page=3')).json().nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give, and a cursor with a page number, naming `after`', async () => {
    const manager = await t.as(mission.users.manager);
    for (const after of [
      'nonsense',
      Buffer.from('["2026-13-40T00:00:00.000000Z","x"]').toString('base64url'),
    ]) {
      const response = await manager.get(`/api/v1/cases?after=${after}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.after']);
    }
    await buildCase(t.database.db, { mission });
    await buildCase(t.database.db, { mission });
    const first = (await manager.get('/api/v1/cases?pageSize=1')).json();
    const both = await manager.get(`/api/v1/cases?pageSize=1&page=2&after=${first.nextCursor}`);
    expect(both.statusCode).toBe(400);
    expect(both.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.after']);
  });

  it('never shows another mission’s cases', async () => {
    const other = await buildMission(t.database.db);
    const foreign = await buildCase(t.database.db, { mission: other });
    const manager = await t.as(mission.users.manager);
    expect((await manager.get('/api/v1/cases')).json().total).toBe(0);
    expect((await manager.get(`/api/v1/cases/${foreign.id}`)).statusCode).toBe(404);
  });
});

describe('the case page in one request', () => {
  it('returns the workflow steps and the timeline asked for, equal to their own routes’ answers', async () => {
    const { response, api } = await openCase({ assigneeId: mission.users.counsellor.id });
    const id = response.json().case.id;
    await api.post(`/api/v1/cases/${id}/transitions`, { transition: 'start_counselling', version: 1 });
    await api.post(`/api/v1/cases/${id}/notes`, { body: 'Wants to return before the school year.' });
    const page = await api.get(`/api/v1/cases/${id}?include=transitions,timeline`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.case).toEqual((await api.get(`/api/v1/cases/${id}`)).json().case);
    expect(body.case).toMatchObject({
      assignee: mission.users.counsellor,
      office: { id: mission.offices.hague.id, name: 'The Hague office' },
      returnOffice: null,
    });
    expect(body.transitions).toEqual((await api.get(`/api/v1/cases/${id}/transitions`)).json().items);
    expect(body.timeline).toEqual((await api.get(`/api/v1/cases/${id}/timeline`)).json().items);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'note_added',
      'status_changed',
      'case_created',
    ]);
    expect(body.transitions.some((o: { allowed: boolean }) => o.allowed)).toBe(true);

    // Only what is asked for; nothing without include.
    const onlyTimeline = (await api.get(`/api/v1/cases/${id}?include=timeline`)).json();
    expect(Object.keys(onlyTimeline).sort()).toEqual(['case', 'timeline']);
    expect(Object.keys((await api.get(`/api/v1/cases/${id}`)).json())).toEqual(['case']);
  });

  it('refuses an unknown part with 400 naming the field', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const api = await t.as(mission.users.counsellor);
    for (const include of ['people', 'transitions,everything', 'timeline,', '']) {
      const response = await api.get(`/api/v1/cases/${kase.id}?include=${include}`);
      expect(response.statusCode, include).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.include']);
    }
    const openapi = (await t.anonymous.get('/api/openapi.json')).json();
    const parameter = openapi.paths['/api/v1/cases/{id}'].get.parameters.find(
      (p: { name: string }) => p.name === 'include',
    );
    expect(parameter).toMatchObject({ in: 'query', required: false });
    expect(parameter.schema.pattern).toContain('transitions|timeline');
    expect(parameter.description).toContain('transitions, timeline');
  });

  it('hides a trafficking case with its parts as without them, and logs its read once', async () => {
    const hidden = await buildCase(t.database.db, { mission, vulnerabilities: ['victim_of_trafficking'] });
    const counsellor = await t.as(mission.users.counsellor);
    const hiddenPage = await counsellor.get(`/api/v1/cases/${hidden.id}?include=transitions,timeline`);
    expect(hiddenPage.statusCode).toBe(404);
    expect(hiddenPage.json()).toMatchObject({ status: 404, detail: 'Case not found.' });

    const officer = await t.as(mission.users.vulnerable);
    const page = await officer.get(`/api/v1/cases/${hidden.id}?include=transitions,timeline`);
    expect(page.statusCode).toBe(200);
    const reads = () =>
      t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.missionId, mission.missionId),
            eq(auditLog.recordId, hidden.id),
            eq(auditLog.action, 'case.read_sensitive'),
          ),
        );
    // The one request is one read of the restricted case, logged like the case alone.
    expect((await reads()).map((r) => [r.actorId, r.after])).toEqual([
      [mission.users.vulnerable.id, { what: 'case', categories: ['trafficking'] }],
    ]);
    expect(page.json().timeline).toEqual(
      (await officer.get(`/api/v1/cases/${hidden.id}/timeline`)).json().items,
    );
    // The timeline read alone is a read of its own.
    expect((await reads()).map((r) => (r.after as { what: string }).what).sort()).toEqual([
      'case',
      'timeline',
    ]);
  });
});

describe('changing a case', () => {
  it('answers 409 with the current version when the edit is based on a stale version', async () => {
    const { response, api } = await openCase();
    const kase = response.json().case;
    const first = await api.patch(`/api/v1/cases/${kase.id}`, { version: 1, fundingProject: 'ERF' });
    expect(first.statusCode).toBe(200);
    expect(first.json().case).toMatchObject({ version: 2, fundingProject: 'ERF' });
    const stale = await api.patch(`/api/v1/cases/${kase.id}`, { version: 1, fundingProject: 'AMIF' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    expect(stale.json()).toMatchObject({ status: 409, currentVersion: 2 });
    const reread = (await api.get(`/api/v1/cases/${kase.id}`)).json().case;
    expect(reread.fundingProject).toBe('ERF');
  });

  it('records the before and after of an edit in the audit trail', async () => {
    const { response, api } = await openCase();
    const kase = response.json().case;
    await api.patch(`/api/v1/cases/${kase.id}`, { version: 1, assigneeId: mission.users.counsellor.id });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, kase.id), eq(auditLog.action, 'case.update')));
    expect((entry!.before as { assigneeId: string | null }).assigneeId).toBeNull();
    expect((entry!.after as { assigneeId: string }).assigneeId).toBe(mission.users.counsellor.id);
  });
});

describe('workflow transitions', () => {
  it('lists what is possible now and why the rest is blocked', async () => {
    const kase = await buildCase(t.database.db, { mission, status: 'travel_documents' });
    const api = await t.as(mission.users.counsellor);
    const items = (await api.get(`/api/v1/cases/${kase.id}/transitions`)).json().items;
    const booking = items.find((o: { transition: string }) => o.transition === 'book_travel');
    expect(booking).toMatchObject({
      allowed: false,
      reasons: [{ code: 'travel_document_missing' }, { code: 'booking_not_confirmed' }],
    });
    const withdraw = items.find((o: { transition: string }) => o.transition === 'withdraw');
    expect(withdraw).toMatchObject({ allowed: true, requiresReason: true });
  });

  it('moves a case to application submitted, with the change on the timeline', async () => {
    const { response, api } = await openCase();
    const id = response.json().case.id;
    const counselling = await api.post(`/api/v1/cases/${id}/transitions`, {
      transition: 'start_counselling',
      version: 1,
    });
    expect(counselling.json().case).toMatchObject({ status: 'counselling', version: 2 });
    const submitted = await api.post(`/api/v1/cases/${id}/transitions`, { transition: 'submit_application' });
    expect(submitted.json().case.status).toBe('application_submitted');
    const timeline = (await api.get(`/api/v1/cases/${id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      kind: 'status_changed',
      actor: { id: mission.users.counsellor.id },
      data: { from: 'counselling', to: 'application_submitted' },
      summary: { en: 'Status changed from Counselling to Application submitted' },
    });
  });

  it('refuses a blocked step with 422 and every reason, and books travel once the document is recorded and the booking confirmed', async () => {
    const kase = await buildCase(t.database.db, { mission, status: 'travel_documents' });
    const api = await t.as(mission.users.counsellor);
    const refused = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'book_travel' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'travel_document_missing',
      'booking_not_confirmed',
    ]);
    const [member] = (await api.get(`/api/v1/cases/${kase.id}`)).json().case.persons;
    await t.database.db.insert(personDocuments).values({
      missionId: mission.missionId,
      id: newId(),
      personId: member.id,
      kind: 'laissez_passer',
      number: 'LP-1',
      issuingCountry: 'IQ',
      validUntil: '2099-01-01',
      createdAt: new Date(),
    });
    // A document is not a booking: travel booked needs a confirmed seat for the person.
    const noBooking = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'book_travel' });
    expect(noBooking.statusCode).toBe(422);
    expect(noBooking.json().reasons.map((r: { code: string }) => r.code)).toEqual(['booking_not_confirmed']);
    const movements = await t.as(mission.users.movements);
    const held = await movements.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = await movements.post(`/api/v1/bookings/${held.json().booking.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await api.get(`/api/v1/cases/${kase.id}`)).json().case.status).toBe('travel_booked');
  });

  it('needs a reason to withdraw, and returns to the earlier status after a hold', async () => {
    const kase = await buildCase(t.database.db, { mission, status: 'eligible' });
    const api = await t.as(mission.users.counsellor);
    const noReason = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'withdraw' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().reasons[0].code).toBe('reason_required');
    await api.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'put_on_hold',
      reason: 'Medical treatment',
    });
    const resumed = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'resume' });
    expect(resumed.json().case).toMatchObject({ status: 'eligible', previousStatus: null });
  });

  it('refuses a stale version with 409', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'start_counselling',
      version: 7,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().currentVersion).toBe(1);
  });

  it('does not let a resettlement officer move an AVRR case', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const api = await t.as(mission.users.resettlement);
    const response = await api.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'start_counselling',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('the office in the country of return', () => {
  it('lets the receiving reintegration officer see and advance the case, and nobody else there', async () => {
    const { response, api } = await openCase({ returnOfficeId: mission.offices.erbil.id });
    const kase = response.json().case;
    expect(kase.returnOffice).toEqual({ id: mission.offices.erbil.id, name: 'Erbil office' });
    const other = await buildCase(t.database.db, { mission });
    const officer = await t.as(mission.users.reintegration);
    const listed = (await officer.get('/api/v1/cases')).json().items.map((c: { id: string }) => c.id);
    expect(listed).toEqual([kase.id]);
    expect((await officer.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(404);
    const detail = (await officer.get(`/api/v1/cases/${kase.id}`)).json().case;
    expect(detail.policies).toMatchObject({ transition: true, update: false });
    const moved = await officer.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'start_counselling',
    });
    expect(moved.statusCode).toBe(200);
    const cleared = await api.patch(`/api/v1/cases/${kase.id}`, { version: 2, returnOfficeId: null });
    expect(cleared.json().case.returnOffice).toBeNull();
    expect((await officer.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
  });

  it('must be an office in a country of origin', async () => {
    const { response } = await openCase({ returnOfficeId: mission.offices.terApel.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.returnOfficeId', message: 'is not an office of this mission in a country of origin' },
    ]);
  });
});
