import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDatabaseKind } from '../../test-support/test-database.js';
import {
  expectPublishedFigures,
  expectReportMatchesTargets,
  expectReportsMatchTally,
  runAndReport,
} from './demo-year-test-support.js';

// A whole year at scale 1 is about 250,000 queries through the services: some four minutes on the
// PostgreSQL server, twice that on the embedded database, where the suite runs the year at scale 0.1
// instead (demo-year.test.ts). PASSAGE_DEMO_YEAR_FULL=1 runs it on the embedded database too.
const runsHere = testDatabaseKind() === 'postgresql' || process.env.PASSAGE_DEMO_YEAR_FULL === '1';

describe.runIf(runsHere)('a demo year at scale 1', () => {
  let testApp: TestApp;
  let run: Awaited<ReturnType<typeof runAndReport>>;
  beforeAll(async () => {
    testApp = await startTestApp();
    run = await runAndReport(testApp, 1, `DY1-${Date.now()}`);
  }, 3_600_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('reproduces every calibrated figure of the published annual report', () => {
    expectPublishedFigures(run.report);
    expectReportMatchesTargets(run.report, run.result);
  });

  it('agrees, report by report, with what the generator counted', async () => {
    await expectReportsMatchTally(run.manager, run.report, run.result);
  }, 120_000);

  it('made it through the services in the simulated year', () => {
    expect(run.result.tally.departedPersons).toBe(1859);
    expect(run.result.tally.transitPassengers).toBe(7612);
  });
});
