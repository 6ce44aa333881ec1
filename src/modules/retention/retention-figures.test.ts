import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { runDemoYear } from '../demo-year/run-demo-year.js';
import { waitForRun } from './retention-test-support.js';

// A small year of operations made through the services: people, referrals, counselling, decisions,
// travel documents, bookings, departures, grants, monitoring, SMS.
const SCALE = 0.03;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const PERIOD = 'from=2023-01-01&to=2023-12-31';

/** Every figure a manager reads for the year: the annual report, the dashboard, the aggregate reports. */
async function figures(manager: Client) {
  const annual = await manager.get('/api/v1/annual-report?year=2023');
  expect(annual.statusCode, annual.body).toBe(200);
  const dashboard = await manager.get(`/api/v1/dashboard?${PERIOD}`);
  expect(dashboard.statusCode, dashboard.body).toBe(200);
  const { generatedAt: _generated, ...dashboardFigures } = dashboard.json();
  const catalogue = (await manager.get('/api/v1/reports')).json().items as {
    name: string;
    aggregate: boolean;
  }[];
  const reports: Record<string, unknown> = {};
  for (const report of catalogue) {
    const response = await manager.get(`/api/v1/reports/${report.name}?${PERIOD}`);
    if (response.statusCode !== 200) continue; // a report that needs other parameters
    const rows = response.json().rows as unknown[];
    // Lists of people show their (now removed) names: the number of rows must stay, the figures too.
    reports[report.name] = report.aggregate ? rows : rows.length;
  }
  const { generated_at: _at, ...annualFigures } = annual.json();
  return { annual: annualFigures, dashboard: dashboardFigures, reports };
}

describe('retention and the figures', () => {
  it('gives the same annual report, dashboard and aggregate reports before and after anonymising', async () => {
    const { mission } = await runDemoYear(t.database, { year: 2023, scale: SCALE, missionCode: 'RET-FIG' });
    const manager = await t.as(mission.staff.manager);
    const admin = await t.as(mission.staff.admin);
    const before = await figures(manager);
    expect(before.annual.avrr.departed).toBeGreaterThan(20);

    // Everyone whose cases closed in the demo year is a year past a one-year rule.
    expect(
      (await admin.put('/api/v1/retention/rules/avrr', { yearsAfterClosure: 1, action: 'anonymise' }))
        .statusCode,
    ).toBe(200);
    const dry = await admin.post('/api/v1/retention/runs', { dryRun: true });
    const total = dry.json().run.total as number;
    expect(total).toBeGreaterThan(10);
    const started = await admin.post('/api/v1/retention/runs', { dryRun: false });
    expect(started.statusCode, started.body).toBe(202);
    const run = await waitForRun(admin, started.json().run.id);
    expect(run).toMatchObject({ status: 'completed', total, done: total });

    const after = await figures(manager);
    expect(after.annual).toEqual(before.annual);
    expect(after.dashboard).toEqual(before.dashboard);
    expect(after.reports).toEqual(before.reports);
    expect(Object.keys(after.reports).length).toBeGreaterThan(3);
  }, 900_000);
});
