import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase } from '../movements/movements-test-support.js';

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

async function bookAndConfirm(travellers: number, itinerary = amsIstEbl()) {
  const { kase } = await buildTravellingCase(
    t.database.db,
    mission,
    Array.from({ length: travellers }, () => ({})),
  );
  const api = await t.as(mission.users.movements);
  const held = await api.post('/api/v1/bookings', { caseId: kase.id, ...itinerary });
  expect(held.statusCode, held.body).toBe(201);
  const confirmed = await api.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json().booking;
}

describe('the offsetting report', () => {
  it('sums kg CO2e of confirmed flights per passenger by month and programme, as rows and as CSV', async () => {
    const booking = await bookAndConfirm(2);
    // AMS–IST 249.32 kg and IST–EBL per passenger; two passengers.
    const perPassenger = booking.co2KgPerPassenger;
    expect(booking.segments[0].co2Kg).toBe('249.32');
    await bookAndConfirm(1, amsIstEbl({ segments: [amsIstEbl().segments[0]!] }));
    const manager = await t.as(mission.users.manager);
    const response = await manager.get('/api/v1/reports/offsetting?from=2025-07&to=2025-07');
    expect(response.statusCode, response.body).toBe(200);
    const expectedKg = (Number(perPassenger) * 2 + 249.32).toFixed(2);
    expect(response.json().rows).toEqual([
      {
        month: '2025-07',
        programme: 'avrr',
        flights: 3,
        passengerFlights: 5,
        passengerKm: expect.any(Number),
        co2Kg: expectedKg,
      },
    ]);
    expect((await manager.get('/api/v1/reports/offsetting?from=2025-08&to=2025-12')).json().rows).toEqual([]);
    const csv = await manager.get('/api/v1/reports/offsetting?from=2025-01&to=2025-12&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const records = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(records).toEqual([
      expect.objectContaining({ Month: '2025-07', Programme: 'avrr', 'kg CO2e': expectedKg }),
    ]);
  });

  it('is not shown to a counsellor', async () => {
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get('/api/v1/reports/offsetting?from=2025-01&to=2025-12')).statusCode).toBe(403);
  });
});

describe('emission factor sets', () => {
  it('lets an administrator load a newer set that new bookings use while old ones keep theirs', async () => {
    const first = await bookAndConfirm(1);
    const admin = await t.as(mission.users.admin);
    const created = await admin.post('/api/v1/emission-factor-sets', {
      name: 'UK government business travel, air',
      year: 2025,
      factors: { domestic: '0.2', short_haul: '0.1', long_haul: '0.1', international_non_uk: '0.1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const set = created.json().factorSet;
    expect(set).toMatchObject({ year: 2025, version: 1, factors: { longHaulFromKm: 3700 } });
    const second = await bookAndConfirm(1);
    expect(second.segments[0]).toMatchObject({
      emissionFactorSetId: set.id,
      co2Kg: '228.40',
      co2Factor: '0.10000',
    });
    const again = (await (await t.as(mission.users.movements)).get(`/api/v1/bookings/${first.id}`)).json()
      .booking;
    expect(again.segments[0]).toMatchObject({ co2Kg: '249.32', co2Factor: '0.10916' });
    expect(again.segments[0].emissionFactorSetId).not.toBe(set.id);
    const list = (await admin.get('/api/v1/emission-factor-sets')).json().items;
    expect(list.map((s: { id: string }) => s.id)[0]).toBe(set.id);
    expect(list).toHaveLength(2);
  });

  it('refuses a set from anyone but an administrator', async () => {
    const manager = await t.as(mission.users.manager);
    const response = await manager.post('/api/v1/emission-factor-sets', {
      name: 'x set',
      year: 2025,
      factors: { domestic: '0.2', short_haul: '0.1', long_haul: '0.1', international_non_uk: '0.1' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lets an administrator retire a set: new bookings go back to the newest set in use; the last one stays', async () => {
    await bookAndConfirm(1); // writes the built-in set
    const admin = await t.as(mission.users.admin);
    const created = await admin.post('/api/v1/emission-factor-sets', {
      name: 'Retired soon',
      year: 2026,
      factors: { domestic: '0.3', short_haul: '0.3', long_haul: '0.3', international_non_uk: '0.3' },
    });
    const set = created.json().factorSet;
    expect((await bookAndConfirm(1)).segments[0].emissionFactorSetId).toBe(set.id);
    const manager = await t.as(mission.users.manager);
    expect((await manager.post(`/api/v1/emission-factor-sets/${set.id}/retire`)).statusCode).toBe(403);
    const retired = await admin.post(`/api/v1/emission-factor-sets/${set.id}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().factorSet.retiredAt).not.toBeNull();
    expect((await bookAndConfirm(1)).segments[0].emissionFactorSetId).not.toBe(set.id);

    const inUse = (await admin.get('/api/v1/emission-factor-sets'))
      .json()
      .items.filter((s: { retiredAt: string | null }) => s.retiredAt === null);
    for (const other of inUse.slice(1)) await admin.post(`/api/v1/emission-factor-sets/${other.id}/retire`);
    const last = await admin.post(`/api/v1/emission-factor-sets/${inUse[0].id}/retire`);
    expect(last.statusCode).toBe(409);
  });
});
