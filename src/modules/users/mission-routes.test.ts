// Creating missions through the real HTTP stack: only a platform administrator may, and the new
// mission gets its offices, its lists and a first administrator with a one-time link.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { referralSources, users } from '../organisation/schema.js';
import { partnerNgos } from '../reintegration/schema.js';

let t: TestApp;
let m: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  m = await buildMission(t.database.db);
  // The platform administrator: a flag on the user, here on a user who is also a manager.
  await t.database.db.update(users).set({ platformAdmin: true }).where(eq(users.id, m.users.manager.id));
});
afterAll(async () => {
  await t.close();
});

const newMission = (code: string) => ({
  code,
  name: `IOM ${code}`,
  country: 'CO',
  timeZone: 'America/Bogota',
  currency: 'COP',
  languages: ['es', 'en'],
  offices: [
    { name: 'Bogotá office', kind: 'mission_office', country: 'CO', city: 'Bogotá' },
    { name: 'El Dorado desk', kind: 'airport_desk', country: 'CO', city: 'Bogotá' },
  ],
  administrator: { email: `admin.${code.toLowerCase()}@example.org`, displayName: 'Camila Admin' },
});

describe('GET /missions and who is a platform administrator', () => {
  it('lists every mission, with its open offices and active users, to a platform administrator', async () => {
    const api = await t.as(m.users.manager);
    const code = `LS-${Date.now() % 100000}`;
    expect((await api.post('/api/v1/missions', newMission(code))).statusCode).toBe(201);
    const response = await api.get('/api/v1/missions');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { code: string; id: string }[];
    expect(items.find((item) => item.code === code)).toMatchObject({
      name: `IOM ${code}`,
      country: 'CO',
      timeZone: 'America/Bogota',
      currency: 'COP',
      languages: ['es', 'en'],
      openOffices: 2,
      activeUsers: 1,
    });
    expect(items.map((item) => item.id)).toContain(m.missionId);
  });

  it.each(['admin', 'counsellor', 'movements'] as const)(
    'a mission’s %s may not list missions',
    async (role) => {
      const api = await t.as(m.users[role]);
      expect((await api.get('/api/v1/missions')).statusCode).toBe(403);
    },
  );

  it('/auth/me says whether the user is a platform administrator', async () => {
    const platform = await (await t.as(m.users.manager)).get('/api/v1/auth/me');
    expect(platform.json().user.platformAdmin).toBe(true);
    const admin = await (await t.as(m.users.admin)).get('/api/v1/auth/me');
    expect(admin.json().user.platformAdmin).toBe(false);
  });
});

describe('POST /missions', () => {
  it('a platform administrator creates a mission with offices, lists and a first administrator', async () => {
    const code = `CO-${Date.now() % 100000}`;
    const api = await t.as(m.users.manager);
    const response = await api.post('/api/v1/missions', newMission(code));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.offices.map((o: { kind: string }) => o.kind).sort()).toEqual([
      'airport_desk',
      'mission_office',
    ]);
    expect(body.administrator.user).toMatchObject({
      displayName: 'Camila Admin',
      locale: 'es',
      roles: [{ role: 'admin', officeId: null }],
      passwordSet: false,
    });
    const token = new URL(body.administrator.passwordLink.url).hash.replace('#token=', '');
    const set = await t.anonymous.post('/api/v1/password-links/use', {
      token,
      password: 'cordillera-rainfall-88',
    });
    expect(set.statusCode, set.body).toBe(200);

    // The new mission's administrator works in the new mission, with its settings and lists.
    const admin = await t.as(body.administrator.user);
    const mission = await admin.get('/api/v1/mission');
    expect(mission.json()).toMatchObject({ code, timeZone: 'America/Bogota', currency: 'COP' });
    const sources = await t.database.db
      .select()
      .from(referralSources)
      .where(eq(referralSources.missionId, body.missionId));
    expect(sources.length).toBeGreaterThan(0);
    const ngos = await t.database.db
      .select()
      .from(partnerNgos)
      .where(eq(partnerNgos.missionId, body.missionId));
    expect(ngos.length).toBeGreaterThan(0);
    // ... and may not create missions.
    expect((await admin.post('/api/v1/missions', newMission(`${code}-B`))).statusCode).toBe(403);
  });

  it.each(['admin', 'counsellor', 'movements'] as const)(
    'a mission’s %s may not create missions',
    async (role) => {
      const api = await t.as(m.users[role]);
      expect((await api.post('/api/v1/missions', newMission(`XX-${role.toUpperCase()}`))).statusCode).toBe(
        403,
      );
    },
  );

  it('refuses a code that exists (409) and a bad time zone (400)', async () => {
    const api = await t.as(m.users.manager);
    const code = `DUP-${Date.now() % 100000}`;
    expect((await api.post('/api/v1/missions', newMission(code))).statusCode).toBe(201);
    const again = {
      ...newMission(code),
      administrator: { email: `x.${code}@example.org`, displayName: 'X' },
    };
    expect((await api.post('/api/v1/missions', again)).statusCode).toBe(409);
    const bad = await api.post('/api/v1/missions', { ...newMission(`TZ-${code}`), timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
  });
});
