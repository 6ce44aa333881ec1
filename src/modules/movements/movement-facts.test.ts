// Statuses follow movement facts: travel booked needs confirmed seats, departed and no-show come
// from the airport board, arrived from the arrival handover, and a booking someone travelled on stays.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { cases } from '../cases/schema.js';
import { amsIstEbl, buildTravellingCase } from './movements-test-support.js';

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

async function caseStatus(caseId: string) {
  const [row] = await t.database.db
    .select({ status: cases.status })
    .from(cases)
    .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, caseId)));
  return row!.status;
}

/** A family case (two travellers) with a confirmed booking for both, through the booking API. */
async function confirmedFamily() {
  const { kase, personIds } = await buildTravellingCase(t.database.db, mission, [
    { givenName: 'Amina' },
    { givenName: 'Omar' },
  ]);
  const api = await t.as(mission.users.movements);
  const held = await api.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
  expect(held.statusCode, held.body).toBe(201);
  const confirmed = await api.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const booking = confirmed.json().booking;
  return {
    api,
    kase,
    personIds,
    booking,
    passengers: booking.passengers as { id: string; personId: string }[],
  };
}

describe('a caseworker cannot state a movement the bookings do not show', () => {
  it('refuses travel booked without a confirmed booking (422 booking_not_confirmed)', async () => {
    const { kase } = await buildTravellingCase(t.database.db, mission);
    const counsellor = await t.as(mission.users.counsellor);
    const response = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'book_travel',
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().reasons.map((r: { code: string }) => r.code)).toEqual(['booking_not_confirmed']);
    expect(await caseStatus(kase.id)).toBe('travel_documents');
  });

  it.each([
    ['mark_departed', 'travel_booked', 'recorded_on_airport_board'],
    ['no_show_rebook', 'travel_booked', 'recorded_on_airport_board'],
    ['no_show_documents', 'travel_booked', 'recorded_on_airport_board'],
    ['confirm_arrival', 'departed', 'recorded_at_arrival_handover'],
    ['cancel_travel', 'travel_booked', 'recorded_on_booking'],
  ])('refuses %s on the case route with 409 %s → %s', async (transition, status, code) => {
    const { kase } = await buildTravellingCase(t.database.db, mission, [{}], { status });
    const counsellor = await t.as(mission.users.counsellor);
    const response = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition,
      reason: 'Seen at the airport',
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code, reasons: [{ code }] });
    expect(await caseStatus(kase.id)).toBe(status);
    const options = (await counsellor.get(`/api/v1/cases/${kase.id}/transitions`)).json().items;
    const option = options.find((o: { transition: string }) => o.transition === transition);
    expect(option.allowed).toBe(false);
    expect(option.reasons.map((r: { code: string }) => r.code)).toContain(code);
  });

  it('does not confirm a booking that leaves a member of the case behind', async () => {
    const { kase, personIds } = await buildTravellingCase(t.database.db, mission, [
      { givenName: 'Amina' },
      { givenName: 'Omar' },
    ]);
    const api = await t.as(mission.users.movements);
    const held = await api.post('/api/v1/bookings', {
      caseId: kase.id,
      ...amsIstEbl({ passengers: [{ personId: personIds[0] }] }),
    });
    const response = await api.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().reasons.map((r: { code: string }) => r.code)).toEqual(['booking_not_confirmed']);
    expect(response.json().detail).toContain('Omar');
    expect(await caseStatus(kase.id)).toBe('travel_documents');
  });
});

describe('a booking someone travelled on', () => {
  it('cannot be cancelled: 409 naming the passenger, and no "booking cancelled" SMS', async () => {
    const { api, booking, passengers } = await confirmedFamily();
    const departed = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/status`, {
      status: 'departed',
    });
    expect(departed.statusCode, departed.body).toBe(200);
    const response = await api.post(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Changed plans' });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'passenger_travelled',
      passengers: [{ passengerId: passengers[0]!.id, status: 'departed' }],
    });
    expect(response.json().detail).toContain('Amina');
    const cancelled = await t.database.db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.kind, 'booking.cancelled')),
      );
    expect(cancelled).toHaveLength(0);
    const sms = await t.database.db
      .select({ payload: outboxMessages.payload })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.channel, 'sms')));
    expect(sms.map((m) => JSON.stringify(m.payload))).not.toContainEqual(expect.stringMatching(/cancel/i));
  });

  it('cannot be rebooked: 409 naming the passenger', async () => {
    const { api, booking, passengers } = await confirmedFamily();
    await api.post(`/api/v1/board/passengers/${passengers[1]!.id}/status`, { status: 'departed' });
    const response = await api.post(`/api/v1/bookings/${booking.id}/rebook`, amsIstEbl({ pnr: 'NEW123' }));
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ code: 'passenger_travelled' });
    expect(response.json().detail).toContain('Omar');
  });
});

describe('the case follows its bookings', () => {
  it('goes back to travel documents when its confirmed booking is cancelled', async () => {
    const { api, kase, booking } = await confirmedFamily();
    expect(await caseStatus(kase.id)).toBe('travel_booked');
    const response = await api.post(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Flight cancelled' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await caseStatus(kase.id)).toBe('travel_documents');
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    const step = timeline.find((e: { kind: string }) => e.kind === 'status_changed');
    expect(step.data).toMatchObject({
      transition: 'cancel_travel',
      from: 'travel_booked',
      to: 'travel_documents',
    });
  });

  it('arrives when everyone who departed is handed over, and not before they departed', async () => {
    const { api, kase, passengers } = await confirmedFamily();
    const handover = { receivingPartyKind: 'family_member', receivingPartyName: 'Uncle', receivedBy: 'Ali' };
    const early = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/handover`, handover);
    expect(early.statusCode, early.body).toBe(409);
    for (const passenger of passengers) {
      await api.post(`/api/v1/board/passengers/${passenger.id}/status`, { status: 'departed' });
    }
    expect(await caseStatus(kase.id)).toBe('departed');
    const first = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/handover`, handover);
    expect(first.statusCode, first.body).toBe(201);
    expect(await caseStatus(kase.id)).toBe('departed');
    const second = await api.post(`/api/v1/board/passengers/${passengers[1]!.id}/handover`, handover);
    expect(second.statusCode, second.body).toBe(201);
    expect(await caseStatus(kase.id)).toBe('arrived');
  });

  it('resumes a held case to travel booked only while its booking stands', async () => {
    const { api, kase, booking } = await confirmedFamily();
    const counsellor = await t.as(mission.users.counsellor);
    const hold = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'put_on_hold',
      reason: 'Medical check',
    });
    expect(hold.statusCode, hold.body).toBe(200);
    await api.post(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Flight cancelled' });
    const resume = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'resume' });
    expect(resume.statusCode, resume.body).toBe(422);
    expect(resume.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'booking_no_longer_confirmed',
    ]);
  });
});

describe('a departure recorded on the board, whatever came before it', () => {
  it('keeps a family case travel booked while one member did not show and the other may still fly', async () => {
    const { api, kase, passengers } = await confirmedFamily();
    const noShow = await api.post(`/api/v1/board/passengers/${passengers[1]!.id}/status`, {
      status: 'no_show',
      afterNoShow: 'travel_documents',
    });
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect(noShow.json()).toEqual({ status: 'no_show', caseStatus: 'travel_booked' });
    const departed = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/status`, {
      status: 'departed',
    });
    expect(departed.statusCode, departed.body).toBe(200);
    expect(await caseStatus(kase.id)).toBe('departed');
  });

  it('sends a family case back once the last member still to fly does not show either', async () => {
    const { api, kase, passengers } = await confirmedFamily();
    for (const passenger of passengers) {
      const response = await api.post(`/api/v1/board/passengers/${passenger.id}/status`, {
        status: 'no_show',
        afterNoShow: 'travel_documents',
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(await caseStatus(kase.id)).toBe('travel_documents');
  });

  it('is refused (409) for a case on hold until it is resumed', async () => {
    const { api, kase, booking, passengers } = await confirmedFamily();
    const counsellor = await t.as(mission.users.counsellor);
    const hold = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'put_on_hold',
      reason: 'Medical check',
    });
    expect(hold.statusCode, hold.body).toBe(200);
    const refused = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/status`, {
      status: 'departed',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'case_not_travel_booked', caseStatus: 'on_hold' });
    const held = (await api.get(`/api/v1/bookings/${booking.id}`)).json();
    expect(held.booking.passengers.map((p: { status: string }) => p.status)).toEqual([
      'confirmed',
      'confirmed',
    ]);
    const resume = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'resume' });
    expect(resume.statusCode, resume.body).toBe(200);
    const departed = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/status`, {
      status: 'departed',
    });
    expect(departed.statusCode, departed.body).toBe(200);
    expect(await caseStatus(kase.id)).toBe('departed');
  });

  it('is refused (409) for a withdrawn case, whose booking was cancelled with it', async () => {
    const { api, kase, passengers } = await confirmedFamily();
    const manager = await t.as(mission.users.manager);
    const withdraw = await manager.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'withdraw',
      reason: 'Changed mind',
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    const refused = await api.post(`/api/v1/board/passengers/${passengers[0]!.id}/status`, {
      status: 'departed',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toMatch(/booking is cancelled/);
    expect(await caseStatus(kase.id)).toBe('withdrawn');
  });
});
