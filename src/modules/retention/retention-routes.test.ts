import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { multipartBody } from '../../test-support/multipart-body.js';
import { type Client, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { queueCaseSms } from '../messaging/queue-case-sms.js';
import { loadActor } from '../organisation/load-actor.js';
import { closeCaseOn, rowsContaining, waitForRun } from './retention-test-support.js';
import { executeRetentionRun, runRetentionForMission, startRetentionRun } from './run-retention.js';

let t: TestApp;
let mission: TestMission;
let admin: Client;
let counsellor: Client;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
  admin = await t.as(mission.users.admin);
  counsellor = await t.as(mission.users.counsellor);
});

const LONG_AGO = '2015-06-30T10:00:00Z';

async function register(extra: Record<string, unknown> = {}): Promise<{ id: string; familyName: string }> {
  const familyName = `Qarawi${randomUUID().slice(0, 6)}`;
  const response = await counsellor.post('/api/v1/persons', {
    givenName: 'Zubaida',
    familyName,
    sex: 'female',
    dateOfBirth: '1990-04-12',
    dateOfBirthPrecision: 'exact',
    nationalities: ['IQ'],
    languages: ['ar'],
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().person.id, familyName };
}

async function openCase(personIds: string[]): Promise<{ id: string; reference: string }> {
  const response = await counsellor.post('/api/v1/cases', {
    programme: 'avrr',
    personIds,
    officeId: mission.offices.hague.id,
    referralSource: 'reception_agency',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().case;
}

async function closedLongAgo(personIds: string[], closedAt = LONG_AGO) {
  const kase = await openCase(personIds);
  await closeCaseOn(t.database.db, mission.missionId, kase.id, closedAt);
  return kase;
}

const auditOf = (action: string) =>
  selectRows<{ record_id: string; actor_id: string | null; before: unknown; after: Record<string, unknown> }>(
    t.database.db,
    sql`select record_id, actor_id, before, after from audit_log
        where mission_id = ${mission.missionId} and action = ${action} order by at, id`,
  );

describe('retention rules', () => {
  it('shows the default, lets an administrator set a programme’s rule, and audits the change', async () => {
    const initial = await admin.get('/api/v1/retention/rules');
    expect(initial.statusCode).toBe(200);
    expect(initial.json().items).toEqual([
      { programme: 'avrr', yearsAfterClosure: 7, action: 'anonymise', isDefault: true },
    ]);
    const set = await admin.put('/api/v1/retention/rules/avrr', {
      yearsAfterClosure: 5,
      action: 'anonymise',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      programme: 'avrr',
      yearsAfterClosure: 5,
      action: 'anonymise',
      isDefault: false,
    });
    expect((await admin.get('/api/v1/retention/rules')).json().items).toEqual([set.json()]);
    const audit = await auditOf('retention_rule.update');
    expect(audit).toEqual([
      {
        record_id: 'avrr',
        actor_id: mission.users.admin.id,
        before: { programme: 'avrr', yearsAfterClosure: 7, action: 'anonymise', isDefault: true },
        after: set.json(),
      },
    ]);
  });

  it.each([
    ['manager', 403],
    ['vulnerable', 403],
    ['counsellor', 403],
  ] as const)('refuses the rules and runs to a %s (%i)', async (role, status) => {
    const client = await t.as(mission.users[role]);
    expect((await client.get('/api/v1/retention/rules')).statusCode).toBe(status);
    expect(
      (await client.put('/api/v1/retention/rules/avrr', { yearsAfterClosure: 1, action: 'keep' })).statusCode,
    ).toBe(status);
    expect((await client.post('/api/v1/retention/runs', { dryRun: true })).statusCode).toBe(status);
  });

  it('refuses a period under a year and an unknown programme with 400', async () => {
    const zero = await admin.put('/api/v1/retention/rules/avrr', {
      yearsAfterClosure: 0,
      action: 'anonymise',
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (await admin.put('/api/v1/retention/rules/mars', { yearsAfterClosure: 3, action: 'keep' })).statusCode,
    ).toBe(400);
  });
});

describe('a dry run', () => {
  it('lists exactly the persons whose every case closed before the period, and changes nothing', async () => {
    const alone = await register();
    await closedLongAgo([alone.id]);
    const recent = await register();
    await closedLongAgo([recent.id], new Date(Date.now() - 30 * 86_400_000).toISOString());
    const stillOpen = await register();
    await closedLongAgo([stillOpen.id]);
    await openCase([stillOpen.id]);
    const parent = await register();
    const child = await register({ dateOfBirth: '2012-02-02' });
    const family = await closedLongAgo([parent.id, child.id]);
    await register(); // no case at all: no rule applies

    const response = await admin.post('/api/v1/retention/runs', { dryRun: true });
    expect(response.statusCode, response.body).toBe(200);
    const { run, candidates } = response.json();
    expect(run).toMatchObject({ dryRun: true, status: 'completed', total: 3, done: 0 });
    expect(candidates.map((c: { personId: string }) => c.personId).sort()).toEqual(
      [alone.id, parent.id, child.id].sort(),
    );
    expect(candidates.find((c: { personId: string }) => c.personId === child.id)).toEqual({
      personId: child.id,
      lastClosedAt: '2015-06-30T10:00:00.000Z',
      cases: [
        {
          id: family.id,
          reference: family.reference,
          programme: 'avrr',
          status: 'closed',
          closedAt: '2015-06-30T10:00:00.000Z',
        },
      ],
    });
    // Nothing changed: the names are all still there, and a second dry run finds the same.
    expect((await admin.get(`/api/v1/persons/${alone.id}`)).json().person.familyName).toBe(alone.familyName);
    expect((await admin.post('/api/v1/retention/runs', { dryRun: true })).json().run.total).toBe(3);
    const audit = await auditOf('retention.run');
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ dryRun: true, total: 3 });

    // A longer rule puts them back inside the period; "keep" never anonymises.
    await admin.put('/api/v1/retention/rules/avrr', { yearsAfterClosure: 20, action: 'anonymise' });
    expect((await admin.post('/api/v1/retention/runs', { dryRun: true })).json().run.total).toBe(0);
    await admin.put('/api/v1/retention/rules/avrr', { yearsAfterClosure: 1, action: 'keep' });
    expect((await admin.post('/api/v1/retention/runs', { dryRun: true })).json().run.total).toBe(0);
  });

  it('is what the scheduled job does with its dry-run option', async () => {
    const alone = await register();
    await closedLongAgo([alone.id]);
    const { run, candidates } = await runRetentionForMission(t.database.db, mission.missionId, {
      now: new Date(),
      storage: t.app.storage,
      dryRun: true,
    });
    expect(run).toMatchObject({ dryRun: true, total: 1, done: 0, requestedBy: null });
    expect(candidates.map((c) => c.personId)).toEqual([alone.id]);
    expect((await admin.get(`/api/v1/persons/${alone.id}`)).json().person.givenName).toBe('Zubaida');
  });
});

describe('a retention run', () => {
  it('removes names, contacts, documents with their files and free text, and keeps what the figures count', async () => {
    const subject = await register({
      givenNameNative: 'زبيدة',
      familyNameNative: 'قراوي',
      aliases: ['Zubi Alias'],
      phone: '+31 6 4477 1290',
    });
    const passport = `QX${randomUUID().slice(0, 6).toUpperCase()}`;
    const added = await counsellor.post(`/api/v1/persons/${subject.id}/documents`, {
      kind: 'passport',
      number: passport,
      issuingCountry: 'IQ',
    });
    expect(added.statusCode, added.body).toBe(201);
    const kase = await openCase([subject.id]);
    const note = await counsellor.post(`/api/v1/cases/${kase.id}/notes`, {
      body: `Spoke with ${subject.familyName} about the Tikrit address`,
    });
    expect(note.statusCode).toBe(201);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    const upload = await counsellor.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/documents`,
      ...multipartBody([
        { name: 'kind', value: 'consent' },
        {
          name: 'file',
          filename: `consent ${subject.familyName}.pdf`,
          contentType: 'application/pdf',
          data: pdf,
        },
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const [stored] = await selectRows<{ storage_key: string }>(
      t.database.db,
      sql`select storage_key from case_documents where mission_id = ${mission.missionId} and case_id = ${kase.id}`,
    );
    expect(await t.app.storage.get(stored!.storage_key)).toEqual(pdf);
    const actor = (await loadActor(t.database.db, mission.users.movements.id))!;
    await withSystemTransaction(t.database.db, actor, (ctx) =>
      queueCaseSms(ctx, {
        caseId: kase.id,
        phone: '+31644771290',
        language: 'en',
        kind: 'booking_cancelled',
        variables: { name: `Zubaida ${subject.familyName}`, date: '2016-01-05', flightNumber: 'TK1952' },
        idempotencyKey: `test-${kase.id}`,
      }),
    );
    await closeCaseOn(t.database.db, mission.missionId, kase.id, LONG_AGO);
    // Someone else on an open case, with a name in the same place: never touched.
    const bystander = await register({ phone: '+31 6 4477 1291' });
    await openCase([bystander.id]);
    const before = (await admin.get(`/api/v1/persons/${subject.id}`)).json().person;
    for (const needle of [subject.familyName, 'Zubi Alias', 'قراوي', passport, '44771290', 'Tikrit']) {
      expect(await rowsContaining(t.database.db, mission.missionId, needle), needle).not.toEqual([]);
    }

    const started = await admin.post('/api/v1/retention/runs', { dryRun: false });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().run).toMatchObject({ dryRun: false, status: 'running', total: 1, done: 0 });
    const run = await waitForRun(admin, started.json().run.id);
    expect(run).toMatchObject({
      status: 'completed',
      total: 1,
      done: 1,
      counts: expect.objectContaining({
        identityDocuments: 1,
        caseDocuments: 1,
        files: 1,
        notes: 1,
        messages: 1,
      }),
    });

    // Whatever identified the person is nowhere in the mission's tables, the audit trail included.
    for (const needle of [
      subject.familyName,
      'Zubi Alias',
      'قراوي',
      'زبيدة',
      passport,
      '44771290',
      'Tikrit',
    ]) {
      expect(await rowsContaining(t.database.db, mission.missionId, needle), needle).toEqual([]);
    }
    await expect(t.app.storage.get(stored!.storage_key)).rejects.toThrow(/ENOENT/);
    const after = (await admin.get(`/api/v1/persons/${subject.id}`)).json().person;
    expect(after).toMatchObject({
      givenName: '[anonymised]',
      familyName: '[anonymised]',
      givenNameNative: null,
      familyNameNative: null,
      aliases: [],
      phone: null,
      dateOfBirth: '1990-01-01',
      dateOfBirthPrecision: 'year',
      sex: before.sex,
      nationalities: before.nationalities,
      languages: before.languages,
      // Kind and issuing country stay (the annual report counts residence permits by country).
      documents: [
        expect.objectContaining({
          kind: 'passport',
          number: '[removed]',
          issuingCountry: 'IQ',
          validUntil: null,
        }),
      ],
    });
    const caseAfter = (await admin.get(`/api/v1/cases/${kase.id}`)).json().case;
    expect(caseAfter).toMatchObject({ reference: kase.reference, status: 'closed', programme: 'avrr' });
    const notes = (await admin.get(`/api/v1/cases/${kase.id}/notes`)).json().items;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['[removed]']);
    expect((await admin.get(`/api/v1/cases/${kase.id}/documents`)).json().items).toEqual([]);
    expect((await admin.get(`/api/v1/persons/${bystander.id}`)).json().person).toMatchObject({
      givenName: 'Zubaida',
      familyName: bystander.familyName,
      phone: '+31644771291',
    });
    const audit = await auditOf('person.anonymise');
    expect(audit).toEqual([
      expect.objectContaining({
        record_id: subject.id,
        actor_id: mission.users.admin.id,
        after: expect.objectContaining({ runId: run.id, cases: [kase.reference] }),
      }),
    ]);

    // Done once: the next run finds nobody.
    const again = await admin.post('/api/v1/retention/runs', { dryRun: true });
    expect(again.json().run.total).toBe(0);
  });

  it('leaves alone a person given a new case after the run started', async () => {
    const subject = await register();
    await closedLongAgo([subject.id]);
    const other = await register();
    await closedLongAgo([other.id]);
    const actor = (await loadActor(t.database.db, mission.users.admin.id))!;
    const now = new Date();
    const { run } = await startRetentionRun(t.database.db, actor, { dryRun: false, now });
    expect(run.total).toBe(2);
    await openCase([subject.id]);
    const finished = await executeRetentionRun(t.database.db, actor, {
      runId: run.id,
      now,
      storage: t.app.storage,
    });
    expect(finished).toMatchObject({ status: 'completed', total: 2, done: 1 });
    expect((await admin.get(`/api/v1/persons/${subject.id}`)).json().person.familyName).toBe(
      subject.familyName,
    );
    expect((await admin.get(`/api/v1/persons/${other.id}`)).json().person.familyName).toBe('[anonymised]');
  });

  it('scrubs a family’s case only when its last person is anonymised', async () => {
    const parent = await register();
    const child = await register();
    const family = await closedLongAgo([parent.id, child.id]);
    await counsellor.post(`/api/v1/cases/${family.id}/notes`, { body: `Family of ${parent.familyName}` });
    // The child has an open case of their own: the family's case keeps its note until the child goes too.
    await openCase([child.id]);
    const first = await admin.post('/api/v1/retention/runs', { dryRun: false });
    const run = await waitForRun(admin, first.json().run.id);
    expect(run).toMatchObject({ total: 1, done: 1 });
    expect((await admin.get(`/api/v1/persons/${child.id}`)).json().person.familyName).toBe(child.familyName);
    const notes = (await admin.get(`/api/v1/cases/${family.id}/notes`)).json().items;
    expect(notes.map((n: { body: string }) => n.body)).toEqual([`Family of ${parent.familyName}`]);
  });
});
