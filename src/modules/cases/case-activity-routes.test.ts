import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
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

async function timeline(caseId: string) {
  return selectRows<{ kind: string; data: Record<string, unknown>; actor_id: string }>(
    t.database.db,
    sql`select kind, data, actor_id from case_events where mission_id = ${mission.missionId} and case_id = ${caseId} order by occurred_at, id`,
  );
}

async function auditOf(recordId: string) {
  return selectRows<{ action: string; actor_id: string; before: unknown; after: unknown }>(
    t.database.db,
    sql`select action, actor_id, before, after from audit_log where mission_id = ${mission.missionId} and record_id = ${recordId} order by at, id`,
  );
}

describe('case notes', () => {
  it('adds notes and lists them newest first with their author, writing the timeline and audit', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const client = await t.as(mission.users.counsellor);
    const first = await client.post(`/api/v1/cases/${kase.id}/notes`, { body: '  First session held.  ' });
    expect(first.statusCode).toBe(201);
    const note = first.json().note;
    expect(note).toMatchObject({
      caseId: kase.id,
      body: 'First session held.',
      author: {
        id: mission.users.counsellor.id,
        displayName: mission.users.counsellor.displayName,
        email: mission.users.counsellor.email,
      },
    });
    const second = await client.post(`/api/v1/cases/${kase.id}/notes`, { body: 'Second session.' });
    expect(second.statusCode).toBe(201);

    const list = await client.get(`/api/v1/cases/${kase.id}/notes`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((n: { body: string }) => n.body)).toEqual([
      'Second session.',
      'First session held.',
    ]);

    const events = await timeline(kase.id);
    expect(events.map((e) => e.kind)).toEqual(['note_added', 'note_added']);
    expect(events[0]).toMatchObject({ data: { noteId: note.id }, actor_id: mission.users.counsellor.id });
    const audit = await auditOf(note.id);
    expect(audit).toMatchObject([{ action: 'note.create', actor_id: mission.users.counsellor.id }]);
  });

  it('refuses an empty note naming body.body', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const client = await t.as(mission.users.counsellor);
    const response = await client.post(`/api/v1/cases/${kase.id}/notes`, { body: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.body']);
  });
});

describe('case tasks', () => {
  it('adds a task, ticks it done and opens it again', async () => {
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const client = await t.as(mission.users.counsellor);
    const created = await client.post(`/api/v1/cases/${kase.id}/tasks`, {
      title: 'Ask embassy for laissez-passer',
      dueDate: '2026-03-01',
      assigneeId: mission.users.vulnerable.id,
      blocksTravel: true,
    });
    expect(created.statusCode).toBe(201);
    const task = created.json().task;
    expect(task).toMatchObject({
      caseId: kase.id,
      caseReference: kase.reference,
      title: 'Ask embassy for laissez-passer',
      dueDate: '2026-03-01',
      assignee: { id: mission.users.vulnerable.id, displayName: mission.users.vulnerable.displayName },
      blocksTravel: true,
      doneAt: null,
      doneBy: null,
    });

    const done = await client.patch(`/api/v1/tasks/${task.id}`, { done: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().task.doneAt).toEqual(expect.any(String));
    expect(done.json().task.doneBy).toMatchObject({ id: mission.users.counsellor.id });
    // Ticking again keeps the first completion.
    const again = await client.patch(`/api/v1/tasks/${task.id}`, { done: true });
    expect(again.json().task.doneAt).toBe(done.json().task.doneAt);

    const reopened = await client.patch(`/api/v1/tasks/${task.id}`, { done: false, title: 'Chase embassy' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().task).toMatchObject({ doneAt: null, doneBy: null, title: 'Chase embassy' });

    const list = await client.get(`/api/v1/cases/${kase.id}/tasks`);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id: task.id, title: 'Chase embassy' });

    const events = await timeline(kase.id);
    expect(events.map((e) => e.kind)).toEqual(['task_added', 'task_completed', 'task_reopened']);
    expect(events[0]!.data).toMatchObject({ taskId: task.id, title: 'Ask embassy for laissez-passer' });
    expect(events[2]!.data).toMatchObject({ taskId: task.id, title: 'Chase embassy' });
    const audit = await auditOf(task.id);
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.update', 'task.update']);
    expect(audit[2]).toMatchObject({
      before: { title: 'Ask embassy for laissez-passer' },
      after: { title: 'Chase embassy', doneAt: null },
    });
  });

  it("assigns a task to the case's assignee when none is given", async () => {
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    const client = await t.as(mission.users.manager);
    const created = await client.post(`/api/v1/cases/${kase.id}/tasks`, { title: 'Book a session' });
    expect(created.json().task).toMatchObject({
      assignee: { id: mission.users.counsellor.id },
      dueDate: null,
      blocksTravel: false,
    });
  });

  it('refuses an assignee from another mission, naming body.assigneeId', async () => {
    const other = await buildMission(t.database.db);
    const kase = await buildCase(t.database.db, { mission });
    const client = await t.as(mission.users.counsellor);
    const created = await client.post(`/api/v1/cases/${kase.id}/tasks`, {
      title: 'Call',
      assigneeId: other.users.counsellor.id,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors).toEqual([{ path: 'body.assigneeId', message: expect.any(String) }]);

    const task = (await client.post(`/api/v1/cases/${kase.id}/tasks`, { title: 'Call' })).json().task;
    const patched = await client.patch(`/api/v1/tasks/${task.id}`, { assigneeId: other.users.manager.id });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0].path).toBe('body.assigneeId');
  });

  it('lists my open tasks across the cases I may see, by due date with undated last', async () => {
    const me = mission.users.counsellor;
    const db = t.database.db;
    const mine = await buildCase(db, { mission, assigneeId: me.id });
    const otherOffice = await buildCase(db, {
      mission,
      officeId: mission.offices.terApel.id,
      assigneeId: me.id,
    });
    const trafficking = await buildCase(db, {
      mission,
      assigneeId: mission.users.vulnerable.id,
      vulnerabilities: ['victim_of_trafficking'],
    });
    const manager = await t.as(mission.users.manager);
    const add = async (caseId: string, title: string, extra: Record<string, unknown> = {}) => {
      const response = await manager.post(`/api/v1/cases/${caseId}/tasks`, {
        title,
        assigneeId: me.id,
        ...extra,
      });
      expect(response.statusCode).toBe(201);
      return response.json().task;
    };
    await add(mine.id, 'undated');
    await add(mine.id, 'later', { dueDate: '2026-05-01' });
    await add(mine.id, 'sooner', { dueDate: '2026-04-01' });
    const finished = await add(mine.id, 'finished', { dueDate: '2026-01-01' });
    await manager.patch(`/api/v1/tasks/${finished.id}`, { done: true });
    await add(mine.id, 'also undated');
    await manager.patch(`/api/v1/tasks/${(await add(mine.id, 'moved')).id}`, {
      assigneeId: mission.users.manager.id,
    });
    await add(otherOffice.id, 'other office');
    await add(trafficking.id, 'hidden case');

    const client = await t.as(me);
    const response = await client.get('/api/v1/tasks?assigneeId=me&open=true');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((task: { title: string }) => task.title)).toEqual([
      'sooner',
      'later',
      'undated',
      'also undated',
    ]);
    expect(items[0]).toMatchObject({ caseId: mine.id, caseReference: mine.reference });

    const byId = await client.get(`/api/v1/tasks?assigneeId=${me.id}`);
    expect(byId.json().items.map((task: { title: string }) => task.title)).toContain('finished');

    // The manager sees every office and the sensitive case too.
    const all = await manager.get(`/api/v1/tasks?assigneeId=${me.id}&open=true`);
    expect(all.json().items).toHaveLength(6);
  });

  it('refuses an invalid filter', async () => {
    const client = await t.as(mission.users.counsellor);
    const response = await client.get('/api/v1/tasks?assigneeId=someone');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toMatch(/^querystring\.assigneeId/);
  });
});

describe('who may see case activity', () => {
  it("answers 404 to a counsellor of another office, for the case's notes, tasks and documents", async () => {
    const kase = await buildCase(t.database.db, { mission });
    const owner = await t.as(mission.users.counsellor);
    const task = (await owner.post(`/api/v1/cases/${kase.id}/tasks`, { title: 'Call' })).json().task;
    const stranger = await t.as(mission.users.otherCounsellor);
    for (const url of ['notes', 'tasks', 'documents']) {
      expect((await stranger.get(`/api/v1/cases/${kase.id}/${url}`)).statusCode).toBe(404);
    }
    expect((await stranger.post(`/api/v1/cases/${kase.id}/notes`, { body: 'x' })).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/cases/${kase.id}/tasks`, { title: 'x' })).statusCode).toBe(404);
    const patch = await stranger.patch(`/api/v1/tasks/${task.id}`, { done: true });
    expect(patch.statusCode).toBe(404);
    expect(patch.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await stranger.get('/api/v1/tasks')).json().items).toEqual([]);
  });

  it('hides a victim-of-trafficking case from a counsellor who is not its assignee', async () => {
    const kase = await buildCase(t.database.db, {
      mission,
      assigneeId: mission.users.vulnerable.id,
      vulnerabilities: ['victim_of_trafficking'],
    });
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get(`/api/v1/cases/${kase.id}/notes`)).statusCode).toBe(404);
    expect((await counsellor.post(`/api/v1/cases/${kase.id}/notes`, { body: 'x' })).statusCode).toBe(404);
    const officer = await t.as(mission.users.vulnerable);
    expect((await officer.post(`/api/v1/cases/${kase.id}/notes`, { body: 'Safe house.' })).statusCode).toBe(
      201,
    );

    const assigned = await buildCase(t.database.db, {
      mission,
      assigneeId: mission.users.counsellor.id,
      vulnerabilities: ['victim_of_trafficking'],
    });
    expect((await counsellor.get(`/api/v1/cases/${assigned.id}/notes`)).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const calls = [
      t.anonymous.get(`/api/v1/cases/${kase.id}/notes`),
      t.anonymous.post(`/api/v1/cases/${kase.id}/notes`, { body: 'x' }),
      t.anonymous.get(`/api/v1/cases/${kase.id}/tasks`),
      t.anonymous.post(`/api/v1/cases/${kase.id}/tasks`, { title: 'x' }),
      t.anonymous.get('/api/v1/tasks?assigneeId=me&open=true'),
      t.anonymous.patch(`/api/v1/tasks/${kase.id}`, { done: true }),
      t.anonymous.get(`/api/v1/cases/${kase.id}/documents`),
      t.anonymous.post(`/api/v1/cases/${kase.id}/documents`),
      t.anonymous.get(`/api/v1/cases/${kase.id}/documents/${kase.id}/content`),
      t.anonymous.get(`/api/v1/documents/${kase.id}/content`),
    ];
    for (const response of await Promise.all(calls)) expect(response.statusCode).toBe(401);
    expect(await timeline(kase.id)).toEqual([]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const response = await t.anonymous.get('/api/openapi.json');
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/cases/{id}/notes',
        '/api/v1/cases/{id}/tasks',
        '/api/v1/tasks',
        '/api/v1/tasks/{id}',
        '/api/v1/cases/{id}/documents',
        '/api/v1/cases/{id}/documents/{documentId}/content',
        '/api/v1/documents/{id}/content',
      ]),
    );
  });
});
