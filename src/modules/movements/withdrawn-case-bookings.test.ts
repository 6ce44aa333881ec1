// A withdrawn case's bookings are cancelled with it, so the board and the figures never show a
// seat for a case that no longer travels.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
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

async function ok(response: { statusCode: number; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return JSON.parse(response.body);
}

/** A family of two at travel booked on a confirmed booking, booked by the movements officer. */
async function bookedFamily() {
  const { kase } = await buildTravellingCase(t.database.db, mission, [{}, { givenName: 'Second' }]);
  const movements = await t.as(mission.users.movements);
  const held = await ok(await movements.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() }), 201);
  const { booking } = await ok(await movements.post(`/api/v1/bookings/${held.booking.id}/confirm`));
  const counsellor = await t.as(mission.users.counsellor);
  expect((await ok(await counsellor.get(`/api/v1/cases/${kase.id}`))).case.status).toBe('travel_booked');
  return { kase, booking, movements, counsellor };
}

const withdraw = { transition: 'withdraw', reason: 'Decided to stay after all' };

describe('withdrawing a case with a booking', () => {
  it('cancels its confirmed booking with the reason, and the travellers are told', async () => {
    const { kase, booking, movements, counsellor } = await bookedFamily();
    const withdrawn = await ok(await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, withdraw));
    expect(withdrawn.case.status).toBe('withdrawn');
    const after = (await ok(await movements.get(`/api/v1/bookings/${booking.id}`))).booking;
    expect(after.status).toBe('cancelled');
    expect(after.cancelReason).toBe('Case withdrawn: Decided to stay after all');
    expect(after.passengers.map((p: { status: string }) => p.status)).toEqual(['cancelled', 'cancelled']);
    const cancelled = await t.database.db
      .select({ channel: outboxMessages.channel })
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.kind, 'booking_cancelled')),
      );
    expect(cancelled).toEqual([{ channel: 'sms' }, { channel: 'sms' }]);
    // Nobody can be marked departed on it any more.
    const departed = await movements.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
      status: 'departed',
    });
    expect(departed.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('is refused, changing nothing, once someone of the case has flown', async () => {
    const { kase, booking, movements, counsellor } = await bookedFamily();
    await ok(
      await movements.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
        status: 'departed',
      }),
    );
    const refused = await counsellor.post(`/api/v1/cases/${kase.id}/transitions`, withdraw);
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(409);
    expect(refused.statusCode).toBeLessThan(500);
    expect((await ok(await movements.get(`/api/v1/bookings/${booking.id}`))).booking.status).toBe(
      'confirmed',
    );
    expect((await ok(await counsellor.get(`/api/v1/cases/${kase.id}`))).case.status).not.toBe('withdrawn');
  });
});
