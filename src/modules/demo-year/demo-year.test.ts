import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import type { AnnualReport } from '../annual-report/annual-report-schemas.js';
import { BASE_TARGETS, scaleTargets } from './demo-year-targets.js';
import { expectReportMatchesTargets, expectReportsMatchTally } from './demo-year-test-support.js';
import { planDemoYear } from './plan-demo-year.js';
import { type DemoYearResult, runDemoYear } from './run-demo-year.js';

// The calibrated figures of the published 2023 annual report (shared reference annual-report-2023.json).
const PUBLISHED = {
  avrr: {
    departed: 1859,
    destination_countries: 84,
    of_which_resettled_to_third_country_with_residence_permit: 20,
    counsellors: 22,
    counsellor_languages_at_least: 20,
    information_sessions_more_than: 100,
    network_meetings_at_least: 200,
    monitoring_visits: { count: 5, countries: ['BR', 'GE', 'ID', 'PH', 'UG'] },
    unaccompanied_minors_returned: 7,
    migrants_with_health_needs: 217,
    victims_of_trafficking: { count: 11, countries_of_origin: ['BR', 'BG', 'CO', 'ID', 'TH', 'UG'] },
  },
  reintegration: {
    economic_grants: 1082,
    economic_grant_payment: 'partially cash upon departure, partially in kind after return',
    medical_grants: 176,
    on_behalf_of_partner_ngos: {
      count: 89,
      partners: [
        'Stichting Wereldwijd',
        'Stichting ROS',
        'Vluchtelingenwerk Nederland',
        'Stichting Goedwerk',
      ],
    },
    policy_change_2023_07: {
      reincluded_for_regular_reintegration: ['BY', 'DZ', 'EG', 'LB', 'MA', 'MN', 'TN', 'TR'],
    },
  },
  diplomatic_liaison: { travel_documents: 412, travel_document_countries: 57 },
  airport: { beneficiaries: 10311, departures: 1857, transits: 7612, arrivals: 842 },
};

const sorted = (values: readonly string[]) => [...values].sort();

/** Every calibrated figure of the published report, exactly (thresholds as the report words them). */
function expectPublishedFigures(report: AnnualReport): void {
  const { avrr, reintegration } = report;
  const p = PUBLISHED.avrr;
  expect(avrr.departed).toBe(p.departed);
  expect(avrr.destination_countries).toBe(p.destination_countries);
  expect(avrr.of_which_resettled_to_third_country_with_residence_permit).toBe(
    p.of_which_resettled_to_third_country_with_residence_permit,
  );
  expect(avrr.counsellors).toBe(p.counsellors);
  expect(avrr.counsellor_languages_at_least).toBeGreaterThanOrEqual(p.counsellor_languages_at_least);
  expect(avrr.information_sessions_more_than).toBeGreaterThan(p.information_sessions_more_than);
  expect(avrr.network_meetings_at_least).toBeGreaterThanOrEqual(p.network_meetings_at_least);
  expect(avrr.monitoring_visits).toEqual({ count: 5, countries: sorted(p.monitoring_visits.countries) });
  expect(avrr.unaccompanied_minors_returned).toBe(p.unaccompanied_minors_returned);
  expect(avrr.migrants_with_health_needs).toBe(p.migrants_with_health_needs);
  expect(avrr.victims_of_trafficking).toEqual({
    count: 11,
    countries_of_origin: sorted(p.victims_of_trafficking.countries_of_origin),
  });
  expect(reintegration.economic_grants).toBe(PUBLISHED.reintegration.economic_grants);
  expect(reintegration.economic_grant_payment).toBe(PUBLISHED.reintegration.economic_grant_payment);
  expect(reintegration.medical_grants).toBe(PUBLISHED.reintegration.medical_grants);
  expect(reintegration.on_behalf_of_partner_ngos).toEqual({
    count: 89,
    partners: sorted(PUBLISHED.reintegration.on_behalf_of_partner_ngos.partners),
  });
  expect(reintegration.policy_change_2023_07).toEqual(PUBLISHED.reintegration.policy_change_2023_07);
  expect(report.diplomatic_liaison).toMatchObject(PUBLISHED.diplomatic_liaison);
  expect(report.airport).toEqual(PUBLISHED.airport);
}

describe('demo year targets', () => {
  it('are the published figures at scale 1', () => {
    const t = scaleTargets(1);
    expect(t).toEqual({ ...BASE_TARGETS });
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

async function runAndReport(testApp: TestApp, scale: number, code: string) {
  const result = await runDemoYear(testApp.database, { year: 2023, scale, missionCode: code });
  const manager = await testApp.as(result.mission.staff.manager);
  const response = await manager.get('/api/v1/annual-report?year=2023');
  expect(response.statusCode, response.body).toBe(200);
  return { result, manager, report: response.json() as AnnualReport };
}

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
      `select min(at) as first, max(at) as last, count(*) as n from case_events
        where mission_id = '${result.mission.missionId}' and kind = 'status_changed' and data->>'to' = 'departed'`,
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

// The full year takes several minutes on PGlite (see the module's notes): opt in with PASSAGE_DEMO_YEAR_FULL=1.
describe.runIf(process.env.PASSAGE_DEMO_YEAR_FULL === '1')('a demo year at scale 1', () => {
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
});
