import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { newId } from '../../platform/ids.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { cases, caseTasks } from '../cases/schema.js';
import { amsIstEbl, buildTravellingCase, subscribePartner } from './movements-test-support.js';

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

async function outbox(caseId: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.caseId, caseId)));
}

async function caseStatus(caseId: string) {
  const [row] = await t.database.db
    .select({ status: cases.status })
    .from(cases)
    .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, caseId)));
  return row!.status;
}

async function hold(caseId: string, overrides: Record<string, unknown> = {}) {
  const api = await t.as(mission.users.movements);
  const response = await api.post('/api/v1/bookings', { caseId, ...amsIstEbl(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return { api, booking: response.json().booking };
}

describe('holding a booking', () => {
  it('keeps local times with their airport zone, returns UTC too, and computes CO2 per flight', async () => {
    const { kase, personIds } = await buildTravellingCase(t.database.db, mission, [
      {},
      { dateOfBirth: '2016-03-01' },
    ]);
    const { booking } = await hold(kase.id, {
      escorts: [{ kind: 'medical', name: 'Dr. Jansen', organisation: 'Medical escort service' }],
      passengers: [
        { personId: personIds[0] },
        { personId: personIds[1], specialNeeds: ['airline_minor_service'] },
      ],
      fitnessCheck: { kind: 'fit_to_travel', result: 'fit', checkedOn: '2025-06-20' },
    });
    expect(booking).toMatchObject({
      status: 'booked',
      version: 1,
      kind: 'departure',
      programme: 'avrr',
      pnr: 'ABC123',
    });
    expect(booking.segments[0]).toMatchObject({
      flight: 'TK1952',
      departureAirport: { iata: 'AMS', timeZone: 'Europe/Amsterdam' },
      departure: { local: '2025-07-01T11:35', timeZone: 'Europe/Amsterdam', utc: '2025-07-01T09:35:00.000Z' },
      arrival: { local: '2025-07-01T16:00', timeZone: 'Europe/Istanbul', utc: '2025-07-01T13:00:00.000Z' },
      distanceKm: 2284,
      co2Band: 'international_non_uk',
      co2Kg: '249.32',
    });
    expect(booking.segments[1].arrival).toEqual({
      local: '2025-07-01T21:55',
      timeZone: 'Asia/Baghdad',
      utc: '2025-07-01T18:55:00.000Z',
    });
    expect(booking.connections).toEqual([
      { airport: 'IST', fromPosition: 0, toPosition: 1, minutes: 190, warning: null },
    ]);
    expect(booking.passengers.map((p: { status: string }) => p.status)).toEqual(['booked', 'booked']);
    expect(booking.passengers[1].specialNeeds).toEqual(['airline_minor_service']);
    expect(booking.escorts).toMatchObject([{ kind: 'medical', name: 'Dr. Jansen' }]);
    expect(booking.fitnessCheck).toEqual({ kind: 'fit_to_travel', result: 'fit', checkedOn: '2025-06-20' });
  });

  it('names unknown airports, impossible local times and strangers to the case by field', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission);
    const api = await t.as(mission.users.movements);
    const response = await api.post('/api/v1/bookings', {
      caseId: kase.id,
      ...amsIstEbl({
        passengers: [{ personId: newId() }],
        segments: [
          {
            airline: 'KL',
            flightNumber: '1',
            departureAirport: 'XQX',
            departureLocal: '2025-07-01T10:00',
            arrivalAirport: 'IST',
            arrivalLocal: '2025-07-01T14:00',
          },
          {
            airline: 'KL',
            flightNumber: '2',
            departureAirport: 'AMS',
            departureLocal: '2025-03-30T02:30',
            arrivalAirport: 'IST',
            arrivalLocal: '2025-03-30T09:00',
          },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['body.passengers.0.personId']);
    const second = await api.post('/api/v1/bookings', {
      caseId: kase.id,
      ...amsIstEbl({
        segments: [
          {
            airline: 'KL',
            flightNumber: '1',
            departureAirport: 'XQX',
            departureLocal: '2025-07-01T10:00',
            arrivalAirport: 'IST',
            arrivalLocal: '2025-07-01T14:00',
          },
          {
            airline: 'KL',
            flightNumber: '2',
            departureAirport: 'AMS',
            departureLocal: '2025-03-30T02:30',
            arrivalAirport: 'IST',
            arrivalLocal: '2025-03-30T09:00',
          },
        ],
      }),
    });
    expect(second.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.segments.0.departureAirport',
      'body.segments.1.departureLocal',
    ]);
  });

  it('is refused to a counsellor (booking is the airport team’s work)', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission);
    const api = await t.as(mission.users.counsellor);
    const response = await api.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    expect(response.statusCode).toBe(403);
  });
});

describe('confirming a booking', () => {
  it('is refused with 422 and the workflow’s reasons while a blocking task is open', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission);
    await t.database.db.insert(caseTasks).values({
      missionId: mission.missionId,
      id: newId(),
      caseId: kase.id,
      title: 'Medical clearance',
      blocksTravel: true,
      createdAt: new Date(),
    });
    const { api, booking } = await hold(kase.id);
    const response = await api.post(`/api/v1/bookings/${booking.id}/confirm`);
    expect(response.statusCode).toBe(422);
    expect(response.json().reasons.map((r: { code: string }) => r.code)).toEqual(['blocking_tasks_open']);
    expect(await caseStatus(kase.id)).toBe('travel_documents');
    expect(await outbox(kase.id)).toEqual([]);
    const after = (await api.get(`/api/v1/bookings/${booking.id}`)).json().booking;
    expect(after.status).toBe('booked');
  });

  it('is refused with 422 for a case not yet at travel documents', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{}], { status: 'eligible' });
    const { api, booking } = await hold(kase.id);
    const response = await api.post(`/api/v1/bookings/${booking.id}/confirm`);
    expect(response.statusCode).toBe(422);
    expect(response.json().reasons.map((r: { code: string }) => r.code)).toEqual(['not_from_status']);
  });

  it('moves the case to travel booked, texts every adult in their language, and publishes booking.confirmed', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [
      { preferredLanguage: 'nl', phone: '+31612345678' },
      { preferredLanguage: 'ar', phone: '+31687654321' },
      { preferredLanguage: 'ar', phone: '+31611111111', dateOfBirth: '2015-01-01' },
      { preferredLanguage: null, phone: '+31622222222' },
    ]);
    const { subscriptionId } = await subscribePartner(t.database.db, mission, ['booking.confirmed']);
    const { api, booking } = await hold(kase.id);
    const response = await api.post(`/api/v1/bookings/${booking.id}/confirm`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().booking.status).toBe('confirmed');
    expect(
      response.json().booking.passengers.every((p: { status: string }) => p.status === 'confirmed'),
    ).toBe(true);
    expect(await caseStatus(kase.id)).toBe('travel_booked');

    const messages = await outbox(kase.id);
    const sms = messages.filter((m) => m.channel === 'sms');
    expect(sms).toHaveLength(3);
    const byPhone = Object.fromEntries(sms.map((m) => [m.payload.to, m.payload]));
    expect(byPhone['+31612345678']).toMatchObject({ language: 'nl' });
    expect(String(byPhone['+31612345678']!.text)).toContain('TK1952');
    expect(String(byPhone['+31612345678']!.text)).toContain('11:35');
    expect(String(byPhone['+31612345678']!.text)).toContain('vertrekt');
    expect(byPhone['+31687654321']).toMatchObject({ language: 'ar' });
    expect(byPhone['+31622222222']).toMatchObject({ language: 'en' });
    expect(byPhone['+31611111111']).toBeUndefined();
    const hooks = messages.filter((m) => m.channel === 'webhook');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.payload).toMatchObject({ subscriptionId, event: 'booking.confirmed' });

    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    const kinds = timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['booking_confirmed', 'status_changed', 'message_language_fallback']),
    );
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.recordId, booking.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['booking.confirm', 'booking.create']);
  });

  it('records on the case that an adult without a valid phone number got no SMS', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{ phone: '12345' }]);
    const { api, booking } = await hold(kase.id);
    expect((await api.post(`/api/v1/bookings/${booking.id}/confirm`)).statusCode).toBe(200);
    expect((await outbox(kase.id)).filter((m) => m.channel === 'sms')).toEqual([]);
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('message_not_sent');
  });
});

describe('changing and cancelling a booking', () => {
  it('rebooks as a new version, keeps the old one superseded, and texts the change', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{ preferredLanguage: 'nl' }]);
    const { subscriptionId } = await subscribePartner(t.database.db, mission, ['booking.changed']);
    const { api, booking } = await hold(kase.id);
    await api.post(`/api/v1/bookings/${booking.id}/confirm`);
    const response = await api.post(
      `/api/v1/bookings/${booking.id}/rebook`,
      amsIstEbl({
        pnr: 'XYZ789',
        segments: [
          {
            airline: 'KL',
            flightNumber: '1234',
            departureAirport: 'AMS',
            departureLocal: '2025-07-03T09:00',
            arrivalAirport: 'EBL',
            arrivalLocal: '2025-07-03T15:30',
          },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const next = response.json().booking;
    expect(next).toMatchObject({
      version: 2,
      lineageId: booking.id,
      supersedesId: booking.id,
      status: 'confirmed',
      pnr: 'XYZ789',
    });
    expect(next.passengers).toHaveLength(1);
    const versions = (await api.get(`/api/v1/cases/${kase.id}/bookings`)).json().items;
    expect(versions.map((b: { version: number; status: string }) => [b.version, b.status])).toEqual([
      [2, 'confirmed'],
      [1, 'superseded'],
    ]);
    expect(versions[1].segments[0].flight).toBe('TK1952');
    const sms = (await outbox(kase.id)).filter((m) => m.channel === 'sms' && m.kind === 'booking_changed');
    expect(sms).toHaveLength(1);
    expect(String(sms[0]!.payload.text)).toContain('KL1234');
    expect(String(sms[0]!.payload.text)).toContain('gewijzigd');
    const hooks = (await outbox(kase.id)).filter((m) => m.channel === 'webhook');
    expect(hooks.map((h) => h.payload.subscriptionId)).toEqual([subscriptionId]);
    expect(await caseStatus(kase.id)).toBe('travel_booked');
    const again = await api.post(`/api/v1/bookings/${booking.id}/rebook`, amsIstEbl());
    expect(again.statusCode).toBe(409);
  });

  it('cancels a confirmed booking, telling the travellers and the partners', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{ preferredLanguage: 'nl' }]);
    await subscribePartner(t.database.db, mission, ['booking.cancelled']);
    const { api, booking } = await hold(kase.id);
    await api.post(`/api/v1/bookings/${booking.id}/confirm`);
    const response = await api.post(`/api/v1/bookings/${booking.id}/cancel`, {
      reason: 'Flight cancelled by airline',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().booking).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Flight cancelled by airline',
    });
    expect(response.json().booking.passengers[0].status).toBe('cancelled');
    const messages = await outbox(kase.id);
    const cancelSms = messages.filter((m) => m.kind === 'booking_cancelled');
    expect(cancelSms).toHaveLength(1);
    expect(String(cancelSms[0]!.payload.text)).toContain('geannuleerd');
    expect(messages.filter((m) => m.kind === 'booking.cancelled')).toHaveLength(1);
    expect((await api.post(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'again' })).statusCode).toBe(
      409,
    );
  });
});
