// The movements team books and runs the travel of a restricted (trafficking) case, seeing only what
// travel needs; the case itself stays hidden from it. Role × action tables through the real HTTP stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase } from './movements-test-support.js';

let t: TestApp;
let m: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  m = await buildMission(t.database.db);
});
afterAll(async () => {
  await t.close();
});

async function restrictedCase() {
  return buildTravellingCase(t.database.db, m, [{}], { vulnerabilities: ['victim_of_trafficking'] });
}

describe('travel of a restricted case (role × action)', () => {
  const table = [
    { role: 'movements', travel: 200, caseItself: 404, book: 201 },
    { role: 'vulnerable', travel: 200, caseItself: 200, book: 403 },
    { role: 'manager', travel: 200, caseItself: 200, book: 201 },
    { role: 'counsellor', travel: 404, caseItself: 404, book: 404 },
    { role: 'reintegration', travel: 404, caseItself: 404, book: 404 },
  ] as const;

  it.each(table)(
    'a $role: travel view $travel, case $caseItself, booking $book',
    async ({ role, travel, caseItself, book }) => {
      const { kase, personIds } = await restrictedCase();
      const api = await t.as(m.users[role]);
      expect((await api.get(`/api/v1/cases/${kase.id}/travel`)).statusCode).toBe(travel);
      expect((await api.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(caseItself);
      const response = await api.post('/api/v1/bookings', {
        caseId: kase.id,
        ...amsIstEbl({ passengers: [{ personId: personIds[0] }] }),
      });
      expect(response.statusCode, response.body).toBe(book);
    },
  );

  it('the movements officer sees names, documents, escorts and special needs, never the trafficking details', async () => {
    const { kase, personIds } = await restrictedCase();
    const api = await t.as(m.users.movements);
    const held = await api.post('/api/v1/bookings', {
      caseId: kase.id,
      ...amsIstEbl({
        passengers: [{ personId: personIds[0], specialNeeds: ['wheelchair'] }],
        escorts: [{ kind: 'operational', name: 'Escort One', organisation: 'KMar' }],
      }),
    });
    expect(held.statusCode, held.body).toBe(201);
    const bookingId = held.json().booking.id;

    const travel = await api.get(`/api/v1/cases/${kase.id}/travel`);
    expect(travel.statusCode).toBe(200);
    const body = travel.json();
    expect(body.case.reference).toBe(kase.reference);
    expect(body.travellers[0]).toMatchObject({ personId: personIds[0], givenName: 'Traveller0' });
    expect(body.bookings[0].passengers[0].specialNeeds).toEqual(['wheelchair']);
    expect(body.bookings[0].escorts[0]).toMatchObject({ name: 'Escort One' });
    const text = travel.body;
    expect(text).not.toMatch(/trafficking|vulnerabilit|notes|counselling/i);
    expect((await api.get(`/api/v1/bookings/${bookingId}`)).statusCode).toBe(200);
    expect((await api.get(`/api/v1/cases/${kase.id}/bookings`)).statusCode).toBe(200);
    // The case, its timeline and its procedures stay closed to them.
    expect((await api.get(`/api/v1/cases/${kase.id}/timeline`)).statusCode).toBe(404);
  });
});

describe('the movements officer registers transit and arrival passengers', () => {
  it.each([
    { role: 'movements', expected: 201 },
    { role: 'counsellor', expected: 403 },
    { role: 'reintegration', expected: 403 },
  ] as const)('a $role registering an arrival without a case: $expected', async ({ role, expected }) => {
    const api = await t.as(m.users[role]);
    const person = await buildPerson(t.database.db, m.missionId);
    const response = await api.post('/api/v1/bookings', {
      kind: 'arrival',
      programme: 'resettlement',
      ...amsIstEbl({ passengers: [{ personId: person.id }] }),
    });
    expect(response.statusCode, response.body).toBe(expected);
  });
});
