import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readOidcSettings } from '../../config.js';
import { selectRows } from '../../platform/db/database.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import {
  cookieNamed,
  followProviderToCallback,
  type ProviderAccount,
  startProviderSignIn,
  startTestProvider,
  type TestProvider,
} from '../../test-support/oidc-test-provider.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { users } from '../organisation/schema.js';

let provider: TestProvider;
let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  provider = await startTestProvider();
  t = await startTestApp({ env: provider.env });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

/** Drives a whole provider sign-in as `account` and answers Passage's callback response. */
async function signInThroughProvider(app: TestApp, account: ProviderAccount) {
  provider.signInAs(account);
  const started = await startProviderSignIn(app.anonymous);
  const callbackPath = await followProviderToCallback(started.location);
  return app.anonymous.request({ method: 'GET', url: callbackPath, headers: { cookie: started.cookie } });
}

async function auditActions(userId: string) {
  return selectRows<{ action: string; after: Record<string, unknown> | null }>(
    t.database.db,
    sql`select action, after from audit_log where record_id = ${userId} order by chain_seq`,
  );
}

describe('GET /api/v1/auth/oidc', () => {
  it('says the provider sign-in is offered, with the provider name', async () => {
    const response = await t.anonymous.get('/api/v1/auth/oidc');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ enabled: true, providerName: 'Test IdP' });
  });

  it('says it is not offered when OIDC_ISSUER is unset, and its start answers 404', async () => {
    const plain = await startTestApp();
    try {
      expect((await plain.anonymous.get('/api/v1/auth/oidc')).json()).toEqual({
        enabled: false,
        providerName: null,
      });
      expect((await plain.anonymous.get('/api/v1/auth/oidc/start')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('GET /api/v1/auth/oidc/start', () => {
  it('sends the browser back to the sign-in page with a reason when the provider cannot be reached', async () => {
    const unreachable = await startTestApp({ env: { ...provider.env, OIDC_ISSUER: 'http://127.0.0.1:9' } });
    try {
      const response = await unreachable.anonymous.get('/api/v1/auth/oidc/start');
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/?oidc_error=provider_unavailable');
      expect(cookieNamed(response, 'passage_oidc')).toBe('');
    } finally {
      await unreachable.close();
    }
  });

  it('is described in the OpenAPI document with the other sign-in routes', async () => {
    const document = (await t.anonymous.get('/api/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/oidc',
        '/api/v1/auth/oidc/start',
        '/api/v1/auth/oidc/callback',
        '/api/v1/auth/login/second-factor',
      ]),
    );
    expect(Object.keys(document.paths['/api/v1/auth/oidc/start'].get.responses)).toEqual(['302']);
  });

  it('redirects to the provider with PKCE S256, state and nonce, kept in a sealed HttpOnly Lax cookie', async () => {
    const response = await t.anonymous.get('/api/v1/auth/oidc/start');
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('client_id')).toBe(provider.clientId);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/passage_oidc=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    // Sealed: neither the state nor the verifier can be read from the cookie.
    expect(setCookie).not.toContain(location.searchParams.get('state'));
  });
});

describe('GET /api/v1/auth/oidc/callback', () => {
  it('signs in the active user with the verified e-mail: session cookie, /auth/me, audited', async () => {
    const response = await signInThroughProvider(t, { email: mission.users.counsellor.email.toUpperCase() });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = cookieNamed(response, 'passage_session');
    expect(session).not.toBe('');
    expect(String(response.headers['set-cookie'])).toMatch(
      /passage_session=[^;]+;.*HttpOnly.*SameSite=Strict/i,
    );
    const me = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: mission.users.counsellor.id, missionId: mission.missionId });
    const entries = await auditActions(mission.users.counsellor.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'auth.login',
      after: { method: 'oidc', issuer: provider.issuer, secondFactor: 'not_required' },
    });
  });

  it('refuses a callback whose state is not the one this browser started', async () => {
    provider.signInAs({ email: mission.users.counsellor.email });
    const started = await startProviderSignIn(t.anonymous);
    const callbackPath = await followProviderToCallback(started.location);
    const forged = callbackPath.replace(/state=[^&]+/, 'state=forged-state-value');
    const response = await t.anonymous.request({
      method: 'GET',
      url: forged,
      headers: { cookie: started.cookie },
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/?oidc_error=state_mismatch');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });

  it('refuses a callback without the cookie of a started sign-in (another browser, or too late)', async () => {
    provider.signInAs({ email: mission.users.counsellor.email });
    const started = await startProviderSignIn(t.anonymous);
    const callbackPath = await followProviderToCallback(started.location);
    const response = await t.anonymous.get(callbackPath);
    expect(response.headers.location).toBe('/?oidc_error=expired');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });

  it('refuses a tampered transaction cookie', async () => {
    provider.signInAs({ email: mission.users.counsellor.email });
    const started = await startProviderSignIn(t.anonymous);
    const callbackPath = await followProviderToCallback(started.location);
    const tampered = `${started.cookie.slice(0, -4)}AAAA`;
    const response = await t.anonymous.request({
      method: 'GET',
      url: callbackPath,
      headers: { cookie: tampered },
    });
    expect(response.headers.location).toBe('/?oidc_error=expired');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });

  it('takes a code once: the same callback replayed is refused by the provider', async () => {
    provider.signInAs({ email: mission.users.counsellor.email });
    const started = await startProviderSignIn(t.anonymous);
    const callbackPath = await followProviderToCallback(started.location);
    const first = await t.anonymous.request({
      method: 'GET',
      url: callbackPath,
      headers: { cookie: started.cookie },
    });
    expect(cookieNamed(first, 'passage_session')).not.toBe('');
    const replay = await t.anonymous.request({
      method: 'GET',
      url: callbackPath,
      headers: { cookie: started.cookie },
    });
    expect(replay.headers.location).toBe('/?oidc_error=provider_error');
    expect(cookieNamed(replay, 'passage_session')).toBe('');
  });

  it("refuses the provider's own refusal (the user cancelled at the provider)", async () => {
    const started = await startProviderSignIn(t.anonymous);
    const state = new URL(started.location).searchParams.get('state');
    const response = await t.anonymous.request({
      method: 'GET',
      url: `/api/v1/auth/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: started.cookie },
    });
    expect(response.headers.location).toBe('/?oidc_error=provider_error');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });

  it('refuses an e-mail that belongs to no Passage user, and creates none', async () => {
    const email = `stranger.${mission.missionId.slice(0, 8)}@test.passage.local`;
    const response = await signInThroughProvider(t, { email });
    expect(response.headers.location).toBe('/?oidc_error=no_account');
    expect(cookieNamed(response, 'passage_session')).toBe('');
    const found = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(found).toEqual([]);
  });

  it('refuses a deactivated user and audits the refusal in their mission', async () => {
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, mission.users.movements.id));
    const response = await signInThroughProvider(t, { email: mission.users.movements.email });
    expect(response.headers.location).toBe('/?oidc_error=account_inactive');
    expect(cookieNamed(response, 'passage_session')).toBe('');
    const entries = await auditActions(mission.users.movements.id);
    expect(entries).toEqual([
      {
        action: 'auth.login_failed',
        after: expect.objectContaining({ method: 'oidc', reason: 'account_inactive' }),
      },
    ]);
  });

  it('refuses an account locked by failed password sign-ins, and leaves the lock in place', async () => {
    for (let i = 0; i < 5; i++)
      await t.anonymous.post('/api/v1/auth/login', {
        email: mission.users.resettlement.email,
        password: 'wrong',
      });
    const response = await signInThroughProvider(t, { email: mission.users.resettlement.email });
    expect(response.headers.location).toBe('/?oidc_error=locked');
    expect(cookieNamed(response, 'passage_session')).toBe('');
    const [throttle] = await selectRows<{ locked_until: Date | null }>(
      t.database.db,
      sql`select locked_until from login_throttles where account_key = encode(sha256(convert_to(${mission.users.resettlement.email.toLowerCase()}, 'UTF8')), 'hex')`,
    );
    expect(throttle?.locked_until).not.toBeNull();
    const actions = (await auditActions(mission.users.resettlement.id)).map((e) => [
      e.action,
      e.after?.reason,
    ]);
    expect(actions.at(-1)).toEqual(['auth.login_failed', 'locked']);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const response = await signInThroughProvider(t, {
      email: mission.users.counsellor.email,
      emailVerified: false,
    });
    expect(response.headers.location).toBe('/?oidc_error=email_not_verified');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });

  it("still asks an administrator for Passage's second factor, even when the provider reports mfa", async () => {
    const response = await signInThroughProvider(t, {
      email: mission.users.admin.email,
      amr: ['pwd', 'mfa'],
    });
    expect(response.headers.location).toBe('/?oidc=second_factor');
    expect(cookieNamed(response, 'passage_session')).toBe('');
    const challenge = cookieNamed(response, 'passage_login_challenge');
    expect(challenge).not.toBe('');
    expect(await auditActions(mission.users.admin.id)).toEqual([
      {
        action: 'auth.oidc_verified',
        after: expect.objectContaining({ method: 'oidc', amr: ['pwd', 'mfa'] }),
      },
    ]);

    // The sign-in page asks which step: a first sign-in enrols a new secret.
    const step = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/login/second-factor',
      headers: { cookie: challenge },
    });
    expect(step.statusCode).toBe(200);
    const { secondFactor } = step.json();
    expect(secondFactor.step).toBe('enrol');
    expect(secondFactor.otpauthUri).toContain(secondFactor.secret);

    const code = await generate({ secret: secondFactor.secret });
    const done = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      headers: { cookie: challenge },
      payload: { code },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(mission.users.admin.id);
    expect(cookieNamed(done, 'passage_session')).not.toBe('');
  });

  it('answers 401 for the second-factor step without a challenge', async () => {
    const response = await t.anonymous.get('/api/v1/auth/login/second-factor');
    expect(response.statusCode).toBe(401);
  });
});

describe('OIDC_ACCEPT_PROVIDER_MFA=1', () => {
  let trusting: TestApp;
  let other: TestMission;
  beforeAll(async () => {
    trusting = await startTestApp({ env: { ...provider.env, OIDC_ACCEPT_PROVIDER_MFA: '1' } });
  });
  afterAll(async () => {
    await trusting?.close();
  });
  beforeEach(async () => {
    other = await buildMission(trusting.database.db);
  });

  it('signs a manager in without Passage TOTP when the provider reports mfa', async () => {
    const response = await signInThroughProvider(trusting, {
      email: other.users.manager.email,
      amr: ['pwd', 'mfa'],
    });
    expect(response.headers.location).toBe('/');
    const session = cookieNamed(response, 'passage_session');
    const me = await trusting.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session },
    });
    expect(me.json().user.id).toBe(other.users.manager.id);
    const [entry] = await selectRows<{ after: Record<string, unknown> }>(
      trusting.database.db,
      sql`select after from audit_log where record_id = ${other.users.manager.id} and action = 'auth.login'`,
    );
    expect(entry?.after).toMatchObject({ method: 'oidc', amr: ['pwd', 'mfa'], secondFactor: 'provider' });
  });

  it('still asks for Passage TOTP when the provider reports only a password', async () => {
    const response = await signInThroughProvider(trusting, {
      email: other.users.manager.email,
      amr: ['pwd'],
    });
    expect(response.headers.location).toBe('/?oidc=second_factor');
    expect(cookieNamed(response, 'passage_session')).toBe('');
  });
});

describe('OIDC settings', () => {
  const base = {
    OIDC_ISSUER: 'https://login.example.org/realms/iom',
    OIDC_CLIENT_ID: 'passage',
    OIDC_CLIENT_SECRET: 'secret',
  };
  const publicUrl = 'https://passage.example.org';

  it('are off when OIDC_ISSUER is unset', () => {
    expect(readOidcSettings({}, publicUrl)).toBeNull();
  });

  it('read a complete https configuration, with the callback under PUBLIC_URL by default', () => {
    expect(readOidcSettings(base, publicUrl)).toEqual({
      issuer: 'https://login.example.org/realms/iom',
      clientId: 'passage',
      clientSecret: 'secret',
      redirectUri: 'https://passage.example.org/api/v1/auth/oidc/callback',
      providerName: 'login.example.org',
      acceptProviderMfa: false,
      allowHttp: false,
    });
  });

  it.each([
    [{ OIDC_CLIENT_ID: 'passage' }, /OIDC_ISSUER must be set/],
    [{ ...base, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID must be set/],
    [{ ...base, OIDC_CLIENT_SECRET: ' ' }, /OIDC_CLIENT_SECRET must be set/],
    [{ ...base, OIDC_ISSUER: 'login.example.org' }, /OIDC_ISSUER must be an absolute URL/],
    [{ ...base, OIDC_ISSUER: 'http://login.example.org' }, /OIDC_ISSUER must be https/],
    [{ ...base, OIDC_ISSUER: 'https://login.example.org/?x=1' }, /must not have a query/],
    [{ ...base, OIDC_ISSUER: 'https://user:pw@login.example.org' }, /must not carry a user name/],
    [{ ...base, OIDC_REDIRECT_URI: 'https://passage.example.org/elsewhere' }, /OIDC_REDIRECT_URI must be/],
    [{ ...base, OIDC_REDIRECT_URI: 'http://passage.example.org/api/v1/auth/oidc/callback' }, /must be https/],
    [{ ...base, OIDC_ACCEPT_PROVIDER_MFA: 'yes' }, /OIDC_ACCEPT_PROVIDER_MFA must be 0 or 1/],
  ])('refuse %o', (env, message) => {
    expect(() => readOidcSettings(env, publicUrl)).toThrow(message);
  });

  it('allow plain http to a provider on this machine in development only', () => {
    const local = { ...base, OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_REDIRECT_URI: '' };
    expect(readOidcSettings(local, 'http://localhost:3000')).toMatchObject({
      allowHttp: true,
      redirectUri: 'http://localhost:3000/api/v1/auth/oidc/callback',
    });
    expect(() =>
      readOidcSettings({ ...local, DATABASE_URL: 'postgres://db/passage' }, 'http://localhost:3000'),
    ).toThrow(/OIDC_ISSUER must be https/);
    expect(() => readOidcSettings({ ...local, NODE_ENV: 'production' }, 'http://localhost:3000')).toThrow(
      /OIDC_ISSUER must be https/,
    );
  });
});
