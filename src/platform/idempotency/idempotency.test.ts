import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cases } from '../../modules/cases/schema.js';
import { persons } from '../../modules/persons/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { idempotencyKeys } from './schema.js';

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

const person = (familyName = 'Rahimi') => ({
  givenName: 'Aysha',
  familyName,
  sex: 'female',
  dateOfBirth: '1990-01-01',
  dateOfBirthPrecision: 'exact',
  nationalities: ['AF'],
  languages: ['fa'],
});

describe('Idempotency-Key on creating calls', () => {
  it('answers a retried POST /persons with the first answer and creates one person', async () => {
    const api = await t.as(mission.users.counsellor);
    const send = (body: unknown, key = 'retry-1') =>
      api.request({
        method: 'POST',
        url: '/api/v1/persons',
        payload: body as object,
        headers: { 'idempotency-key': key },
      });
    const first = await send(person());
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(person());
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const stored = await t.database.db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.missionId, mission.missionId), eq(persons.familyName, 'Rahimi')));
    expect(stored).toHaveLength(1);

    const other = await send(person('Karimi'));
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([expect.objectContaining({ path: 'headers.idempotency-key' })]);
    // Another caller's key of the same name is theirs alone.
    const colleague = await t.as(mission.users.otherCounsellor);
    const theirs = await colleague.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person(),
      headers: { 'idempotency-key': 'retry-1' },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json()).not.toEqual(first.json());
  });

  it('answers a retried POST /cases with the same case', async () => {
    const someone = await buildPerson(t.database.db, mission.missionId);
    const api = await t.as(mission.users.counsellor);
    const body = {
      programme: 'avrr',
      personIds: [someone.id],
      officeId: mission.offices.hague.id,
      referralSource: 'reception_agency',
      vulnerabilities: [],
    };
    const send = () =>
      api.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: body,
        headers: { 'idempotency-key': 'case-42' },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect((await send()).json()).toEqual(first.json());
    const made = await t.database.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.missionId, mission.missionId));
    expect(made).toHaveLength(1);
  });

  it('keeps the key with the record it made, so a retry after a lost answer creates nothing twice', async () => {
    const api = await t.as(mission.users.counsellor);
    const send = () =>
      api.request({
        method: 'POST',
        url: '/api/v1/persons',
        payload: person('Lostanswer'),
        headers: { 'idempotency-key': 'lost-1' },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    // The server stopped after the commit and before it kept the answer: the key is only claimed.
    await t.database.db
      .update(idempotencyKeys)
      .set({ statusCode: 0, responseBody: {} })
      .where(and(eq(idempotencyKeys.missionId, mission.missionId), eq(idempotencyKeys.key, 'lost-1')));
    const retry = await send();
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    const stored = await t.database.db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.missionId, mission.missionId), eq(persons.familyName, 'Lostanswer')));
    expect(stored).toHaveLength(1);
  });
});
