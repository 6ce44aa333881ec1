// User administration through the real HTTP stack: an administrator adds a user with roles per
// office and gets a one-time set-password link (also e-mailed through the outbox); the link sets a
// password once; deactivation ends sessions; nobody changes their own roles; users change their
// own password and their other sessions end.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildMission, TEST_PASSWORD, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { users } from '../organisation/schema.js';
import { hashLinkToken } from './password-links.js';
import { passwordLinks } from './schema.js';

let t: TestApp;
let m: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  m = await buildMission(t.database.db);
});
afterAll(async () => {
  await t.close();
});

const GOOD_PASSWORD = 'rainy-harbour-lantern-42';
let counter = 0;
const newEmail = () => `new.user.${Date.now()}.${counter++}@example.org`;

function tokenOf(url: string): string {
  const token = new URL(url).hash.replace(/^#token=/, '');
  expect(token.length).toBeGreaterThan(20);
  return token;
}

async function addUser(roles = [{ role: 'counsellor', officeId: m.offices.hague.id }]) {
  const admin = await t.as(m.users.admin);
  const response = await admin.post('/api/v1/users', {
    email: newEmail(),
    displayName: 'Nadia Haddad',
    roles,
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json();
  return { user: body.user, token: tokenOf(body.passwordLink.url), url: body.passwordLink.url as string };
}

async function logIn(email: string, password: string) {
  return t.anonymous.post('/api/v1/auth/login', { email, password });
}

async function signedIn(email: string, password: string) {
  const response = await logIn(email, password);
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
  return `${SESSION_COOKIE}=${cookie.value}`;
}

// Using a link is throttled per address (ten a minute); each call here comes from its own address.
let address = 0;
const setPasswordByLink = (token: string, password: string) =>
  t.anonymous.request({
    method: 'POST',
    url: '/api/v1/password-links/use',
    payload: { token, password },
    remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}`,
  });

const getWith = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('adding a user', () => {
  it('makes the user without a password, with a one-time link shown once and e-mailed through the outbox', async () => {
    const { user, token, url } = await addUser();
    expect(user).toMatchObject({
      displayName: 'Nadia Haddad',
      active: true,
      passwordSet: false,
      roles: [{ role: 'counsellor', officeId: m.offices.hague.id }],
    });
    expect(url).toMatch(/\/set-password#token=/);

    // Only the hash of the token is stored.
    const links = await t.database.db.select().from(passwordLinks).where(eq(passwordLinks.userId, user.id));
    expect(links).toHaveLength(1);
    expect(links[0]!.tokenHash).toBe(hashLinkToken(token));
    expect(links[0]!.tokenHash).not.toContain(token);
    expect(links[0]!.expiresAt.getTime() - links[0]!.createdAt.getTime()).toBe(72 * 3600 * 1000);

    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.missionId, m.missionId), eq(outboxMessages.kind, 'user.invited')));
    const mail = mails.find((row) => (row.payload as { to: string }).to === user.email);
    expect(mail?.channel).toBe('email');
    expect((mail!.payload as { text: string }).text).toContain(url);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, m.missionId), eq(auditLog.recordId, user.id)));
    expect(audit.map((row) => row.action)).toContain('user.create');
  });

  it('lets the link set a password once, refusing common and short passwords, and then the user signs in', async () => {
    const { user, token } = await addUser();
    expect((await logIn(user.email, GOOD_PASSWORD)).statusCode).toBe(401);

    const check = await t.anonymous.post('/api/v1/password-links/check', { token });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ email: user.email, displayName: 'Nadia Haddad', purpose: 'invite' });

    const weak = {
      'short-1': 'password_too_short',
      qwerty123456: 'password_common',
      '1qaz2wsx3edc': 'password_common',
      aaaaaaaaaaaaaa: 'password_common',
      [user.email]: 'password_personal',
    };
    for (const [password, code] of Object.entries(weak)) {
      const refused = await setPasswordByLink(token, password);
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().errors[0], password).toMatchObject({ path: 'password', code });
    }
    const set = await setPasswordByLink(token, GOOD_PASSWORD);
    expect(set.statusCode, set.body).toBe(200);
    expect((await logIn(user.email, GOOD_PASSWORD)).statusCode).toBe(200);

    const again = await setPasswordByLink(token, 'another-long-phrase-9');
    expect(again.statusCode).toBe(410);
    expect((await t.anonymous.post('/api/v1/password-links/check', { token })).statusCode).toBe(410);
  });

  it('refuses an expired link', async () => {
    const { user, token } = await addUser();
    await t.database.db
      .update(passwordLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordLinks.userId, user.id));
    const response = await setPasswordByLink(token, GOOD_PASSWORD);
    expect(response.statusCode).toBe(410);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toBeNull();
  });

  it('refuses a second user with the same e-mail address (409) and roles at another mission’s office (422)', async () => {
    const other = await buildMission(t.database.db);
    const admin = await t.as(m.users.admin);
    const duplicate = await admin.post('/api/v1/users', {
      email: m.users.counsellor.email.toUpperCase(),
      displayName: 'Twin',
      roles: [{ role: 'counsellor', officeId: null }],
    });
    expect(duplicate.statusCode).toBe(409);
    const foreign = await admin.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'Elsewhere',
      roles: [{ role: 'counsellor', officeId: other.offices.hague.id }],
    });
    expect(foreign.statusCode).toBe(422);
  });
});

describe('who may administer users (role × action)', () => {
  const roleNames = [
    'counsellor',
    'vulnerable',
    'movements',
    'reintegration',
    'resettlement',
    'liaison',
    'manager',
  ] as const;

  it.each(roleNames)('a %s may not add users, see deactivated ones, or change roles', async (role) => {
    const api = await t.as(m.users[role]);
    const add = await api.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'X',
      roles: [{ role: 'admin', officeId: null }],
    });
    expect(add.statusCode).toBe(403);
    expect((await api.get('/api/v1/users?status=all')).statusCode).toBe(403);
    const grant = await api.patch(`/api/v1/users/${m.users[role].id}`, {
      roles: [{ role: 'admin', officeId: null }],
    });
    expect(grant.statusCode).toBe(403);
    expect((await api.post(`/api/v1/users/${m.users.counsellor.id}/password-link`)).statusCode).toBe(403);
    // Active colleagues stay visible to everyone (assignee pickers).
    const list = await api.get('/api/v1/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((u: { active: boolean }) => u.active)).toBe(true);
  });

  it('no administrator changes their own roles, deactivates themselves or sends themselves a link', async () => {
    const admin = await t.as(m.users.admin);
    const self = `/api/v1/users/${m.users.admin.id}`;
    const roles = [
      { role: 'admin', officeId: null },
      { role: 'manager', officeId: null },
    ];
    expect((await admin.patch(self, { roles })).statusCode).toBe(403);
    expect((await admin.post(`${self}/deactivate`)).statusCode).toBe(403);
    expect((await admin.post(`${self}/password-link`)).statusCode).toBe(403);
    const me = await admin.get(self);
    expect(me.json().user.roles).toEqual([{ role: 'admin', officeId: null }]);
  });

  it('an administrator of one office gives roles only there, never mission-wide or to themselves', async () => {
    const officeAdmin = await addUser([{ role: 'admin', officeId: m.offices.hague.id }]);
    expect((await setPasswordByLink(officeAdmin.token, GOOD_PASSWORD)).statusCode).toBe(200);
    const api = await t.as(officeAdmin.user);
    const here = await api.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'Local',
      roles: [{ role: 'counsellor', officeId: m.offices.hague.id }],
    });
    expect(here.statusCode, here.body).toBe(201);
    const wide = await api.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'Wide',
      roles: [{ role: 'counsellor', officeId: null }],
    });
    expect(wide.statusCode).toBe(403);
    const elsewhere = await api.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'Elsewhere',
      roles: [{ role: 'counsellor', officeId: m.offices.terApel.id }],
    });
    expect(elsewhere.statusCode).toBe(403);
    const selfGrant = await api.patch(`/api/v1/users/${officeAdmin.user.id}`, {
      roles: [{ role: 'admin', officeId: m.offices.terApel.id }],
    });
    expect(selfGrant.statusCode).toBe(403);
  });

  it('an administrator changes another user’s roles, and it is audited', async () => {
    const { user } = await addUser();
    const admin = await t.as(m.users.admin);
    const roles = [{ role: 'movements_officer', officeId: null }];
    const response = await admin.patch(`/api/v1/users/${user.id}`, { roles, displayName: 'Nadia H.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ displayName: 'Nadia H.', roles });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, user.id));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.update', 'user.roles_change']),
    );
  });
});

describe('roles per office, and closed offices', () => {
  it('keeps a role held at an office that closed, but gives no new role there (422 naming the reason)', async () => {
    const admin = await t.as(m.users.admin);
    const office = await admin.post('/api/v1/offices', {
      name: `Closing desk ${Date.now()}`,
      kind: 'airport_desk',
      country: 'NL',
    });
    expect(office.statusCode, office.body).toBe(201);
    const deskId = office.json().office.id as string;
    const atDesk = { role: 'movements_officer', officeId: deskId };
    const { user } = await addUser([atDesk]);
    expect((await admin.patch(`/api/v1/offices/${deskId}`, { active: false })).statusCode).toBe(200);

    // Editing the user's other roles keeps the one at the closed office.
    const hague = { role: 'counsellor', officeId: m.offices.hague.id };
    const kept = await admin.patch(`/api/v1/users/${user.id}`, { roles: [atDesk, hague] });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().user.roles).toEqual(expect.arrayContaining([atDesk, hague]));

    // A new role at the closed office is refused, and nothing changes.
    const refused = await admin.patch(`/api/v1/users/${user.id}`, {
      roles: [atDesk, hague, { role: 'counsellor', officeId: deskId }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'office_closed', offices: [deskId] });
    expect(refused.json().detail).toContain('closed');
    const after = await admin.get(`/api/v1/users/${user.id}`);
    expect(after.json().user.roles).toHaveLength(2);

    // Taking the closed office's role away is allowed; it cannot be given back.
    const dropped = await admin.patch(`/api/v1/users/${user.id}`, { roles: [hague] });
    expect(dropped.json().user.roles).toEqual([hague]);
    const back = await admin.patch(`/api/v1/users/${user.id}`, { roles: [hague, atDesk] });
    expect(back.statusCode).toBe(422);
  });

  it('gives roles at several offices at once, replacing the present ones', async () => {
    const { user } = await addUser();
    const admin = await t.as(m.users.admin);
    const roles = [
      { role: 'counsellor', officeId: m.offices.terApel.id },
      { role: 'reintegration_officer', officeId: m.offices.erbil.id },
    ];
    const response = await admin.patch(`/api/v1/users/${user.id}`, { roles });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.roles).toEqual(expect.arrayContaining(roles));
    expect(response.json().user.roles).toHaveLength(2);
  });
});

describe('deactivating and resetting', () => {
  it('deactivation ends the user’s sessions and stops sign-in; reactivation lets them back', async () => {
    const { user, token } = await addUser();
    expect((await setPasswordByLink(token, GOOD_PASSWORD)).statusCode).toBe(200);
    const cookie = await signedIn(user.email, GOOD_PASSWORD);
    expect((await getWith(cookie, '/api/v1/auth/me')).statusCode).toBe(200);

    const admin = await t.as(m.users.admin);
    const off = await admin.post(`/api/v1/users/${user.id}/deactivate`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().user.active).toBe(false);
    expect((await getWith(cookie, '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await logIn(user.email, GOOD_PASSWORD)).statusCode).toBe(401);
    expect((await admin.get('/api/v1/users')).json().items.map((u: { id: string }) => u.id)).not.toContain(
      user.id,
    );
    expect(
      (await admin.get('/api/v1/users?status=inactive')).json().items.map((u: { id: string }) => u.id),
    ).toContain(user.id);
    expect((await admin.post(`/api/v1/users/${user.id}/password-link`)).statusCode).toBe(409);

    expect((await admin.post(`/api/v1/users/${user.id}/reactivate`)).statusCode).toBe(200);
    expect((await logIn(user.email, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('deactivation voids an unused link', async () => {
    const { user, token } = await addUser();
    const admin = await t.as(m.users.admin);
    await admin.post(`/api/v1/users/${user.id}/deactivate`);
    const response = await setPasswordByLink(token, GOOD_PASSWORD);
    expect(response.statusCode).toBe(410);
  });

  it('a reset sends a new link by e-mail; the earlier one stops working', async () => {
    const { user, token: first } = await addUser();
    const admin = await t.as(m.users.admin);
    const reset = await admin.post(`/api/v1/users/${user.id}/password-link`);
    expect(reset.statusCode, reset.body).toBe(201);
    const second = tokenOf(reset.json().passwordLink.url);
    expect(second).not.toBe(first);
    expect((await t.anonymous.post('/api/v1/password-links/check', { token: first })).statusCode).toBe(410);
    const check = await t.anonymous.post('/api/v1/password-links/check', { token: second });
    expect(check.json().purpose).toBe('reset');
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.missionId, m.missionId), eq(outboxMessages.kind, 'user.password_reset')));
    expect(mails.some((row) => (row.payload as { text: string }).text.includes(second))).toBe(true);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, refuses common ones, and ends the user’s other sessions only', async () => {
    const { user, token } = await addUser();
    expect((await setPasswordByLink(token, GOOD_PASSWORD)).statusCode).toBe(200);
    // Two sessions of the same user (sign-in itself is throttled per address, so opened directly).
    const here = await t.as(user);
    const elsewhere = await t.as(user);
    const change = (body: unknown) => here.post('/api/v1/me/password', body);

    const wrong = await change({
      currentPassword: 'not-my-password',
      newPassword: 'granite-meadow-sparrow-7',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'currentPassword', code: 'password_wrong_current' });
    const common = await change({ currentPassword: GOOD_PASSWORD, newPassword: 'password1234' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ path: 'newPassword', code: 'password_common' });
    const short = await change({ currentPassword: GOOD_PASSWORD, newPassword: 'Tr0ub4dor&3' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: 'newPassword', code: 'password_too_short' });
    const same = await change({ currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ path: 'newPassword', code: 'password_same_as_current' });

    const ok = await change({ currentPassword: GOOD_PASSWORD, newPassword: 'granite-meadow-sparrow-7' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().endedSessions).toBe(1);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await logIn(user.email, GOOD_PASSWORD)).statusCode).toBe(401);
    expect((await logIn(user.email, 'granite-meadow-sparrow-7')).statusCode).toBe(200);
  });

  it('works for every role (the seeded users change theirs)', async () => {
    const api = await t.as(m.users.movements);
    const response = await api.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'harbour-lantern-rainy-42',
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
