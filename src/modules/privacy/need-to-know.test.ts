// Need-to-know inside a mission: each leak found when the mission was probed from the inside, with the
// rule that closes it, and the access log an administrator reads.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { buildCase, principalOf } from '../../test-support/build-case.js';
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

async function uploadAs(user: { id: string }, caseId: string, kind: string, filename: string) {
  const response = await (await t.as(user)).request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipartBody([
      { name: 'kind', value: kind },
      { name: 'file', filename, contentType: 'application/pdf', data: PDF },
    ]),
  });
  expect(response.statusCode).toBe(201);
  return response.json().document as { id: string };
}

async function accessEntries(caseId: string, actorId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.missionId, mission.missionId),
        eq(auditLog.recordId, caseId),
        eq(auditLog.actorId, actorId),
        eq(auditLog.action, 'case.read_sensitive'),
      ),
    );
}

describe('medical documents', () => {
  it('are listed without their name and refused for download to those who do not need to know', async () => {
    // Assigned to the vulnerable-cases officer, so the Hague counsellor is an unassigned counsellor here.
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.vulnerable.id });
    const medical = await uploadAs(mission.users.vulnerable, kase.id, 'medical', 'HIV test result.pdf');
    const consent = await uploadAs(mission.users.vulnerable, kase.id, 'consent', 'consent.pdf');

    for (const user of [mission.users.movements, mission.users.resettlement, mission.users.counsellor]) {
      const api = await t.as(user);
      const list = (await api.get(`/api/v1/cases/${kase.id}/documents`)).json().items;
      expect(list.find((d: { id: string }) => d.id === medical.id)).toMatchObject({
        kind: 'medical',
        filename: null,
        hidden: true,
      });
      expect(list.find((d: { id: string }) => d.id === consent.id)).toMatchObject({ hidden: false });
      expect(JSON.stringify(list)).not.toContain('HIV');
      const byCase = await api.get(`/api/v1/cases/${kase.id}/documents/${medical.id}/content`);
      expect(byCase.statusCode).toBe(403);
      expect((await api.get(`/api/v1/documents/${medical.id}/content`)).statusCode).toBe(403);
      expect((await api.get(`/api/v1/documents/${consent.id}/content`)).statusCode).toBe(200);
    }
    expect(await accessEntries(kase.id, mission.users.movements.id)).toEqual([]);
  });

  it('are read by the assigned counsellor and the vulnerable-cases officer, and each read is logged', async () => {
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const medical = await uploadAs(mission.users.vulnerable, kase.id, 'medical', 'fit to fly.pdf');
    for (const user of [mission.users.counsellor, mission.users.vulnerable]) {
      const api = await t.as(user);
      const response = await api.get(`/api/v1/documents/${medical.id}/content`);
      expect(response.statusCode).toBe(200);
      const [entry] = await accessEntries(kase.id, user.id);
      expect(entry!.after).toMatchObject({ what: 'document', categories: ['medical'], ids: [medical.id] });
    }
  });
});

describe('restricted notes', () => {
  it('show that a restricted note exists, not what it says, to those who do not need to know', async () => {
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const counsellor = await t.as(mission.users.counsellor);
    const written = await counsellor.post(`/api/v1/cases/${kase.id}/notes`, {
      body: 'Takes antiretroviral medication daily.',
      restriction: 'medical',
    });
    expect(written.statusCode).toBe(201);
    expect(written.json().note).toMatchObject({ restriction: 'medical', hidden: false });
    await counsellor.post(`/api/v1/cases/${kase.id}/notes`, { body: 'Prefers an afternoon appointment.' });

    const movements = (
      await (await t.as(mission.users.movements)).get(`/api/v1/cases/${kase.id}/notes`)
    ).json();
    expect(movements.items.map((n: { body: string | null; hidden: boolean }) => [n.body, n.hidden])).toEqual([
      ['Prefers an afternoon appointment.', false],
      [null, true],
    ]);
    expect(await accessEntries(kase.id, mission.users.movements.id)).toEqual([]);

    const officer = (
      await (await t.as(mission.users.vulnerable)).get(`/api/v1/cases/${kase.id}/notes`)
    ).json();
    expect(officer.items[1]).toMatchObject({ body: 'Takes antiretroviral medication daily.', hidden: false });
    const [entry] = await accessEntries(kase.id, mission.users.vulnerable.id);
    expect(entry!.after).toMatchObject({ what: 'notes', categories: ['medical'] });
  });
});

describe('persons of a trafficking case', () => {
  it('are a restricted record to a counsellor who may not read the case: not found by name, not read, not edited', async () => {
    const kase = await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['victim_of_trafficking'],
      assigneeId: mission.users.vulnerable.id,
    });
    const personId = await principalOf(t.database.db, kase);
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);

    const search = (await counsellor.get('/api/v1/persons/search?q=Amina')).json().items;
    const hit = search.find((h: { person: { id: string } }) => h.person.id === personId);
    expect(hit.person).toMatchObject({
      restricted: true,
      givenName: '',
      familyName: '',
      dateOfBirth: null,
      phone: null,
    });

    const read = await counsellor.get(`/api/v1/persons/${personId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().person).toMatchObject({ restricted: true, givenName: '', nationalities: [] });
    expect(read.json().person.documents).toBeUndefined();
    expect(read.json().policies).toEqual({ update: false, addDocument: false });
    expect(JSON.stringify(read.json())).not.toContain('Amina');

    const patch = await counsellor.patch(`/api/v1/persons/${personId}`, {
      version: 1,
      phone: '+31612345678',
    });
    expect(patch.statusCode).toBe(403);
    const document = await counsellor.post(`/api/v1/persons/${personId}/documents`, {
      kind: 'passport',
      number: 'X1',
      issuingCountry: 'IQ',
    });
    expect(document.statusCode).toBe(403);

    const officer = await t.as(mission.users.vulnerable);
    const full = (await officer.get(`/api/v1/persons/${personId}`)).json();
    expect(full.person).toMatchObject({ restricted: false, givenName: 'Amina' });
    expect(full.policies.update).toBe(true);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'case.read_sensitive')));
    expect(logged.map((e) => [e.actorId, e.recordType, e.recordId, e.after])).toEqual([
      [mission.users.vulnerable.id, 'person', personId, { what: 'person', categories: ['trafficking'] }],
    ]);
  });
});

describe('the trafficking flag', () => {
  it('is removed or added only by the vulnerable-cases officer, manager or administrator, and audited', async () => {
    const kase = await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['victim_of_trafficking'],
      assigneeId: mission.users.counsellor.id,
    });
    const counsellor = await t.as(mission.users.counsellor);
    const removed = await counsellor.patch(`/api/v1/cases/${kase.id}`, {
      version: kase.version,
      vulnerabilities: [],
    });
    expect(removed.statusCode).toBe(403);
    const other = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const added = await counsellor.patch(`/api/v1/cases/${other.id}`, {
      version: other.version,
      vulnerabilities: ['victim_of_trafficking'],
    });
    expect(added.statusCode).toBe(403);
    // Other flags stay the counsellor's to record.
    const health = await counsellor.patch(`/api/v1/cases/${other.id}`, {
      version: other.version,
      vulnerabilities: ['health_needs'],
    });
    expect(health.statusCode).toBe(200);

    const officer = await t.as(mission.users.vulnerable);
    const byOfficer = await officer.patch(`/api/v1/cases/${kase.id}`, {
      version: kase.version,
      vulnerabilities: [],
    });
    expect(byOfficer.statusCode).toBe(200);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.missionId, mission.missionId),
          eq(auditLog.recordId, kase.id),
          eq(auditLog.action, 'case.restricted_flags'),
        ),
      );
    expect(entries.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [mission.users.vulnerable.id, { vulnerabilities: ['victim_of_trafficking'] }, { vulnerabilities: [] }],
    ]);
  });
});

describe('reading a trafficking case', () => {
  it('writes an access-log entry for each read', async () => {
    const kase = await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['victim_of_trafficking'],
      assigneeId: mission.users.counsellor.id,
    });
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(200);
    expect((await counsellor.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(200);
    const entries = await accessEntries(kase.id, mission.users.counsellor.id);
    expect(entries.map((e) => e.after)).toEqual([
      { what: 'case', categories: ['trafficking'] },
      { what: 'case', categories: ['trafficking'] },
    ]);
  });
});

describe("a manager's break-glass access", () => {
  it('asks for a reason, opens the restricted data for hours, and is listed for review', async () => {
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const medical = await uploadAs(mission.users.vulnerable, kase.id, 'medical', 'report.pdf');
    const manager = await t.as(mission.users.manager);
    expect((await manager.get(`/api/v1/documents/${medical.id}/content`)).statusCode).toBe(403);

    const detail = (await manager.get(`/api/v1/cases/${kase.id}`)).json().case;
    expect(detail.policies.breakGlass).toBe(true);
    const noReason = await manager.post(`/api/v1/cases/${kase.id}/break-glass`, { reason: 'urgent' });
    expect(noReason.statusCode).toBe(400);
    const counsellor = await t.as(mission.users.counsellor);
    const notManager = await counsellor.post(`/api/v1/cases/${kase.id}/break-glass`, {
      reason: 'I would like to see it',
    });
    expect(notManager.statusCode).toBe(403);

    const opened = await manager.post(`/api/v1/cases/${kase.id}/break-glass`, {
      reason: 'Client collapsed at the airport; escort needs the medical report',
    });
    expect(opened.statusCode).toBe(201);
    expect(new Date(opened.json().until).getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);
    expect((await manager.get(`/api/v1/documents/${medical.id}/content`)).statusCode).toBe(200);

    const admin = await t.as(mission.users.admin);
    expect((await manager.get('/api/v1/access-log')).statusCode).toBe(403);
    const review = (await admin.get('/api/v1/access-log?needsReview=true')).json().items;
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      action: 'case.break_glass',
      user: { id: mission.users.manager.id },
      caseId: kase.id,
      caseReference: kase.reference,
      reason: 'Client collapsed at the airport; escort needs the medical report',
      needsReview: true,
    });
    const all = (await admin.get(`/api/v1/access-log?caseId=${kase.id}`)).json().items;
    expect(all[0]).toMatchObject({
      action: 'case.read_sensitive',
      what: 'document',
      categories: ['medical'],
      breakGlass: true,
      user: { id: mission.users.manager.id },
    });

    const reviewed = await admin.post(`/api/v1/access-log/${review[0].id}/review`, { note: 'Justified' });
    expect(reviewed.statusCode).toBe(204);
    expect((await admin.post(`/api/v1/access-log/${review[0].id}/review`, {})).statusCode).toBe(409);
    expect((await admin.get('/api/v1/access-log?needsReview=true')).json().items).toEqual([]);
    const after = (await admin.get(`/api/v1/access-log?caseId=${kase.id}`)).json().items;
    expect(after.find((e: { id: string }) => e.id === review[0].id)).toMatchObject({
      needsReview: false,
      reviewedBy: { id: mission.users.admin.id },
    });
  });
});

describe('reads of a restricted case and of everything under it', () => {
  // Every GET route of a case, so a sub-resource added later is covered without touching this test.
  const caseReads = () =>
    t.app.apiRoutes.filter((route) => route.method === 'GET' && route.url.startsWith('/api/v1/cases/:id'));

  it('each writes one access-log entry for a trafficking victim’s or an unaccompanied minor’s case, none for an ordinary case', async () => {
    const routes = caseReads();
    expect(routes.map((route) => route.url)).toEqual(
      expect.arrayContaining(
        ['', '/timeline', '/transitions', '/tasks', '/documents', '/documents/:documentId/content']
          .concat(['/vulnerability-procedures', '/travel', '/bookings', '/notes'])
          .map((path) => `/api/v1/cases/:id${path}`),
      ),
    );
    const counsellor = mission.users.counsellor;
    const cases = [
      { flags: ['victim_of_trafficking'], categories: ['trafficking'] },
      { flags: ['unaccompanied_minor'], categories: ['minor'] },
      { flags: ['health_needs'], categories: null },
      { flags: [], categories: null },
    ];
    for (const { flags, categories } of cases) {
      const kase = await buildCase(t.database.db, {
        mission,
        vulnerabilities: flags as never,
        assigneeId: counsellor.id,
      });
      const document = await uploadAs(counsellor, kase.id, 'consent', 'consent.pdf');
      const api = await t.as(counsellor);
      for (const route of routes) {
        const url = route.url.replace(':id', kase.id).replace(':documentId', document.id);
        const response = await api.get(url);
        expect(response.statusCode, `${url} ${response.body}`).toBe(200);
      }
      const entries = (await accessEntries(kase.id, counsellor.id)).map(
        (entry) => entry.after as { what: string; categories: string[]; ids?: string[] },
      );
      if (categories === null) {
        expect(entries, flags.join()).toEqual([]);
        continue;
      }
      // One entry per read, naming what was read.
      expect(entries, flags.join()).toHaveLength(routes.length);
      expect(entries.every((entry) => entry.categories.join() === categories.join())).toBe(true);
      expect(entries.map((entry) => entry.what)).toEqual(
        expect.arrayContaining([
          'case',
          'timeline',
          'transitions',
          'tasks',
          'documents',
          'document',
          'vulnerability-procedures',
          'travel',
          'bookings',
          'notes',
        ]),
      );
      expect(entries.find((entry) => entry.what === 'document')?.ids).toEqual([document.id]);
    }
  });

  it('are not logged when the read is refused', async () => {
    const kase = await buildCase(t.database.db, {
      mission,
      vulnerabilities: ['victim_of_trafficking'],
      assigneeId: mission.users.vulnerable.id,
    });
    const other = await t.as(mission.users.counsellor);
    expect((await other.get(`/api/v1/cases/${kase.id}/timeline`)).statusCode).toBe(404);
    expect(await accessEntries(kase.id, mission.users.counsellor.id)).toEqual([]);
  });
});
