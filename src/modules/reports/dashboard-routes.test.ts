import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/time/mission-calendar.js';
import { buildCase, principalOf } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase } from '../movements/movements-test-support.js';
import { givenBudget, givenGrant, givenPlan } from '../reintegration/reintegration-test-support.js';
import { weekStarts } from './get-dashboard.js';
import { depart, openCase, transition } from './reports-test-support.js';
import { summariesAgainstRebuild } from './summary-rebuild-check.js';

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

async function dashboard(user: { id: string }, query = '') {
  const api = await t.as(user);
  const response = await api.get(`/api/v1/dashboard${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const statusCounts = (board: { openCaseload: { byProgrammeStatus: { status: string; count: number }[] } }) =>
  Object.fromEntries(board.openCaseload.byProgrammeStatus.map((row) => [row.status, row.count]));

describe('the dashboard caseload', () => {
  it('counts open cases by status, office and counsellor, and follows a transition at once', async () => {
    const { counsellor } = mission.users;
    const first = await openCase(t, mission, { assigneeId: counsellor.id });
    await openCase(t, mission, { assigneeId: counsellor.id });
    await openCase(t, mission, { officeId: mission.offices.terApel.id });

    const before = await dashboard(mission.users.manager);
    expect(before.openCaseload.total).toBe(3);
    expect(statusCounts(before)).toEqual({ registered: 3 });
    expect(before.openCaseload.byOffice).toEqual([
      { officeId: mission.offices.hague.id, officeName: 'The Hague office', count: 2 },
      { officeId: mission.offices.terApel.id, officeName: 'Ter Apel reception centre', count: 1 },
    ]);
    expect(before.openCaseload.byAssignee).toEqual([
      { assigneeId: counsellor.id, displayName: counsellor.displayName, count: 2 },
      { assigneeId: null, displayName: null, count: 1 },
    ]);

    await transition(t, mission, first.id, 'start_counselling');
    expect(statusCounts(await dashboard(mission.users.manager))).toEqual({ registered: 2, counselling: 1 });
    await transition(t, mission, first.id, 'withdraw', 'Decided to stay');
    const after = await dashboard(mission.users.manager);
    expect(after.openCaseload.total).toBe(2);
    expect(statusCounts(after)).toEqual({ registered: 2 });
  });

  it('filters by office and programme', async () => {
    await openCase(t, mission);
    await openCase(t, mission, { officeId: mission.offices.terApel.id });
    const hague = await dashboard(mission.users.manager, `?officeId=${mission.offices.hague.id}`);
    expect(hague.openCaseload.total).toBe(1);
    expect((await dashboard(mission.users.manager, '?programme=avrr')).openCaseload.total).toBe(2);
    expect((await dashboard(mission.users.manager, '?programme=resettlement')).openCaseload.total).toBe(0);
  });

  it('counts vulnerable cases by category', async () => {
    await openCase(t, mission, { vulnerabilities: ['health_needs', 'unaccompanied_minor'] });
    await openCase(t, mission, { vulnerabilities: ['health_needs'] });
    await openCase(t, mission);
    const board = await dashboard(mission.users.manager);
    expect(board.vulnerableCases).toEqual([
      { category: 'health_needs', count: 2 },
      { category: 'unaccompanied_minor', count: 1 },
    ]);
  });
});

describe('who sees what on the dashboard', () => {
  it('shows a counsellor only their offices, and victims of trafficking only when assigned', async () => {
    const { counsellor } = mission.users;
    await openCase(t, mission);
    await openCase(t, mission, { officeId: mission.offices.terApel.id });
    await openCase(t, mission, { vulnerabilities: ['victim_of_trafficking'] });
    await openCase(t, mission, { vulnerabilities: ['victim_of_trafficking'], assigneeId: counsellor.id });

    expect((await dashboard(mission.users.manager)).openCaseload.total).toBe(4);
    expect((await dashboard(mission.users.vulnerable)).openCaseload.total).toBe(4);
    const own = await dashboard(counsellor);
    expect(own.openCaseload.total).toBe(2);
    expect(own.openCaseload.byOffice.map((row: { officeId: string }) => row.officeId)).toEqual([
      mission.offices.hague.id,
    ]);
    expect(own.vulnerableCases).toEqual([{ category: 'victim_of_trafficking', count: 1 }]);
    expect((await dashboard(mission.users.otherCounsellor)).openCaseload.total).toBe(1);
  });

  it('agrees with the caseload list (visibleCasesWhere) for every role', async () => {
    const { counsellor } = mission.users;
    await openCase(t, mission, { assigneeId: counsellor.id });
    await openCase(t, mission, {
      officeId: mission.offices.terApel.id,
      vulnerabilities: ['victim_of_trafficking'],
    });
    await openCase(t, mission, { vulnerabilities: ['victim_of_trafficking'], assigneeId: counsellor.id });
    await openCase(t, mission, { officeId: mission.offices.erbil.id });
    await buildCase(t.database.db, { mission, vulnerabilities: ['victim_of_trafficking'] });
    for (const user of Object.values(mission.users)) {
      const api = await t.as(user);
      const listed = (await api.get('/api/v1/cases?open=true&pageSize=100')).json().total;
      expect((await dashboard(user)).openCaseload.total, user.email).toBe(listed);
    }
  });
});

describe('overdue tasks', () => {
  it('counts open tasks due before today, and moves them with their case', async () => {
    const kase = await openCase(t, mission);
    const api = await t.as(mission.users.manager);
    const add = async (dueDate: string) => {
      const response = await api.post(`/api/v1/cases/${kase.id}/tasks`, {
        title: `Call back ${dueDate}`,
        dueDate,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().task;
    };
    await add('2020-01-01');
    const done = await add('2020-01-02');
    await add('2999-01-01');
    expect((await dashboard(mission.users.manager)).overdueTasks.total).toBe(2);

    expect((await api.patch(`/api/v1/tasks/${done.id}`, { done: true })).statusCode).toBe(200);
    const board = await dashboard(mission.users.manager);
    expect(board.overdueTasks).toEqual({
      total: 1,
      byOffice: [{ officeId: mission.offices.hague.id, officeName: 'The Hague office', count: 1 }],
    });

    const moved = await api.patch(`/api/v1/cases/${kase.id}`, {
      version: 1,
      officeId: mission.offices.terApel.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await dashboard(mission.users.manager)).overdueTasks.byOffice).toEqual([
      { officeId: mission.offices.terApel.id, officeName: 'Ter Apel reception centre', count: 1 },
    ]);
    expect((await dashboard(mission.users.counsellor)).overdueTasks.total).toBe(0);
  });
});

describe('departures', () => {
  it('counts departed persons per week and ranks destinations by the arrival airport of their flight', async () => {
    // Two travellers flying to Erbil (IQ) through the movements API.
    const { kase, personIds } = await buildTravellingCase(t.database.db, mission, [{}, {}]);
    const movements = await t.as(mission.users.movements);
    const held = await movements.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = (await movements.post(`/api/v1/bookings/${held.json().booking.id}/confirm`)).json()
      .booking;
    expect(personIds).toHaveLength(2);
    for (const passenger of confirmed.passengers) {
      const marked = await movements.post(`/api/v1/board/passengers/${passenger.id}/status`, {
        status: 'departed',
      });
      expect(marked.statusCode, marked.body).toBe(200);
    }
    // One Afghan flying to Kabul.
    const afghan = await openCase(t, mission, { nationalities: [['AF']] });
    await depart(t, mission, afghan.id);

    const board = await dashboard(mission.users.manager);
    const thisWeek = weekStarts(
      localDate(new Date(), 'Europe/Amsterdam'),
      localDate(new Date(), 'Europe/Amsterdam'),
    )[0];
    expect(board.departuresPerWeek).toHaveLength(weekStarts(board.filters.from, board.filters.to).length);
    expect(board.departuresPerWeek.at(-1)).toEqual({ weekStart: thisWeek, cases: 2, persons: 3 });
    expect(
      board.topDestinations.map((d: { country: string; persons: number }) => [d.country, d.persons]),
    ).toEqual([
      ['IQ', 2],
      ['AF', 1],
    ]);
    const lastYear = await dashboard(mission.users.manager, '?from=2020-01-01&to=2020-12-31');
    expect(lastYear.topDestinations).toEqual([]);
  });
});

describe('grants and pending travel documents', () => {
  it('sums the grants and payments of the period, counts requests per embassy, and moves both with their case', async () => {
    const today = localDate(new Date(), 'Europe/Amsterdam');
    await givenBudget(t, mission, 'DASH', '100000');
    const kase = await buildCase(t.database.db, { mission });
    await givenPlan(t, mission, kase);
    const grant = await givenGrant(t, mission, kase, {
      fundingProject: 'DASH',
      amount: '1500.00',
      cashAmount: '300.00',
    });
    const officer = await t.as(mission.users.reintegration);
    const paid = await officer.post(`/api/v1/cases/${kase.id}/grants/${grant.id}/disbursements`, {
      part: 'cash_at_departure',
      method: 'cash',
      currency: 'EUR',
      amount: '300.00',
      rateToEur: '1',
      paidOn: today,
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const liaison = await t.as(mission.users.liaison);
    const embassy = (
      await liaison.post('/api/v1/embassies', { country: 'IQ', kind: 'embassy', city: 'The Hague' })
    ).json().embassy;
    const counsellor = await t.as(mission.users.counsellor);
    const requested = await counsellor.post(`/api/v1/cases/${kase.id}/travel-document-requests`, {
      personId: await principalOf(t.database.db, kase),
      embassyId: embassy.id,
      requestedOn: today,
    });
    expect(requested.statusCode, requested.body).toBe(201);

    const expectedGrants = [
      {
        type: 'economic',
        currency: 'EUR',
        grants: 1,
        amount: '1500.00',
        disbursed: '300.00',
        disbursedPercent: '20.0',
      },
    ];
    const expectedPending = [{ embassyId: embassy.id, country: 'IQ', city: 'The Hague', pending: 1 }];
    const manager = await dashboard(mission.users.manager);
    expect(manager.grants).toEqual(expectedGrants);
    expect(manager.travelDocumentsPending).toEqual(expectedPending);
    expect((await dashboard(mission.users.counsellor)).grants).toEqual(expectedGrants);
    // Not in this period; not at the other counsellor's office; not yet received in Erbil.
    expect((await dashboard(mission.users.manager, '?from=2020-01-01&to=2020-12-31')).grants).toEqual([]);
    expect((await dashboard(mission.users.otherCounsellor)).grants).toEqual([]);
    expect((await dashboard(mission.users.reintegration)).grants).toEqual([]);

    // The case moves to Ter Apel and is to be received in Erbil: its grant and request follow it.
    const moved = await t.as(mission.users.manager).then((api) =>
      api.patch(`/api/v1/cases/${kase.id}`, {
        version: kase.version,
        officeId: mission.offices.terApel.id,
        returnOfficeId: mission.offices.erbil.id,
      }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await dashboard(mission.users.counsellor)).grants).toEqual([]);
    expect((await dashboard(mission.users.counsellor)).travelDocumentsPending).toEqual([]);
    expect((await dashboard(mission.users.otherCounsellor)).grants).toEqual(expectedGrants);
    const erbil = await dashboard(mission.users.reintegration);
    expect(erbil.grants).toEqual(expectedGrants);
    expect(erbil.travelDocumentsPending).toEqual(expectedPending);
    expect((await dashboard(mission.users.manager)).grants).toEqual(expectedGrants);

    // The embassy answers: nothing is waiting any more.
    const answered = await liaison.post(
      `/api/v1/travel-document-requests/${requested.json().request.id}/status`,
      { status: 'refused', reason: 'Identity not established' },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await dashboard(mission.users.manager)).travelDocumentsPending).toEqual([]);

    const { kept, rebuilt } = await summariesAgainstRebuild(t.database.db, mission.missionId);
    expect(kept.filter((row) => row.t === 'g')).toHaveLength(1);
    expect(rebuilt).toEqual(kept);
  });
});

describe('the summary tables', () => {
  it('hold what a rebuild from the records gives (the triggers miss no writer)', async () => {
    const first = await openCase(t, mission, { vulnerabilities: ['victim_of_trafficking'] });
    await openCase(t, mission, { officeId: mission.offices.terApel.id });
    await buildCase(t.database.db, { mission, status: 'counselling' });
    await transition(t, mission, first.id, 'start_counselling');
    await depart(t, mission, (await openCase(t, mission, { nationalities: [['AF']] })).id);
    const api = await t.as(mission.users.manager);
    await api.post(`/api/v1/cases/${first.id}/tasks`, { title: 'Call', dueDate: '2020-01-01' });
    const { kept, rebuilt } = await summariesAgainstRebuild(t.database.db, mission.missionId);
    expect(kept.length).toBeGreaterThan(4);
    expect(rebuilt).toEqual(kept);
  });
});

describe('weekStarts', () => {
  it.each([
    ['2026-03-04', '2026-03-04', ['2026-03-02']],
    ['2026-03-01', '2026-03-09', ['2026-02-23', '2026-03-02', '2026-03-09']],
  ])('from %s to %s gives the Mondays %j', (from, to, expected) => {
    expect(weekStarts(from, to)).toEqual(expected);
  });
});
