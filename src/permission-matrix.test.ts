// The permission matrix: every API route × every role × an ordinary case, a restricted (trafficking)
// one or an unaccompanied minor's → allowed, denied or masked, from the one table below. The routes come from the application's
// registered routes, so a new route without an entry fails here until someone decides who may call it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from './modules/cases/schema.js';
import { buildCase, principalOf } from './test-support/build-case.js';
import { buildMission, type TestMission } from './test-support/build-mission.js';
import { multipartBody } from './test-support/multipart-body.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';

let t: TestApp;
let mission: TestMission;

/** The roles of the matrix, by the short names the table uses. */
const ROLES = {
  co: 'counsellor',
  oc: 'otherCounsellor',
  vu: 'vulnerable',
  mo: 'movements',
  re: 'reintegration',
  rs: 'resettlement',
  li: 'liaison',
  ma: 'manager',
  ad: 'admin',
} as const;
type RoleKey = keyof typeof ROLES;
const ALL = Object.keys(ROLES).join(' ');

/**
 * One row per route. `allow`: the roles allowed on an ordinary case (or the route itself when it names
 * no record), after a bar on a restricted (trafficking) one, and after a second bar on an
 * unaccompanied minor's; without the second bar the minor's case is as the ordinary one (its
 * restricted details are masked inside the answers, which the need-to-know tests check, but who may
 * call a route is the same). `~` marks a role that gets the record masked (it exists, its contents
 * are left out). Routes that change data are exercised when the row gives a body;
 * the others are checked by their declared policy only (`policy`), with the HTTP rule of that policy
 * proven on the routes that are exercised.
 */
type Records = { caseId: string; personId: string; documentId: string; version: number };
type Row = { allow: string; query?: string; body?: unknown } | { policy: string };

// The counsellor (Hague) is assigned the ordinary case; the restricted case is the vulnerable-cases
// officer's. Reintegration (Erbil) receives both cases; the other counsellor works at Ter Apel. An empty
// `allow` is a route that names a record outside these fixtures (an unknown id): nobody gets it.
const MATRIX: Record<string, Row> = {
  // Administration: offices, users, one's own password, missions.
  'POST /api/v1/offices': { policy: 'organisation.manageOffices' },
  'PATCH /api/v1/offices/:id': { policy: 'organisation.manageOffices' },
  'GET /api/v1/users/:id': { allow: '' },
  'POST /api/v1/users': { policy: 'users.administer' },
  'PATCH /api/v1/users/:id': { policy: 'users.administer' },
  'POST /api/v1/users/:id/deactivate': { policy: 'users.administer' },
  'POST /api/v1/users/:id/reactivate': { policy: 'users.administer' },
  'POST /api/v1/users/:id/password-link': { policy: 'users.administer' },
  'POST /api/v1/me/password': { policy: 'users.changeOwnPassword' },
  'POST /api/v1/missions': { policy: 'organisation.createMission' },
  // No role of a mission lists the missions (a platform administrator does: users/mission-routes.test.ts).
  'GET /api/v1/missions': { allow: '' },
  'PATCH /api/v1/funding-budgets/:id': { policy: 'reintegration.manageBudgets' },
  'PATCH /api/v1/partner-ngos/:id': { policy: 'reintegration.managePartners' },
  'POST /api/v1/emission-factor-sets/:id/retire': { policy: 'emissions.createFactorSet' },
  // Retention, the person's own data and the history import.
  'GET /api/v1/retention/rules': { allow: 'ad' },
  'PUT /api/v1/retention/rules/:programme': { policy: 'retention.edit' },
  'POST /api/v1/retention/runs': { policy: 'retention.run' },
  'GET /api/v1/retention/runs/:id': { allow: '' },
  'GET /api/v1/persons/:id/subject-access-export': { allow: 'vu ma ad | vu ma ad' },
  'GET /api/v1/persons/:id/subject-access-export/pdf': { allow: 'vu ma ad | vu ma ad' },
  'POST /api/v1/imports': { policy: 'imports.create' },
  'GET /api/v1/imports': { allow: 'ma ad' },
  'GET /api/v1/imports/:id': { allow: '' },
  'POST /api/v1/auth/logout': { policy: 'auth.self' },
  'GET /api/v1/auth/me': { allow: 'co oc vu mo re rs li ma ad' },
  'DELETE /api/v1/auth/users/:userId/second-factor': { policy: 'auth.resetSecondFactor' },
  'GET /api/v1/audit/verify': { allow: 'ad' },
  'GET /api/v1/offices': { allow: 'co oc vu mo re rs li ma ad' },
  'GET /api/v1/users': { allow: 'co oc vu mo re rs li ma ad' },
  'GET /api/v1/referral-sources': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/referral-sources': { policy: 'organisation.editLists' },
  'PATCH /api/v1/referral-sources/:code': { policy: 'organisation.editLists' },
  'GET /api/v1/mission': { allow: 'co oc vu mo re rs li ma ad' },
  'PATCH /api/v1/mission': { policy: 'organisation.editSettings' },
  'GET /api/v1/persons': { allow: 'co oc vu mo re rs li ma ad' },
  'GET /api/v1/persons/search': { allow: 'co oc vu mo re rs li ma ad', query: 'q=Amina' },
  'POST /api/v1/persons/duplicates': { policy: 'persons.search' },
  'POST /api/v1/persons': { policy: 'persons.create' },
  'GET /api/v1/persons/:id': { allow: 'co oc vu mo re rs li ma ad | ~co ~oc vu ~mo ~re ~rs ~li ma ad' },
  'PATCH /api/v1/persons/:id': { allow: 'co oc vu rs ma ad | vu ma ad', body: { version: 1 } },
  'POST /api/v1/persons/:id/documents': { policy: 'persons.addDocument' },
  'GET /api/v1/cases': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/cases': { policy: 'cases.create' },
  'GET /api/v1/cases/:id': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'PATCH /api/v1/cases/:id': {
    allow: 'co vu ma ad | vu ma ad',
    body: (records: Records) => ({ version: records.version }),
  },
  'GET /api/v1/cases/:id/transitions': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/transitions': { policy: 'cases.transition' },
  'GET /api/v1/cases/:id/timeline': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'GET /api/v1/cases/:id/notes': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/notes': {
    allow: 'co vu mo re rs li ma ad | vu ma ad',
    body: { body: 'A note from the matrix' },
  },
  'GET /api/v1/cases/:id/tasks': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/tasks': {
    allow: 'co vu mo re rs li ma ad | vu ma ad',
    body: { title: 'A task from the matrix' },
  },
  'GET /api/v1/tasks': { allow: 'co oc vu mo re rs li ma ad' },
  'PATCH /api/v1/tasks/:id': { policy: 'cases.addTask' },
  'GET /api/v1/cases/:id/documents': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/documents': { policy: 'cases.uploadDocument' },
  'GET /api/v1/cases/:id/documents/:documentId/content': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'GET /api/v1/documents/:id/content': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/break-glass': {
    allow: 'ma | ma',
    body: { reason: 'The matrix checks who may break the glass' },
  },
  'GET /api/v1/access-log': { allow: 'ad' },
  'GET /api/v1/persons/:id/consents': { allow: 'co vu ma ad | vu ma ad' },
  'POST /api/v1/persons/:id/consents': { policy: 'consent.manage' },
  'POST /api/v1/persons/:id/consents/:consentId/withdraw': { policy: 'consent.manage' },
  'POST /api/v1/access-log/:id/review': { policy: 'privacy.review' },
  'GET /api/v1/policy/versions': { allow: 'co oc vu re ma ad' },
  'GET /api/v1/policy/versions/:versionId': { allow: '' },
  'GET /api/v1/policy/in-force': { allow: 'co oc vu re ma ad' },
  'POST /api/v1/policy/versions': { policy: 'policy.change' },
  'POST /api/v1/cases/:id/eligibility/evaluate': { policy: 'eligibility.decide' },
  'GET /api/v1/cases/:id/eligibility-decisions': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/eligibility-decisions': { policy: 'eligibility.decide' },
  'POST /api/v1/cases/:id/eligibility-decisions/:decisionId/override': { policy: 'eligibility.override' },
  'GET /api/v1/cases/:id/reintegration-plan': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'PUT /api/v1/cases/:id/reintegration-plan': { policy: 'reintegration.savePlan' },
  'POST /api/v1/cases/:id/reintegration-plan/finalise': { policy: 'reintegration.finalisePlan' },
  'GET /api/v1/cases/:id/grants': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/grants': { policy: 'reintegration.createGrant' },
  'POST /api/v1/cases/:id/grants/:grantId/disbursements': { policy: 'reintegration.disburse' },
  'GET /api/v1/funding-budgets': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/funding-budgets': { policy: 'reintegration.manageBudgets' },
  'GET /api/v1/partner-ngos': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/partner-ngos': { policy: 'reintegration.managePartners' },
  'GET /api/v1/cases/:id/monitoring': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/monitoring-visits': { policy: 'monitoring.record' },
  'POST /api/v1/cases/:id/sustainability-surveys': { policy: 'monitoring.record' },
  'GET /api/v1/sustainability-survey': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/sustainability-weights': { policy: 'monitoring.manageWeights' },
  'GET /api/v1/cases/:id/vulnerability-procedures': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'PATCH /api/v1/vulnerability-steps/:id': { policy: 'vulnerability.updateStep' },
  'GET /api/v1/cases/:id/counselling-sessions': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/counselling-sessions': { policy: 'counselling.recordSession' },
  'GET /api/v1/outreach-activities': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/outreach-activities': { policy: 'counselling.recordOutreach' },
  'GET /api/v1/outreach/report': { allow: 'co oc vu mo re rs li ma ad' },
  'GET /api/v1/embassies': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/embassies': { policy: 'travelDocuments.manageEmbassies' },
  'PATCH /api/v1/embassies/:id': { policy: 'travelDocuments.manageEmbassies' },
  'GET /api/v1/cases/:id/travel-document-requests': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'POST /api/v1/cases/:id/travel-document-requests': { policy: 'travelDocuments.manageRequests' },
  'POST /api/v1/travel-document-requests/:id/status': { policy: 'travelDocuments.manageRequests' },
  'GET /api/v1/travel-document-requests/open': { allow: 'li ma ad' },
  'GET /api/v1/cases/:id/messages': { allow: 'co vu mo re rs li ma ad | vu ma ad' },
  'GET /api/v1/outbox/messages': { allow: 'ad' },
  'POST /api/v1/outbox/messages/:id/replay': { policy: 'outbox.replay' },
  'GET /api/v1/dev-sink/messages': { allow: 'ad' },
  'GET /api/v1/sms-templates': { allow: 'mo ma ad' },
  'PUT /api/v1/sms-templates/:kind/:language': { policy: 'templates.update' },
  'DELETE /api/v1/sms-templates/:kind/:language': { policy: 'templates.update' },
  'GET /api/v1/partners': { allow: 'co oc ma ad' },
  'POST /api/v1/partners': { policy: 'partners.manage' },
  'PATCH /api/v1/partners/:id': { policy: 'partners.manage' },
  'GET /api/v1/partners/:id/api-keys': { allow: '' },
  'POST /api/v1/partners/:id/api-keys': { policy: 'partners.manage' },
  'POST /api/v1/api-keys/:id/revoke': { policy: 'partners.manage' },
  'GET /api/v1/partners/:id/webhooks': { allow: '' },
  'POST /api/v1/partners/:id/webhooks': { policy: 'partners.manage' },
  'PATCH /api/v1/webhooks/:id': { policy: 'partners.manage' },
  'POST /api/v1/referrals': { policy: 'referrals.create' },
  'GET /api/v1/referrals/:partnerReference': {
    allow: '',
    query: 'partnerId=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  },
  'POST /api/v1/referral-imports': { policy: 'referrals.import' },
  'GET /api/v1/referral-imports': { allow: 'co oc ma ad' },
  'GET /api/v1/referral-imports/:id': { allow: '' },
  'POST /api/v1/bookings': { policy: 'movements.book' },
  'GET /api/v1/cases/:id/bookings': { allow: 'co vu mo re rs li ma ad | vu mo ma ad' },
  // What travel needs of a case (names, documents, bookings): the movements team books restricted cases too.
  'GET /api/v1/cases/:id/travel': { allow: 'co vu mo re rs li ma ad | vu mo ma ad' },
  'GET /api/v1/bookings/:id': { allow: '' },
  'POST /api/v1/bookings/:id/confirm': { policy: 'movements.book' },
  'POST /api/v1/bookings/:id/rebook': { policy: 'movements.book' },
  'POST /api/v1/bookings/:id/cancel': { policy: 'movements.book' },
  'GET /api/v1/board': { allow: 'mo rs ma ad', query: 'date=2026-12-07&airport=AMS' },
  'PATCH /api/v1/board/tasks/:id': { policy: 'movements.runBoard' },
  'POST /api/v1/board/passengers/:id/status': { policy: 'movements.runBoard' },
  'POST /api/v1/board/passengers/:id/handover': { policy: 'movements.runBoard' },
  'GET /api/v1/manifests': { allow: '', query: 'flight=KL1234&date=2026-12-07' },
  'GET /api/v1/emission-factor-sets': { allow: 'co oc vu mo re rs li ma ad' },
  'POST /api/v1/emission-factor-sets': { policy: 'emissions.createFactorSet' },
  'GET /api/v1/reports/offsetting': { allow: 'mo ma ad', query: 'from=2026-01&to=2026-12' },
  'GET /api/v1/dashboard': { allow: 'co oc vu mo re rs li ma ad' },
  'GET /api/v1/reports': { allow: 'ma ad' },
  'GET /api/v1/reports/:name': { allow: '' },
  'POST /api/v1/reports/:name/exports': { policy: 'reports.export' },
  'GET /api/v1/reports/exports/:id': { allow: '' },
  'GET /api/v1/reports/exports/:id/file': { allow: '' },
  'GET /api/v1/annual-report': { allow: 'ma ad' },
  'GET /api/v1/annual-report/export': { allow: 'ma ad' },
};

let ordinary: Records;
let restricted: Records;
let minor: Records;

beforeAll(async () => {
  t = await startTestApp();
  mission = await buildMission(t.database.db);
  const make = async (options: {
    vulnerabilities: ('victim_of_trafficking' | 'unaccompanied_minor')[];
    assigneeId: string;
  }) => {
    const kase = await buildCase(t.database.db, { mission, ...options });
    await t.database.db
      .update(cases)
      .set({ returnOfficeId: mission.offices.erbil.id })
      .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, kase.id)));
    const upload = await (await t.as(mission.users.vulnerable)).request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/documents`,
      ...multipartBody([
        { name: 'kind', value: 'consent' },
        { name: 'file', filename: 'consent.txt', contentType: 'text/plain', data: Buffer.from('signed') },
      ]),
    });
    expect(upload.statusCode).toBe(201);
    return {
      caseId: kase.id,
      personId: await principalOf(t.database.db, kase),
      documentId: upload.json().document.id as string,
      version: kase.version,
    };
  };
  ordinary = await make({ vulnerabilities: [], assigneeId: mission.users.counsellor.id });
  restricted = await make({
    vulnerabilities: ['victim_of_trafficking'],
    assigneeId: mission.users.vulnerable.id,
  });
  minor = await make({ vulnerabilities: ['unaccompanied_minor'], assigneeId: mission.users.counsellor.id });
  // Starting the app and three cases with uploads: generous on a shared, busy machine.
}, 180_000);
afterAll(async () => {
  await t.close();
});

const OTHER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** The route's URL with the ordinary or the restricted case's records in its parameters. */
function concrete(url: string, records: Records): string {
  return url
    .replace(/^\/api\/v1\/cases\/:id/, `/api/v1/cases/${records.caseId}`)
    .replace(/^\/api\/v1\/persons\/:id/, `/api/v1/persons/${records.personId}`)
    .replace(/^\/api\/v1\/documents\/:id/, `/api/v1/documents/${records.documentId}`)
    .replace(':documentId', records.documentId)
    .replace(/:[a-zA-Z]+/g, OTHER_ID);
}

/** True when the route names a record of a case, so the restricted column applies. */
const caseScoped = (url: string) => /^\/api\/v1\/(cases\/:id|persons\/:id|documents\/:id)/.test(url);

type Outcome = 'allow' | 'deny' | 'masked';
const clients: Partial<Record<RoleKey, Awaited<ReturnType<TestApp['as']>>>> = {};

async function outcome(role: RoleKey, method: string, url: string, row: { query?: string; body?: unknown }) {
  clients[role] ??= await t.as(mission.users[ROLES[role]]);
  const api = clients[role];
  const response = await api.request({
    method: method as 'GET',
    url: row.query ? `${url}?${row.query}` : url,
    ...(row.body === undefined ? {} : { payload: row.body as object }),
  });
  if (response.statusCode >= 500) throw new Error(`${method} ${url} as ${role}: ${response.statusCode}`);
  if ([401, 403, 404].includes(response.statusCode)) return 'deny' as Outcome;
  if (response.statusCode === 400) throw new Error(`${method} ${url} as ${role}: 400 ${response.body}`);
  const json = response.headers['content-type']?.toString().includes('json') ? response.json() : {};
  return (json.person?.restricted === true ? 'masked' : 'allow') as Outcome;
}

/** The expected outcomes of a row's `allow` text, per role, for the ordinary, restricted and minor columns. */
function expected(
  allow: string,
): [Record<RoleKey, Outcome>, Record<RoleKey, Outcome>, Record<RoleKey, Outcome>] {
  const [first, second = first, third = first] = allow.split('|').map((part) => part.trim());
  const column = (text: string) => {
    const words = text === '*' ? ALL.split(' ') : text.split(/\s+/).filter(Boolean);
    return Object.fromEntries(
      (Object.keys(ROLES) as RoleKey[]).map((role) => [
        role,
        words.includes(role) ? 'allow' : words.includes(`~${role}`) ? 'masked' : 'deny',
      ]),
    ) as Record<RoleKey, Outcome>;
  };
  return [column(first!), column(second!), column(third!)];
}

describe('the permission matrix', () => {
  const key = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
  const routes = () => t.app.apiRoutes.filter((route) => route.access === 'user' && route.method !== 'HEAD');

  it('has one row for every registered route, and no row for a route that is gone', () => {
    const registered = routes().map(key).sort();
    expect(registered.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('routes checked by policy only name the policy they declare', () => {
    for (const route of routes()) {
      const row = MATRIX[key(route)];
      if (row && 'policy' in row) expect(row.policy, key(route)).toBe(route.policy);
    }
  });

  it('answers every exercised route for every role as the table says, on an ordinary, a restricted and a minor’s case', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const route of routes()) {
      const row = MATRIX[key(route)];
      if (!row || 'policy' in row) continue;
      const [onOrdinary, onRestricted, onMinor] = expected(row.allow);
      const columns: [Records, Record<RoleKey, Outcome>][] = caseScoped(route.url)
        ? [
            [ordinary, onOrdinary],
            [restricted, onRestricted],
            [minor, onMinor],
          ]
        : [[ordinary, onOrdinary]];
      for (const [records, want] of columns) {
        const body =
          typeof row.body === 'function' ? (row.body as (r: Records) => unknown)(records) : row.body;
        for (const role of Object.keys(ROLES) as RoleKey[]) {
          cells++;
          const got = await outcome(role, route.method, concrete(route.url, records), { ...row, body });
          if (got !== want[role]) {
            mismatches.push(
              `${key(route)} ${records === ordinary ? 'ordinary' : records === minor ? 'minor' : 'restricted'} ${role}: ${got}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(500);
  }, 300_000);
});
