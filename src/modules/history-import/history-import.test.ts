// Importing past years: a file made here, imported through the API, and every figure of the annual
// report and the report catalogue compared with counts taken from the file itself.
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/time/mission-calendar.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { multipartBody } from '../../test-support/multipart-body.js';
import { startTestApp, type TestApp, type Client as TestClient } from '../../test-support/test-app.js';
import { cases } from '../cases/schema.js';
import { summariesAgainstRebuild } from '../reports/summary-rebuild-check.js';
import { historyColumns } from './history-file.js';
import { COUNTRY_OF, makeHistory, type HistoryRow as Row, toCsv } from './history-import-test-support.js';

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

async function upload(api: TestClient, file: { name: string; data: Buffer }, dryRun: boolean) {
  const form = multipartBody([
    { name: 'dryRun', value: String(dryRun) },
    { name: 'file', filename: file.name, contentType: 'application/octet-stream', data: file.data },
  ]);
  return api.request({ method: 'POST', url: '/api/v1/imports', ...form });
}

async function finished(api: TestClient, id: string) {
  let state = (await api.get(`/api/v1/imports/${id}`)).json();
  for (let i = 0; i < 600 && state.status === 'running'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = (await api.get(`/api/v1/imports/${id}`)).json();
  }
  return state;
}

async function caseCount() {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(cases)
    .where(eq(cases.missionId, mission.missionId));
  return row!.n;
}

/** The figures of a year counted from the file's rows, as docs/figures.md says each is counted. */
function countFromFile(rows: Row[], year: string) {
  const principals = rows.filter((row) => row.registered_at);
  const size = (id: string) => rows.filter((row) => row.case_id === id).length;
  const departedIn = (y: string) => principals.filter((row) => row.departure_local?.startsWith(y));
  const departed = departedIn(year);
  const byCountry: Record<string, { cases: number; persons: number }> = {};
  for (const row of departed) {
    const country = COUNTRY_OF[row.arrival_airport!]!;
    byCountry[country] ??= { cases: 0, persons: 0 };
    const entry = byCountry[country];
    entry.cases += 1;
    entry.persons += size(row.case_id!);
  }
  const grants = principals.filter((row) => row.granted_on?.startsWith(year));
  const economic = grants.filter((row) => row.grant_type === 'economic');
  const both = economic.filter(
    (row) => Number(row.grant_cash_amount) > 0 && Number(row.grant_cash_amount) < Number(row.grant_amount),
  ).length;
  const cashOnly = economic.filter((row) => row.grant_cash_amount === row.grant_amount).length;
  const inKindOnly = economic.filter((row) => Number(row.grant_cash_amount) === 0).length;
  const persons = (list: Row[]) => list.reduce((n, row) => n + size(row.case_id!), 0);
  const byType: Record<string, { grants: number; amount: number }> = {};
  for (const row of grants) {
    byType[row.grant_type!] ??= { grants: 0, amount: 0 };
    const entry = byType[row.grant_type!]!;
    entry.grants += 1;
    entry.amount += Number(row.grant_amount);
  }
  const byMonth: Record<string, number> = {};
  for (const row of departed)
    byMonth[row.departure_local!.slice(0, 7)] =
      (byMonth[row.departure_local!.slice(0, 7)] ?? 0) + size(row.case_id!);
  return {
    departedPersons: persons(departed),
    previousYearPersons: persons(departedIn(String(Number(year) - 1))),
    countries: Object.keys(byCountry).sort(),
    byCountry,
    economic: economic.length,
    medical: grants.filter((row) => row.grant_type === 'medical').length,
    payment:
      economic.length === 0
        ? null
        : both === economic.length
          ? 'partially cash upon departure, partially in kind after return'
          : `${both} partially cash upon departure, partially in kind after return; ${inKindOnly} in kind only; ${cashOnly} cash only`,
    byType,
    byMonth,
  };
}

describe('history import', () => {
  it('imports a past year from a CSV file, and every figure of that year equals the count from the file', async () => {
    const rows = makeHistory(60);
    const admin = await t.as(mission.users.admin);
    const started = await upload(
      admin,
      { name: 'old-system-2024.csv', data: Buffer.from(toCsv(rows)) },
      false,
    );
    expect(started.statusCode, started.body).toBe(202);
    const job = await finished(admin, started.json().id);
    expect(job).toMatchObject({
      status: 'completed',
      total: 60,
      processed: 60,
      created: 60,
      existing: 0,
      rejected: 0,
      report: [],
    });
    expect(await caseCount()).toBe(60);

    const expected = countFromFile(rows, '2024');
    expect(expected.departedPersons).toBeGreaterThan(20);
    const report = (await admin.get('/api/v1/annual-report?year=2024')).json();
    expect(report.avrr).toMatchObject({
      departed: expected.departedPersons,
      destination_countries: expected.countries.length,
      of_which_resettled_to_third_country_with_residence_permit: 0,
      change_vs_previous_year: expected.departedPersons - expected.previousYearPersons,
      counsellors: 0,
      monitoring_visits: { count: 0, countries: [] },
    });
    expect(report.reintegration).toMatchObject({
      economic_grants: expected.economic,
      medical_grants: expected.medical,
      economic_grant_payment: expected.payment,
      on_behalf_of_partner_ngos: { count: 0, partners: [] },
    });
    expect(report.airport).toEqual({
      beneficiaries: expected.departedPersons,
      departures: expected.departedPersons,
      transits: 0,
      arrivals: 0,
    });
    expect(report.diplomatic_liaison).toMatchObject({ travel_documents: 0 });

    const catalogue = async (name: string) =>
      (await admin.get(`/api/v1/reports/${name}?from=2024-01-01&to=2024-12-31`)).json().rows as Record<
        string,
        unknown
      >[];
    const departures = await catalogue('avrr-departures');
    expect(
      Object.fromEntries(departures.map((row) => [row.country, { cases: row.cases, persons: row.persons }])),
    ).toEqual(expected.byCountry);
    const grants = await catalogue('reintegration-grants');
    expect(
      Object.fromEntries(
        grants.map((row) => [row.grantType, { grants: row.grants, amount: Number(row.amount) }]),
      ),
    ).toEqual(expected.byType);
    const airport = await catalogue('airport-movements');
    expect(Object.fromEntries(airport.map((row) => [row.month, row.completed]))).toEqual(expected.byMonth);
    const vulnerable = await catalogue('departures-by-vulnerability');
    expect(vulnerable.filter((row) => Number(row.persons) > 0 && row.category !== 'none')).toEqual([]);

    // Case references take the year of registration.
    const listed = (await admin.get('/api/v1/cases?pageSize=100')).json().items as {
      id: string;
      reference: string;
    }[];
    // Each case's timeline is dated when its milestones happened, not when they were imported.
    const timeline = (await admin.get(`/api/v1/cases/${listed[0]!.id}/timeline`)).json().items as {
      kind: string;
      occurredAt: string;
    }[];
    const registered = timeline.find((entry) => entry.kind === 'case_created')!;
    expect(localDate(new Date(registered.occurredAt), 'Europe/Amsterdam').slice(0, 4)).toBe(
      listed[0]!.reference.slice(5, 9),
    );
    expect(listed.filter((c) => c.reference.startsWith('AVRR-2023-'))).toHaveLength(
      rows.filter((row) => row.registered_at?.startsWith('2023')).length,
    );
  });

  it('creates nothing new when the same file is imported twice', async () => {
    const rows = makeHistory(12, 3);
    const manager = await t.as(mission.users.manager);
    const file = { name: 'history.csv', data: Buffer.from(toCsv(rows)) };
    const first = await finished(manager, (await upload(manager, file, false)).json().id);
    expect(first).toMatchObject({ status: 'completed', created: 12, existing: 0 });
    const before = (await manager.get('/api/v1/annual-report?year=2024')).json();
    const second = await finished(manager, (await upload(manager, file, false)).json().id);
    expect(second).toMatchObject({ status: 'completed', created: 0, existing: 12 });
    expect(await caseCount()).toBe(12);
    const after = (await manager.get('/api/v1/annual-report?year=2024')).json();
    expect({ ...after, generated_at: null }).toEqual({ ...before, generated_at: null });
    const dryRun = (await upload(manager, file, true)).json();
    expect(dryRun).toMatchObject({ dryRun: true, status: 'completed', created: 0, existing: 12 });
  });

  it('dry-runs a file: every invalid row reported by row and column, nothing written', async () => {
    const rows = makeHistory(5, 11);
    rows[0] = { ...rows[0], sex: 'dragon' };
    const principal = rows.findIndex((row, index) => index > 0 && row.registered_at);
    rows[principal] = { ...rows[principal], registered_at: '2099-01-01', office: 'Nowhere office' };
    rows.push({
      case_id: 'OLD-FLIGHT',
      given_name: 'A',
      family_name: 'B',
      registered_at: '2024-01-01',
      departure_airport: 'AMS',
      arrival_airport: 'XXX',
      departure_local: '2024-02-01T10:00',
      arrival_local: '2024-02-01T12:00',
    });
    const admin = await t.as(mission.users.admin);
    const response = await upload(admin, { name: 'history.csv', data: Buffer.from(toCsv(rows)) }, true);
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json();
    expect(job).toMatchObject({
      dryRun: true,
      status: 'completed',
      total: 6,
      rejected: 3,
      created: 3,
      existing: 0,
    });
    expect(job.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'sex' }),
        expect.objectContaining({
          row: principal + 2,
          field: 'registered_at',
          message: 'lies in the future',
        }),
        expect.objectContaining({
          row: rows.length + 1,
          field: 'arrival_airport',
          message: 'is not a known airport',
        }),
      ]),
    );
    expect(await caseCount()).toBe(0);
    expect((await admin.get(`/api/v1/imports/${job.id}`)).json()).toMatchObject({ id: job.id, dryRun: true });
  });

  it('refuses dates that match the pattern but do not exist, naming the column', async () => {
    const person = { given_name: 'A', family_name: 'B' };
    const rows = [
      { ...person, case_id: 'OLD-FEB', registered_at: '2023-02-30' },
      { ...person, case_id: 'OLD-BIRTH', registered_at: '2023-02-28', date_of_birth: '1990-13' },
      {
        ...person,
        case_id: 'OLD-HOUR',
        registered_at: '2023-01-05T10:00:00+01:00',
        decision: 'eligible_return',
        decided_at: '2023-02-29T09:00:00+01:00',
        departure_airport: 'AMS',
        arrival_airport: 'EBL',
        departure_local: '2023-03-01T25:10',
        arrival_local: '2023-03-01T23:00',
      },
    ];
    const admin = await t.as(mission.users.admin);
    const response = await upload(admin, { name: 'history.csv', data: Buffer.from(toCsv(rows)) }, true);
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json();
    expect(job).toMatchObject({ total: 3, rejected: 3, created: 0 });
    const fields = job.report.map(
      (problem: { row: number; field: string }) => `${problem.row}:${problem.field}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining(['2:registered_at', '3:date_of_birth', '4:decided_at', '4:departure_local']),
    );
  });

  it('reads XLSX files the same way', async () => {
    const rows = makeHistory(4, 5);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    const columns = Object.keys(historyColumns) as (keyof typeof historyColumns)[];
    sheet.addRow(columns);
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? ''));
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const admin = await t.as(mission.users.admin);
    const job = await finished(admin, (await upload(admin, { name: 'history.xlsx', data }, false)).json().id);
    expect(job).toMatchObject({ status: 'completed', total: 4, created: 4, rejected: 0 });
  });

  it('is for administrators and managers only', async () => {
    const file = { name: 'history.csv', data: Buffer.from(toCsv(makeHistory(1))) };
    for (const user of ['counsellor', 'movements', 'reintegration'] as const) {
      const api = await t.as(mission.users[user]);
      expect((await upload(api, file, true)).statusCode).toBe(403);
    }
    expect(await caseCount()).toBe(0);
  });
});

describe('history import in many small batches', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ env: { HISTORY_BATCH_SIZE: '7' } });
  });
  afterAll(async () => {
    await small.close();
  });

  it('writes a file across several batches, and every figure equals the count from the file', async () => {
    const rows = makeHistory(45, 13);
    const own = await buildMission(small.database.db);
    const admin = await small.as(own.users.admin);
    const file = { name: 'batches.csv', data: Buffer.from(toCsv(rows)) };
    const started = await upload(admin, file, false);
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json();
    const progress = new Set<number>();
    for (let i = 0; i < 600 && job.status === 'running'; i += 1) {
      progress.add(job.processed);
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await admin.get(`/api/v1/imports/${job.id}`)).json();
    }
    expect(job).toMatchObject({
      status: 'completed',
      total: 45,
      processed: 45,
      created: 45,
      existing: 0,
      rejected: 0,
    });
    // Progress moves in steps of the batch size (7 cases): never a count between two batches.
    expect([...progress].filter((n) => n % 7 !== 0 && n !== 45)).toEqual([]);

    const expected = countFromFile(rows, '2024');
    expect(expected.departedPersons).toBeGreaterThan(20);
    const report = (await admin.get('/api/v1/annual-report?year=2024')).json();
    expect(report.avrr).toMatchObject({
      departed: expected.departedPersons,
      destination_countries: expected.countries.length,
      change_vs_previous_year: expected.departedPersons - expected.previousYearPersons,
    });
    expect(report.reintegration).toMatchObject({
      economic_grants: expected.economic,
      medical_grants: expected.medical,
      economic_grant_payment: expected.payment,
    });
    expect(report.airport).toMatchObject({
      beneficiaries: expected.departedPersons,
      departures: expected.departedPersons,
    });
    const catalogue = async (name: string) =>
      (await admin.get(`/api/v1/reports/${name}?from=2024-01-01&to=2024-12-31`)).json().rows as Record<
        string,
        unknown
      >[];
    expect(
      Object.fromEntries(
        (await catalogue('avrr-departures')).map((row) => [
          row.country,
          { cases: row.cases, persons: row.persons },
        ]),
      ),
    ).toEqual(expected.byCountry);
    expect(
      Object.fromEntries(
        (await catalogue('reintegration-grants')).map((row) => [
          row.grantType,
          { grants: row.grants, amount: Number(row.amount) },
        ]),
      ),
    ).toEqual(expected.byType);
    expect(
      Object.fromEntries((await catalogue('airport-movements')).map((row) => [row.month, row.completed])),
    ).toEqual(expected.byMonth);
    // Case references are numbered on across batches: each one once, per registration year.
    const listed = (await admin.get('/api/v1/cases?pageSize=100')).json().items as { reference: string }[];
    expect(listed).toHaveLength(45);
    expect(new Set(listed.map((c) => c.reference)).size).toBe(45);
    // The summary tables the triggers kept batch by batch equal their rebuild from the rows.
    const { kept, rebuilt } = await summariesAgainstRebuild(small.database.db, own.missionId);
    expect(rebuilt).toEqual(kept);

    // A second import of the same file, also in batches, creates nothing.
    const again = (await upload(admin, file, false)).json();
    let second = again;
    for (let i = 0; i < 600 && second.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      second = (await admin.get(`/api/v1/imports/${again.id}`)).json();
    }
    expect(second).toMatchObject({ status: 'completed', created: 0, existing: 45 });
  });
});
