import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildMission, TEST_PASSWORD, type TestMission } from '../../test-support/build-mission.js';
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

let nextAddress = 1;
function request(url: string, payload: unknown, cookie?: string) {
  nextAddress += 1;
  return t.anonymous.request({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: cookie ? { cookie } : {},
    remoteAddress: `10.20.${(nextAddress >> 8) & 255}.${nextAddress & 255}`,
  });
}

function cookieNamed(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [String(header)] : [];
  return all.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
}

const codeAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function password(email: string) {
  const response = await request('/api/v1/auth/login', { email, password: TEST_PASSWORD });
  return { response, challenge: cookieNamed(response, 'passage_login_challenge') };
}

/** Signs a manager or administrator in for the first time: enrols, and answers the secret and recovery codes. */
async function enrolFirstTime(email: string) {
  const { response, challenge } = await password(email);
  const secret = response.json().secondFactor.secret as string;
  const done = await request('/api/v1/auth/login/second-factor', { code: await codeAt(secret) }, challenge);
  expect(done.statusCode, done.body).toBe(200);
  return { secret, recoveryCodes: done.json().recoveryCodes as string[], done };
}

const actionsFor = async (userId: string) =>
  (
    await selectRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where record_id = ${userId} order by chain_seq`,
    )
  ).map((r) => r.action);

describe('the second factor of administrators and managers', () => {
  it('is set up at the first sign-in: the password alone opens no session', async () => {
    const { response, challenge } = await password(mission.users.admin.email);
    expect(response.statusCode).toBe(200);
    const step = response.json().secondFactor;
    expect(step.step).toBe('enrol');
    expect(step.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(step.otpauthUri).toMatch(/^otpauth:\/\/totp\/Passage:/);
    expect(cookieNamed(response, 'passage_session')).toBeUndefined();
    expect(challenge).toBeDefined();

    const wrong = await request('/api/v1/auth/login/second-factor', { code: '000000' }, challenge);
    expect(wrong.statusCode).toBe(401);
    const done = await request(
      '/api/v1/auth/login/second-factor',
      { code: await codeAt(step.secret) },
      challenge,
    );
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(mission.users.admin.id);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const session = cookieNamed(done, 'passage_session')!;
    const me = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session },
    });
    expect(me.statusCode).toBe(200);
    expect(await actionsFor(mission.users.admin.id)).toEqual([
      'auth.mfa_failed',
      'auth.mfa_enrol',
      'auth.login',
    ]);
  });

  it('asks for a code at later sign-ins, and takes each code once', async () => {
    const { secret } = await enrolFirstTime(mission.users.manager.email);
    const { response, challenge } = await password(mission.users.manager.email);
    expect(response.json()).toEqual({ secondFactor: { step: 'code' } });
    // The code of the enrolment's time step was used already: a replay is refused.
    const replay = await request(
      '/api/v1/auth/login/second-factor',
      { code: await codeAt(secret) },
      challenge,
    );
    expect(replay.statusCode).toBe(401);
    const next = await request(
      '/api/v1/auth/login/second-factor',
      { code: await codeAt(secret, 30) },
      challenge,
    );
    expect(next.statusCode).toBe(200);
    expect(next.json().recoveryCodes).toBeUndefined();
    expect(cookieNamed(next, 'passage_session')).toBeDefined();
  });

  it('takes a recovery code once instead of a code, and audits its use', async () => {
    const { recoveryCodes } = await enrolFirstTime(mission.users.admin.email);
    const first = await password(mission.users.admin.email);
    const used = await request(
      '/api/v1/auth/login/second-factor',
      { recoveryCode: recoveryCodes[3] },
      first.challenge,
    );
    expect(used.statusCode).toBe(200);
    const again = await password(mission.users.admin.email);
    const reused = await request(
      '/api/v1/auth/login/second-factor',
      { recoveryCode: recoveryCodes[3] },
      again.challenge,
    );
    expect(reused.statusCode).toBe(401);
    expect(await actionsFor(mission.users.admin.id)).toContain('auth.mfa_recovery_code_used');
    const stored = await selectRows<{ code_hash: string }>(
      t.database.db,
      sql`select code_hash from mfa_recovery_codes where user_id = ${mission.users.admin.id}`,
    );
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[3]);
  });

  it('locks the account after wrong codes, like wrong passwords, and audits it', async () => {
    await enrolFirstTime(mission.users.manager.email);
    const { challenge } = await password(mission.users.manager.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await request('/api/v1/auth/login/second-factor', { code: '000000' }, challenge)).statusCode,
      );
    }
    // The password counted as the first attempt; four wrong codes reach the lock.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await password(mission.users.manager.email);
    expect(locked.response.statusCode).toBe(429);
    const actions = await actionsFor(mission.users.manager.id);
    expect(actions.filter((a) => a === 'auth.mfa_failed')).toHaveLength(4);
    expect(actions).toContain('auth.lockout');
  });

  it('is not asked of other roles', async () => {
    const { response } = await password(mission.users.counsellor.email);
    expect(response.json().user.id).toBe(mission.users.counsellor.id);
    expect(cookieNamed(response, 'passage_session')).toBeDefined();
  });

  it('needs the challenge of a right password', async () => {
    const response = await request('/api/v1/auth/login/second-factor', { code: '123456' });
    expect(response.statusCode).toBe(401);
    const forged = await request(
      '/api/v1/auth/login/second-factor',
      { code: '123456' },
      'passage_login_challenge=x',
    );
    expect(forged.statusCode).toBe(401);
  });
});

describe('DELETE /api/v1/auth/users/{id}/second-factor', () => {
  it("lets an administrator reset a user's second factor: they enrol again, and it is audited", async () => {
    await enrolFirstTime(mission.users.manager.email);
    const admin = await t.as(mission.users.admin);
    const reset = await admin.delete(`/api/v1/auth/users/${mission.users.manager.id}/second-factor`);
    expect(reset.statusCode).toBe(204);
    const { response } = await password(mission.users.manager.email);
    expect(response.json().secondFactor.step).toBe('enrol');
    expect(await actionsFor(mission.users.manager.id)).toContain('auth.mfa_reset');
  });

  it('is refused to others and to administrators of another mission', async () => {
    const manager = await t.as(mission.users.manager);
    expect(
      (await manager.delete(`/api/v1/auth/users/${mission.users.admin.id}/second-factor`)).statusCode,
    ).toBe(403);
    const other = await buildMission(t.database.db);
    const otherAdmin = await t.as(other.users.admin);
    expect(
      (await otherAdmin.delete(`/api/v1/auth/users/${mission.users.manager.id}/second-factor`)).statusCode,
    ).toBe(404);
  });
});
