import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildMission, TEST_PASSWORD, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let proxied: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  // Behind one reverse proxy, as README.md says to configure it.
  proxied = await startTestApp({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

let nextAddress = 1;
/** A sign-in from an address of its own, so the limit per address never comes into it. */
function logInFrom(app: TestApp, email: string, password: string) {
  nextAddress += 1;
  return app.anonymous.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`,
  });
}

const actionsFor = (app: TestApp, userId: string) =>
  selectRows<{ action: string }>(
    app.database.db,
    sql`select action from audit_log where record_id = ${userId} order by chain_seq`,
  ).then((rows) => rows.map((r) => r.action));

describe('sign-in throttling per account', () => {
  it('locks an account after five wrong passwords from different addresses, even for the right one, and audits the lock', async () => {
    const { email, id } = mission.users.counsellor;
    for (let i = 0; i < 5; i++) expect((await logInFrom(t, email, `wrong-${i}`)).statusCode).toBe(401);
    const right = await logInFrom(t, email, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(25);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(right.headers['set-cookie']).toBeUndefined();
    const actions = await actionsFor(t, id);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions).toContain('auth.lockout');
    expect(actions).not.toContain('auth.login');
  });

  it('doubles the wait with each failure after the lock ends', async () => {
    const { email } = mission.users.movements;
    for (let i = 0; i < 5; i++) await logInFrom(t, email, 'wrong');
    // The lock has run out: one more failure locks for twice as long.
    await t.database.db.execute(sql`update login_throttles set locked_until = now() - interval '1 second'`);
    expect((await logInFrom(t, email, 'wrong')).statusCode).toBe(401);
    const locked = await logInFrom(t, email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('forgets the failures after a successful sign-in', async () => {
    const { email } = mission.users.reintegration;
    for (let i = 0; i < 4; i++) await logInFrom(t, email, 'wrong');
    expect((await logInFrom(t, email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await logInFrom(t, email, 'wrong')).statusCode).toBe(401);
    expect((await logInFrom(t, email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown account exactly as a known one, lock included', async () => {
    const unknown = `nobody-${mission.missionId}@test.passage.local`;
    const known = mission.users.resettlement.email;
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i < 6; i++) seen.push((await logInFrom(t, email, 'wrong')).statusCode);
      return seen;
    };
    expect(await statuses(unknown)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await statuses(known)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('takes about as long for an unknown account as for a wrong password of a known one', async () => {
    const known = mission.users.liaison.email;
    const time = async (email: string) => {
      const started = performance.now();
      const response = await logInFrom(t, `${email}`, 'wrong');
      expect(response.statusCode).toBe(401);
      return performance.now() - started;
    };
    // Alternate the two, four of each (under the lock), and compare the medians.
    const unknownTimes: number[] = [];
    const knownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      unknownTimes.push(await time(`first-time-${i}-${mission.missionId}@test.passage.local`));
      knownTimes.push(await time(known));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknownTimes) / median(knownTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('behind a reverse proxy (TRUST_PROXY=1)', () => {
  it('takes the client address from the proxy, not from a forged X-Forwarded-For', async () => {
    const proxiedMission = await buildMission(proxied.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The client forges the first address; the proxy (127.0.0.1) appends the address it saw.
      const response = await proxied.anonymous.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `someone-${i}@test.passage.local`, password: 'x' },
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);

    const login = await proxied.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: proxiedMission.users.counsellor.email, password: TEST_PASSWORD },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.99, 198.51.100.8' },
    });
    expect(login.statusCode).toBe(200);
    const sessions = await selectRows<{ ip: string }>(
      proxied.database.db,
      sql`select ip from sessions where user_id = ${proxiedMission.users.counsellor.id}`,
    );
    expect(sessions.map((s) => s.ip)).toEqual(['198.51.100.8']);
    const audit = await selectRows<{ ip: string }>(
      proxied.database.db,
      sql`select ip from audit_log where record_id = ${proxiedMission.users.counsellor.id} and action = 'auth.login'`,
    );
    expect(audit.map((a) => a.ip)).toEqual(['198.51.100.8']);
  });
});
