// Offices through the real HTTP stack: administrators open, change and close them; a closed office
// leaves the lists and takes no new roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let m: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  m = await buildMission(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe('offices', () => {
  it('an administrator opens offices of every kind; the names are unique in the mission', async () => {
    const admin = await t.as(m.users.admin);
    const kinds = ['mission_office', 'reception_centre', 'airport_desk', 'origin_office'] as const;
    for (const kind of kinds) {
      const response = await admin.post('/api/v1/offices', {
        name: `New ${kind}`,
        kind,
        country: kind === 'origin_office' ? 'GE' : 'NL',
        city: 'Somewhere',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().office).toMatchObject({ name: `New ${kind}`, kind, active: true });
    }
    const twice = await admin.post('/api/v1/offices', {
      name: 'New airport_desk',
      kind: 'airport_desk',
      country: 'NL',
    });
    expect(twice.statusCode).toBe(409);
    const names = (await admin.get('/api/v1/offices')).json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(kinds.map((kind) => `New ${kind}`)));
  });

  it.each(['counsellor', 'movements', 'manager', 'liaison'] as const)(
    'a %s may not open or change offices',
    async (role) => {
      const api = await t.as(m.users[role]);
      expect(
        (await api.post('/api/v1/offices', { name: 'Mine', kind: 'airport_desk', country: 'NL' })).statusCode,
      ).toBe(403);
      expect((await api.patch(`/api/v1/offices/${m.offices.hague.id}`, { name: 'Renamed' })).statusCode).toBe(
        403,
      );
      expect((await api.get('/api/v1/offices')).statusCode).toBe(200);
    },
  );

  it('closing an office keeps it on request, and no role is given there any more', async () => {
    const admin = await t.as(m.users.admin);
    const created = await admin.post('/api/v1/offices', {
      name: 'Schiphol desk',
      kind: 'airport_desk',
      country: 'NL',
    });
    const id = created.json().office.id;
    const renamed = await admin.patch(`/api/v1/offices/${id}`, {
      name: 'Schiphol airport desk',
      city: 'Schiphol',
    });
    expect(renamed.json().office).toMatchObject({ name: 'Schiphol airport desk', city: 'Schiphol' });
    const closed = await admin.patch(`/api/v1/offices/${id}`, { active: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().office.active).toBe(false);
    const open = (await admin.get('/api/v1/offices')).json().items.map((o: { id: string }) => o.id);
    expect(open).not.toContain(id);
    const all = (await admin.get('/api/v1/offices?includeInactive=true')).json().items;
    expect(all.find((o: { id: string }) => o.id === id)?.active).toBe(false);
    const user = await admin.post('/api/v1/users', {
      email: `desk.${Date.now()}@example.org`,
      displayName: 'Desk officer',
      roles: [{ role: 'movements_officer', officeId: id }],
    });
    expect(user.statusCode).toBe(422);
  });

  it('refuses a bad country code (400)', async () => {
    const admin = await t.as(m.users.admin);
    const response = await admin.post('/api/v1/offices', {
      name: 'Bad',
      kind: 'airport_desk',
      country: 'nl',
    });
    expect(response.statusCode).toBe(400);
  });
});
