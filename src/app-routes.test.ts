import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { buildMission } from './test-support/build-mission.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';
import { openTestDatabase, testDatabaseKind } from './test-support/test-database.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

// Public on purpose: the health check, signing in (both steps), setting a password with a one-time link (which
// the link's token authorises), and the API's own description.
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/v1/auth/login',
  // The second step of signing in: it needs the challenge cookie the password step set.
  'POST /api/v1/auth/login/second-factor',
  'GET /api/v1/auth/login/second-factor',
  // Signing in with the OpenID Connect provider: whether it is offered, the redirect there and back.
  'GET /api/v1/auth/oidc',
  'GET /api/v1/auth/oidc/start',
  'GET /api/v1/auth/oidc/callback',
  'POST /api/v1/password-links/check',
  'POST /api/v1/password-links/use',
  'GET /api/openapi.json',
];

function concreteUrl(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
}

describe('every API route', () => {
  it('declares its access rule, and only the known public routes are public', () => {
    const routes = t.app.apiRoutes.filter((route) => route.method !== 'HEAD' && route.access !== 'docs');
    expect(routes.length).toBeGreaterThan(15);
    const publicRoutes = routes
      .filter((route) => route.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const route of routes.filter((r) => r.access === 'user')) {
      expect(route.policy, `${route.method} ${route.url}`).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
    }
  });

  it('answers 401 to a caller who has not signed in', async () => {
    const routes = t.app.apiRoutes.filter((route) => route.access === 'user' && route.method !== 'HEAD');
    for (const route of routes) {
      const response = await t.anonymous.request({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type'], `${route.method} ${route.url}`).toMatch(/problem\+json/);
    }
  });

  it('refuses to start when a route declares no access rule', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
    const careless: FastifyPluginAsyncZod = async (instance) => {
      instance.get('/api/v1/careless', async () => ({ ok: true }));
    };
    await expect(app.register(careless).ready()).rejects.toThrow(/declares no access rule/);
    await database.close();
  });

  it('turns a success without a policy check into a 500, so a forgotten check cannot leak data', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
    app.get('/api/v1/forgetful', { config: { access: 'user', policy: 'test.forgetful' } }, async () => ({
      secret: 'data',
    }));
    await app.ready();
    const mission = await buildMission(database.db);
    const { createSession, SESSION_COOKIE } = await import('./modules/auth/sessions.js');
    const token = await createSession(database.db, {
      userId: mission.users.admin.id,
      ip: null,
      userAgent: null,
      now: new Date(),
    });
    const response = await app.inject({
      url: '/api/v1/forgetful',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    await app.close();
    await database.close();
  });
});

describe('platform endpoints', () => {
  it('GET /api/health reports ok and the kind of database', async () => {
    const response = await t.anonymous.get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: testDatabaseKind() });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document describing the API paths', async () => {
    const response = await t.anonymous.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/me',
      '/api/v1/persons',
      '/api/v1/persons/search',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/transitions',
      '/api/v1/cases/{id}/timeline',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(
      document.paths['/api/v1/cases'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['programme', 'personIds', 'officeId', 'referralSource']));
  });

  it('GET /api/docs serves the documentation page', async () => {
    const response = await t.anonymous.get('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const response = await t.anonymous.get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});
