import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { multipartBody } from '../../test-support/multipart-body.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { queueCaseSms } from '../messaging/queue-case-sms.js';
import { createUser } from '../organisation/create-mission.js';
import { loadActor } from '../organisation/load-actor.js';

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

/** A person with an identity document and a case at the Hague with a note, a document (downloaded once) and an SMS. */
async function personWithHistory(options: { vulnerabilities?: string[]; atTerApel?: boolean } = {}) {
  const user = options.atTerApel ? mission.users.otherCounsellor : mission.users.counsellor;
  const counsellor = await t.as(user);
  const familyName = `Haddad${randomUUID().slice(0, 6)}`;
  const created = await counsellor.post('/api/v1/persons', {
    givenName: 'Karim',
    familyName,
    givenNameNative: 'كريم',
    sex: 'male',
    dateOfBirth: '1984-09-03',
    dateOfBirthPrecision: 'exact',
    nationalities: ['SY'],
    phone: '+31 6 5550 1234',
  });
  expect(created.statusCode, created.body).toBe(201);
  const personId = created.json().person.id as string;
  await counsellor.post(`/api/v1/persons/${personId}/documents`, {
    kind: 'passport',
    number: 'N0123456',
    issuingCountry: 'SY',
  });
  const opened = await counsellor.post('/api/v1/cases', {
    programme: 'avrr',
    personIds: [personId],
    officeId: options.atTerApel ? mission.offices.terApel.id : mission.offices.hague.id,
    assigneeId: user.id,
    referralSource: 'reception_agency',
    vulnerabilities: options.vulnerabilities ?? [],
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const kase = opened.json().case as { id: string; reference: string };
  await counsellor.post(`/api/v1/cases/${kase.id}/notes`, {
    body: 'Wants to return before the school year.',
  });
  const upload = await counsellor.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/documents`,
    ...multipartBody([
      { name: 'kind', value: 'consent' },
      {
        name: 'file',
        filename: 'consent.pdf',
        contentType: 'application/pdf',
        data: Buffer.from('%PDF-1.7\n%%EOF\n'),
      },
    ]),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const documentId = upload.json().document.id as string;
  expect((await counsellor.get(`/api/v1/cases/${kase.id}/documents/${documentId}/content`)).statusCode).toBe(
    200,
  );
  const actor = (await loadActor(t.database.db, mission.users.movements.id))!;
  await withSystemTransaction(t.database.db, actor, (ctx) =>
    queueCaseSms(ctx, {
      caseId: kase.id,
      phone: '+31655501234',
      language: 'en',
      kind: 'booking_cancelled',
      variables: { name: 'Karim', date: '2026-03-01', flightNumber: 'PC1264' },
      idempotencyKey: `sar-${kase.id}`,
    }),
  );
  // After the SMS: the person agreed to SMS contact, then withdrew it.
  const consent = await counsellor.post(`/api/v1/persons/${personId}/consents`, {
    purpose: 'sms_contact',
    givenOn: new Date().toISOString().slice(0, 10),
    how: 'verbal',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const withdrawn = await counsellor.post(
    `/api/v1/persons/${personId}/consents/${consent.json().consent.id}/withdraw`,
    {},
  );
  expect(withdrawn.statusCode).toBe(200);
  return { personId, familyName, kase, documentId };
}

describe('GET /api/v1/persons/:id/subject-access-export', () => {
  it('gives everything held about the person, with the log of who accessed it, and audits the export', async () => {
    const { personId, familyName, kase, documentId } = await personWithHistory();
    const admin = await t.as(mission.users.admin);
    const response = await admin.get(`/api/v1/persons/${personId}/subject-access-export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const body = response.json();
    expect(body.exportedBy).toEqual({
      id: mission.users.admin.id,
      displayName: mission.users.admin.displayName,
    });
    expect(body.person).toMatchObject({
      id: personId,
      givenName: 'Karim',
      familyName,
      givenNameNative: 'كريم',
      phone: '+31655501234',
      dateOfBirth: '1984-09-03',
    });
    expect(body.person).not.toHaveProperty('missionId');
    expect(body.anonymisedAt).toBeNull();
    expect(body.identityDocuments).toEqual([
      expect.objectContaining({ kind: 'passport', number: 'N0123456' }),
    ]);
    expect(body.cases).toEqual([
      expect.objectContaining({ id: kase.id, reference: kase.reference, status: 'registered' }),
    ]);
    expect(body.notes.map((n: { body: string }) => n.body)).toEqual([
      'Wants to return before the school year.',
    ]);
    expect(body.documents).toEqual([
      expect.objectContaining({ id: documentId, filename: 'consent.pdf', kind: 'consent' }),
    ]);
    expect(body.documents[0]).not.toHaveProperty('storageKey');
    expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['note_added']));
    expect(body.messages).toEqual([
      expect.objectContaining({
        channel: 'sms',
        kind: 'booking_cancelled',
        payload: expect.objectContaining({ to: '+31655501234' }),
      }),
    ]);
    expect(body.consents).toEqual([
      expect.objectContaining({ purpose: 'sms_contact', how: 'verbal', withdrawnOn: expect.any(String) }),
    ]);
    expect(body.consents[0]).not.toHaveProperty('missionId');
    const log = body.accessLog.map((e: { action: string; actor: { id: string } | null }) => [
      e.action,
      e.actor?.id,
    ]);
    expect(log).toEqual(
      expect.arrayContaining([
        ['person.create', mission.users.counsellor.id],
        ['person.document_add', mission.users.counsellor.id],
        ['case.create', mission.users.counsellor.id],
        ['note.create', mission.users.counsellor.id],
        ['document.upload', mission.users.counsellor.id],
        ['document.download', mission.users.counsellor.id],
      ]),
    );
    expect(body.accessLog[0]).toEqual({
      at: expect.any(String),
      actorType: 'user',
      actor: {
        id: mission.users.counsellor.id,
        displayName: mission.users.counsellor.displayName,
        email: mission.users.counsellor.email,
      },
      action: 'person.create',
      recordType: 'person',
      recordId: personId,
      ip: expect.any(String),
    });

    const audit = await selectRows<{ actor_id: string; after: Record<string, unknown> }>(
      t.database.db,
      sql`select actor_id, after from audit_log where mission_id = ${mission.missionId}
          and action = 'person.subject_access_export' and record_id = ${personId}`,
    );
    expect(audit).toEqual([
      {
        actor_id: mission.users.admin.id,
        after: { format: 'json', cases: 1, accessLogEntries: body.accessLog.length },
      },
    ]);
    // The next export shows the first among the accesses.
    const again = (await admin.get(`/api/v1/persons/${personId}/subject-access-export`)).json();
    expect(again.accessLog.at(-1)).toMatchObject({
      action: 'person.subject_access_export',
      actor: { id: mission.users.admin.id },
    });
  });

  it('gives a PDF summary, audited as such', async () => {
    const { personId } = await personWithHistory();
    const manager = await t.as(mission.users.manager);
    const response = await manager.get(`/api/v1/persons/${personId}/subject-access-export/pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`subject-access-${personId}.pdf`);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.length).toBeGreaterThan(1500);
    const [entry] = await selectRows<{ after: Record<string, unknown> }>(
      t.database.db,
      sql`select after from audit_log where mission_id = ${mission.missionId} and action = 'person.subject_access_export'`,
    );
    expect(entry!.after).toMatchObject({ format: 'pdf' });
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['vulnerable', 200],
    ['counsellor', 403],
    ['otherCounsellor', 403],
    ['movements', 403],
    ['reintegration', 403],
    ['resettlement', 403],
    ['liaison', 403],
  ] as const)('for a restricted (trafficking) case: %s gets %i', async (role, status) => {
    const { personId } = await personWithHistory({ vulnerabilities: ['victim_of_trafficking'] });
    const client = await t.as(mission.users[role]);
    const response = await client.get(`/api/v1/persons/${personId}/subject-access-export`);
    expect(response.statusCode, response.body).toBe(status);
    if (status === 403) expect(response.body).not.toContain('Karim');
  });

  it('refuses a manager of one office a person whose case is at another office', async () => {
    const { personId } = await personWithHistory({ atTerApel: true });
    const local = await createUser(t.database.db, {
      missionId: mission.missionId,
      email: `hague-manager-${randomUUID().slice(0, 6)}@test.passage.local`,
      displayName: 'Hague manager',
      passwordHash: null,
      roles: [{ role: 'manager', officeId: mission.offices.hague.id }],
    });
    const client = await t.as(local);
    expect((await client.get(`/api/v1/persons/${personId}/subject-access-export`)).statusCode).toBe(403);
  });

  it('answers 404 for a person of another mission', async () => {
    const { personId } = await personWithHistory();
    const other = await buildMission(t.database.db);
    const client = await t.as(other.users.admin);
    expect((await client.get(`/api/v1/persons/${personId}/subject-access-export`)).statusCode).toBe(404);
  });
});
