import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { type Database, selectRows } from '../../platform/db/database.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { openTestDatabase } from '../../test-support/test-database.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { AVRR_STATUSES } from '../cases/workflow/index.js';
import { missions, users } from '../organisation/schema.js';
import { summariesAgainstRebuild } from '../reports/summary-rebuild-check.js';
import { demoCountries, planDemoCaseload } from './demo-caseload-plan.js';
import {
  DEMO_MISSION_CODE,
  DEMO_PASSWORD,
  demoCounsellors,
  demoEmail,
  demoUsers,
  ensureDemoOrganisation,
} from './demo-organisation.js';
import { seedDemo } from './seed-demo.js';
import { seededRandom } from './seeded-random.js';

// Enough cases to walk every status of the workflow (the first ones take each status in turn).
const CASES = 40;

describe('demo seed', () => {
  let database: Database;
  let app: FastifyInstance;
  let dataDir: string;
  let missionId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'passage-demo-test-'));
    await seedDemo(database, { log: (line) => logs.push(line), print: () => {}, caseCount: CASES });
    const [mission] = await database.db.select().from(missions).where(eq(missions.code, DEMO_MISSION_CODE));
    missionId = mission!.id;
    const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), demo: false };
    app = await buildApp({ config, database, logger: false });
    await app.ready();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates one user per role and the extra counsellors, with their roles', async () => {
    const rows = await selectRows<{ email: string; role: string; office: string | null }>(
      database.db,
      sql`select u.email, r.role, o.name as office from users u
          join user_roles r on r.user_id = u.id
          left join offices o on o.mission_id = r.mission_id and o.id = r.office_id
          where u.mission_id = ${missionId}`,
    );
    for (const user of demoUsers) {
      expect(rows).toContainEqual({ email: demoEmail(user.key), role: user.role, office: user.office });
    }
    for (const counsellor of demoCounsellors) {
      expect(counsellor.key).toMatch(/^counsellor\.[a-z]+$/);
      expect(rows).toContainEqual({
        email: demoEmail(counsellor.key),
        role: 'counsellor',
        office: counsellor.office,
      });
    }
    expect(rows).toHaveLength(demoUsers.length + demoCounsellors.length);
  });

  it('makes the demo administrator, and only them, a platform administrator', async () => {
    const platformAdmins = await database.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.missionId, missionId), eq(users.platformAdmin, true)));
    expect(platformAdmins).toEqual([{ email: demoEmail('admin') }]);
    // A demo made before the flag existed gets it when the seed runs again.
    await database.db.update(users).set({ platformAdmin: false }).where(eq(users.missionId, missionId));
    await ensureDemoOrganisation(database.db);
    const again = await database.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.missionId, missionId), eq(users.platformAdmin, true)));
    expect(again).toEqual([{ email: demoEmail('admin') }]);
  });

  it('creates cases in every status, at several offices, with several counsellors', async () => {
    const [stats] = await selectRows<{
      cases: number;
      statuses: string[];
      offices: number;
      assignees: number;
    }>(
      database.db,
      sql`select count(*)::int as cases, array_agg(distinct status) as statuses,
                 count(distinct office_id)::int as offices, count(distinct assignee_id)::int as assignees
          from cases where mission_id = ${missionId}`,
    );
    expect(logs.join('\n')).not.toContain('stopped early');
    expect(stats!.cases).toBe(CASES);
    expect([...stats!.statuses].sort()).toEqual([...AVRR_STATUSES].sort());
    expect(stats!.offices).toBeGreaterThanOrEqual(3);
    expect(stats!.assignees).toBeGreaterThanOrEqual(4);
    expect(logs.some((line) => line.includes(`${CASES}/${CASES} cases`))).toBe(true);
  });

  it('reaches every status through the workflow: the timeline leads from registered to it', async () => {
    const caseRows = await selectRows<{ id: string; status: string }>(
      database.db,
      sql`select id, status from cases where mission_id = ${missionId}`,
    );
    const events = await selectRows<{ case_id: string; data: { from: string; to: string } }>(
      database.db,
      sql`select case_id, data from case_events
          where mission_id = ${missionId} and kind = 'status_changed' order by occurred_at, id`,
    );
    for (const kase of caseRows) {
      let status = 'registered';
      for (const event of events.filter((row) => row.case_id === kase.id)) {
        expect(event.data.from).toBe(status);
        status = event.data.to;
      }
      expect(status).toBe(kase.status);
    }
  });

  it('creates travel through the movements services: bookings behind every status, flights on today’s and tomorrow’s boards, and figures that agree', async () => {
    const contradictions = await selectRows<{ reference: string; status: string }>(
      database.db,
      sql`select k.reference, k.status from cases k
          where k.mission_id = ${missionId} and (
            (k.status = 'travel_booked' and exists (
               select 1 from case_group_members m
                where m.mission_id = k.mission_id and m.case_group_id = k.case_group_id
                  and not exists (
                    select 1 from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
                     where b.mission_id = k.mission_id and b.case_id = k.id and b.status = 'confirmed'
                       and p.person_id = m.person_id and p.status <> 'cancelled')))
            or (k.status in ('departed', 'arrived', 'reintegration', 'monitoring') and not exists (
               select 1 from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
                where b.mission_id = k.mission_id and b.case_id = k.id and b.status = 'confirmed'
                  and p.status in ('departed', 'arrived'))))`,
    );
    expect(contradictions).toEqual([]);

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('movements'), password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'passage_session')!;
    const get = (url: string) => app.inject({ method: 'GET', url, cookies: { [cookie.name]: cookie.value } });
    const today = localDate(new Date(), 'Europe/Amsterdam');
    const tomorrow = localDate(new Date(Date.now() + 86_400_000), 'Europe/Amsterdam');
    for (const date of [today, tomorrow]) {
      const board = await get(`/api/v1/board?airport=AMS&date=${date}`);
      expect(board.statusCode, board.body).toBe(200);
      expect(board.json().departures.length, date).toBeGreaterThan(0);
    }

    const [flown] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from booking_passengers p
            join bookings b on b.mission_id = p.mission_id and b.id = p.booking_id
          where p.mission_id = ${missionId} and b.programme = 'avrr' and p.status in ('departed', 'arrived')`,
    );
    expect(flown!.n).toBeGreaterThan(0);
    const [counted] = await selectRows<{ n: number }>(
      database.db,
      sql`select coalesce(sum(persons), 0)::int as n from case_departure_counts where mission_id = ${missionId}`,
    );
    expect(counted!.n).toBe(flown!.n);
    const { kept, rebuilt } = await summariesAgainstRebuild(database.db, missionId);
    expect(rebuilt).toEqual(kept);
  });

  it('adds people from many countries, notes, documents and tasks (some overdue)', async () => {
    const [counts] = await selectRows<{
      persons: number;
      countries: number;
      native: number;
      families: number;
      notes: number;
      documents: number;
      overdue: number;
      upcoming: number;
    }>(
      database.db,
      sql`select
            (select count(*)::int from persons where mission_id = ${missionId}) as persons,
            (select count(distinct n)::int from persons, unnest(nationalities) n where mission_id = ${missionId}) as countries,
            (select count(*)::int from persons where mission_id = ${missionId} and given_name_native is not null) as native,
            (select count(*)::int from (select case_group_id from case_group_members where mission_id = ${missionId}
               group by case_group_id having count(*) > 1) g) as families,
            (select count(*)::int from case_notes where mission_id = ${missionId}) as notes,
            (select count(*)::int from person_documents where mission_id = ${missionId}) as documents,
            (select count(*)::int from case_tasks where mission_id = ${missionId} and done_at is null
               and due_date < current_date) as overdue,
            (select count(*)::int from case_tasks where mission_id = ${missionId} and done_at is null
               and due_date >= current_date) as upcoming`,
    );
    expect(counts!.persons).toBeGreaterThan(CASES);
    expect(counts!.countries).toBeGreaterThanOrEqual(8);
    expect(counts!.native).toBeGreaterThan(0);
    expect(counts!.families).toBeGreaterThan(0);
    expect(counts!.notes).toBeGreaterThan(CASES);
    expect(counts!.documents).toBeGreaterThan(0);
    expect(counts!.overdue).toBeGreaterThan(0);
    expect(counts!.upcoming).toBeGreaterThan(0);
  });

  it('lets the demo counsellor sign in and see their caseload', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('counsellor'), password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.roles).toEqual([{ role: 'counsellor', officeId: expect.any(String) }]);
    const cookie = login.cookies.find((c) => c.name === 'passage_session')!;
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/cases?page=1&pageSize=25',
      cookies: { [cookie.name]: cookie.value },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
  });

  it('gives the mission embassies, budgets and referring partners, so a new user can request a travel document', async () => {
    // The demo administrator signs in with a second factor: open the session directly for them.
    const signIn = async (key: string) => {
      let token: string;
      if (key === 'admin') {
        const [user] = await database.db
          .select()
          .from(users)
          .where(eq(users.email, demoEmail(key)));
        token = await createSession(database.db, {
          userId: user!.id,
          ip: null,
          userAgent: 'test',
          now: new Date(),
        });
      } else {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: demoEmail(key), password: DEMO_PASSWORD },
        });
        token = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      }
      return (method: 'GET' | 'POST', url: string, payload?: object) =>
        app.inject({ method, url, payload, cookies: { [SESSION_COOKIE]: token } });
    };
    const admin = await signIn('admin');
    const embassies = (await admin('GET', '/api/v1/embassies')).json().items as {
      id: string;
      country: string;
    }[];
    expect(new Set(embassies.map((e) => e.country))).toEqual(new Set(demoCountries));
    const budgets = (await admin('GET', '/api/v1/funding-budgets')).json().items;
    expect(budgets.map((b: { projectCode: string }) => b.projectCode)).toEqual(['AVRR-NL', 'MEDICAL-NL']);
    const partners = (await admin('GET', '/api/v1/partners'))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(partners).toEqual(
      expect.arrayContaining([
        'Dienst Terugkeer en Vertrek (DT&V)',
        'Centraal Orgaan opvang asielzoekers (COA)',
      ]),
    );

    const counsellor = await signIn('counsellor');
    const cases = (await counsellor('GET', '/api/v1/cases?page=1&pageSize=25')).json().items;
    const kase = (await counsellor('GET', `/api/v1/cases/${cases[0].id}`)).json().case;
    const person = kase.persons[0];
    const embassy = embassies.find((e) => e.country === person.nationality) ?? embassies[0]!;
    const request = await counsellor('POST', `/api/v1/cases/${kase.id}/travel-document-requests`, {
      personId: person.id,
      embassyId: embassy.id,
      requestedOn: new Date().toISOString().slice(0, 10),
    });
    expect(request.statusCode, request.body).toBe(201);
  });

  it('changes nothing when it runs again', async () => {
    const count = async () =>
      (
        await selectRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from cases where mission_id = ${missionId}`,
        )
      )[0]!.n;
    const before = await count();
    await seedDemo(database, { log: () => {}, print: () => {}, caseCount: CASES });
    expect(await count()).toBe(before);
  });

  it('plans the same caseload from the same seed', () => {
    const options = {
      count: 30,
      counsellorsByOffice: { A: ['a1', 'a2'], B: ['b1'] },
      officeWeights: { A: 2, B: 1 },
    };
    const first = planDemoCaseload(seededRandom(7), options);
    expect(planDemoCaseload(seededRandom(7), options)).toEqual(first);
    expect(planDemoCaseload(seededRandom(8), options)).not.toEqual(first);
  });
});
