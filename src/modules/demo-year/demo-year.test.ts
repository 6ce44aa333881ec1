import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { BASE_TARGETS, scaleTargets } from './demo-year-targets.js';
import {
  expectReportMatchesTargets,
  expectReportsMatchTally,
  PUBLISHED,
  runAndReport,
} from './demo-year-test-support.js';
import { planDemoYear } from './plan-demo-year.js';
import type { DemoYearResult } from './run-demo-year.js';

describe('demo year targets', () => {
  it('are the published figures at scale 1', () => {
    const t = scaleTargets(1);
    // Every departure is a passenger marked departed at the airport: the report's two overland ones fly.
    expect(t).toEqual({ ...BASE_TARGETS, airportDepartures: BASE_TARGETS.departed });
    expect(t.airportDepartures + t.transits + t.arrivals).toBe(PUBLISHED.airport.beneficiaries);
    expect(t.informationSessions).toBeGreaterThan(PUBLISHED.avrr.information_sessions_more_than);
  });

  it.each([
    [
      0.1,
      {
        departed: 186,
        destinationCountries: 8,
        travelDocuments: 41,
        travelDocumentCountries: 6,
        partnerNgos: 1,
      },
    ],
    [
      0.5,
      {
        departed: 930,
        destinationCountries: 42,
        monitoringVisits: 3,
        victimsOfTrafficking: 6,
        counsellors: 11,
      },
    ],
    [
      2,
      { departed: 3718, destinationCountries: 84, transits: 15224, counsellors: 22, counsellorLanguages: 20 },
    ],
  ])('round half up at scale %s, breadths never above the report', (scale, expected) => {
    expect(scaleTargets(scale)).toMatchObject(expected);
  });

  it('plan the same year from the same seed', () => {
    const a = planDemoYear({ year: 2023, scale: 0.05 });
    const b = planDemoYear({ year: 2023, scale: 0.05 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.cases.filter((c) => c.outcome === 'departed').flatMap((c) => c.persons).length).toBe(93);
  });
});

describe('a demo year at scale 0.1', () => {
  let testApp: TestApp;
  let run: Awaited<ReturnType<typeof runAndReport>>;
  beforeAll(async () => {
    testApp = await startTestApp();
    run = await runAndReport(testApp, 0.1, `DY-${Date.now()}`);
  }, 600_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('gives an annual report with every figure at a tenth of the published one', () => {
    expectReportMatchesTargets(run.report, run.result);
    expect(run.report.avrr.departed).toBe(186);
    expect(run.report.airport.transits).toBe(761);
  });

  it('agrees, report by report, with what the generator counted', async () => {
    await expectReportsMatchTally(run.manager, run.report, run.result);
  });

  it('dates every departure in the year', async () => {
    const result: DemoYearResult = run.result;
    const rows = await testApp.database.db.execute(
      `select min(occurred_at) as first, max(occurred_at) as last, count(*) as n from case_events
        where mission_id = '${result.mission.missionId}' and kind = 'passenger_departed'`,
    );
    const [row] = (rows as unknown as { rows: { first: string; last: string; n: string }[] }).rows;
    expect(new Date(row!.first).getUTCFullYear()).toBe(2023);
    expect(new Date(row!.last).getUTCFullYear()).toBe(2023);
  });

  it('is not shown to a counsellor', async () => {
    const counsellor = await testApp.as(run.result.mission.counsellors[0]!);
    expect((await counsellor.get('/api/v1/annual-report?year=2023')).statusCode).toBe(403);
  });
});
