import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { daysAgo, daysAgoInstant } from '../../test-support/mission-days.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { givenPlan } from '../reintegration/reintegration-test-support.js';
import { sustainabilityIndicators } from './sustainability-indicators.js';

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

const best = Object.fromEntries(sustainabilityIndicators.map((i) => [i.id, i.options.at(-1)!.id]));
// Economic at its best, social and psychosocial at their worst.
const economicOnly = Object.fromEntries(
  sustainabilityIndicators.map((i) => [
    i.id,
    i.dimension === 'economic' ? i.options.at(-1)!.id : i.options[0]!.id,
  ]),
);

const visitDay = daysAgo(1);

describe('monitoring visits', () => {
  it('are recorded by the origin office, not by a host-office counsellor', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    await givenPlan(t, mission, kase);
    const counsellor = await t.as(mission.users.counsellor);
    const visit = { visitDate: visitDay, mode: 'in_person', notes: 'Shop open, stock bought' };
    expect((await counsellor.post(`/api/v1/cases/${kase.id}/monitoring-visits`, visit)).statusCode).toBe(403);
    const officer = await t.as(mission.users.reintegration);
    const response = await officer.post(`/api/v1/cases/${kase.id}/monitoring-visits`, visit);
    expect(response.statusCode).toBe(201);
    expect(response.json().visits).toEqual([
      expect.objectContaining({
        visitDate: visitDay,
        mode: 'in_person',
        office: { id: mission.offices.erbil.id, name: 'Erbil office' },
        visitedBy: expect.objectContaining({ id: mission.users.reintegration.id }),
        notes: 'Shop open, stock bought',
      }),
    ]);
    // The counsellor reads what the origin office recorded.
    const read = await counsellor.get(`/api/v1/cases/${kase.id}/monitoring`);
    expect(read.json()).toMatchObject({ visits: [{ mode: 'in_person' }], policies: { record: false } });
    const kinds = await selectRows<{ kind: string }>(
      t.database.db,
      sql`select kind from case_events where mission_id = ${mission.missionId} and case_id = ${kase.id} order by occurred_at`,
    );
    expect(kinds.map((k) => k.kind)).toContain('monitoring_visit_recorded');
  });

  it('is not open to an origin officer for a case without a plan for their office', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    const officer = await t.as(mission.users.reintegration);
    expect((await officer.get(`/api/v1/cases/${kase.id}/monitoring`)).statusCode).toBe(404);
  });
});

describe('sustainability surveys', () => {
  it('are scored with the weights in force, and keep their scores when the weights change', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    await givenPlan(t, mission, kase);
    const officer = await t.as(mission.users.reintegration);
    const url = `/api/v1/cases/${kase.id}/sustainability-surveys`;
    const first = await officer.post(url, { surveyDate: '2026-06-01', answers: economicOnly });
    expect(first.statusCode).toBe(201);
    const before = first.json().surveys[0];
    expect(before).toMatchObject({
      weightsVersion: 1,
      scores: { economic: '1.0000', social: '0.0000', psychosocial: '0.0000', composite: '0.3333' },
      sustainable: null,
    });

    const admin = await t.as(mission.users.admin);
    const definition = (await admin.get('/api/v1/sustainability-survey')).json();
    expect(definition.indicators).toHaveLength(15);
    expect(definition.weights.version).toBe(1);
    const changed = await admin.post('/api/v1/sustainability-weights', {
      basedOnVersion: 1,
      dimensions: { economic: '2', social: '1', psychosocial: '1' },
      indicators: definition.weights.indicators,
      sustainableThreshold: '0.5',
    });
    expect(changed.statusCode).toBe(201);
    expect(changed.json().weights).toMatchObject({ version: 2, sustainableThreshold: '0.5000' });
    const stale = await admin.post('/api/v1/sustainability-weights', {
      ...definition.weights,
      basedOnVersion: 1,
    });
    expect(stale.statusCode).toBe(409);

    const second = await officer.post(url, { surveyDate: '2026-12-01', answers: economicOnly });
    const [old, fresh] = second.json().surveys;
    expect(old).toEqual(before);
    expect(fresh).toMatchObject({ weightsVersion: 2, scores: { composite: '0.5000' }, sustainable: true });
    const third = await officer.post(url, { surveyDate: '2027-06-01', answers: best });
    expect(third.json().surveys[2]).toMatchObject({ scores: { composite: '1.0000' }, sustainable: true });
  });

  it('refuses unknown answers by path, and weights from anyone but an administrator', async () => {
    const kase = await buildCase(t.database.db, { mission, registeredAt: daysAgoInstant(5) });
    await givenPlan(t, mission, kase);
    const officer = await t.as(mission.users.reintegration);
    const response = await officer.post(`/api/v1/cases/${kase.id}/sustainability-surveys`, {
      surveyDate: '2026-06-01',
      answers: { eco_debt: 'enormous' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.answers.eco_debt' })]);
    const manager = await t.as(mission.users.manager);
    const weights = (await manager.get('/api/v1/sustainability-survey')).json().weights;
    expect(
      (await manager.post('/api/v1/sustainability-weights', { ...weights, basedOnVersion: 1 })).statusCode,
    ).toBe(403);
  });
});
