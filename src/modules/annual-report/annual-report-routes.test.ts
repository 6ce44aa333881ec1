import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import type { AnnualReport } from './annual-report-schemas.js';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('GET /api/v1/annual-report', () => {
  it.each([
    ['manager', 200],
    ['admin', 200],
    ['counsellor', 403],
    ['movements', 403],
    ['reintegration', 403],
  ] as const)('answers %s with %i', async (role, status) => {
    const mission = await buildMission(testApp.database.db);
    const client = await testApp.as(mission.users[role]);
    expect((await client.get('/api/v1/annual-report?year=2023')).statusCode).toBe(status);
  });

  it('gives zeros for a year without work, and lists every figure it cannot produce with its reason', async () => {
    const mission = await buildMission(testApp.database.db);
    const manager = await testApp.as(mission.users.manager);
    const response = await manager.get('/api/v1/annual-report?year=2023');
    const report = response.json() as AnnualReport;
    expect(report.year).toBe(2023);
    expect(report.avrr.departed).toBe(0);
    expect(report.avrr.change_vs_previous_year).toBeNull();
    expect(report.airport).toEqual({ beneficiaries: 0, departures: 0, transits: 0, arrivals: 0 });
    expect(report.reintegration.economic_grant_payment).toBeNull();
    expect(report.reintegration.policy_change_2023_07).toEqual({
      reincluded_for_regular_reintegration: ['BY', 'DZ', 'EG', 'LB', 'MA', 'MN', 'TN', 'TR'],
    });
    expect(report.resettlement).toBeNull();
    const missing = new Map(report.not_producible.map((entry) => [entry.figure, entry.reason]));
    for (const figure of [
      'avrr.change_vs_previous_year',
      'diplomatic_liaison.embassy_letters_more_than',
      'resettlement.refugees_resettled',
      'family_reunification.family_members',
      'dna_sampling.samples',
      'diaspora_cd4d2_2019_2023.assignments',
      'visa_centre.visas_processed_2023_07_to_2024_04',
      'social_inclusion.learn',
    ]) {
      expect(missing.get(figure), figure).toMatch(/\w{5,}/);
    }
  });

  it('refuses a year that is not a year', async () => {
    const mission = await buildMission(testApp.database.db);
    const manager = await testApp.as(mission.users.manager);
    expect((await manager.get('/api/v1/annual-report?year=23')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/annual-report/export', () => {
  it('writes the figures and the figures not producible as CSV', async () => {
    const mission = await buildMission(testApp.database.db);
    const manager = await testApp.as(mission.users.manager);
    const response = await manager.get('/api/v1/annual-report/export?year=2023&format=csv&language=en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('annual-report_2023-01-01_2023-12-31.csv');
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('Figure,Value,Not producible because');
    expect(lines).toContain('avrr.departed,0,');
    expect(lines.some((line) => line.startsWith('resettlement.refugees_resettled,,'))).toBe(true);
  });

  it('writes an XLSX workbook', async () => {
    const mission = await buildMission(testApp.database.db);
    const manager = await testApp.as(mission.users.manager);
    const response = await manager.get('/api/v1/annual-report/export?year=2023&format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('is refused to a counsellor', async () => {
    const mission = await buildMission(testApp.database.db);
    const counsellor = await testApp.as(mission.users.counsellor);
    expect((await counsellor.get('/api/v1/annual-report/export?year=2023')).statusCode).toBe(403);
  });
});
