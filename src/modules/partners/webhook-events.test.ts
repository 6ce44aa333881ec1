// Every event offered to partners is published by the API action that causes it: one scenario per
// subscribable event, driven through the HTTP API, must leave a webhook message of that event in
// the outbox. A new event in `webhookEvents` without a scenario here fails the first test.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase, subscribePartner } from '../movements/movements-test-support.js';
import { createTestPartner, issueKey, referralBody } from './partners-test-support.js';
import { type WebhookEvent, webhookEvents } from './webhook-events.js';

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
  await subscribePartner(t.database.db, mission, [...webhookEvents]);
});

async function ok(response: { statusCode: number; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return JSON.parse(response.body);
}

/** A confirmed booking of a case ready to travel, made by the movements officer. */
async function confirmedBooking() {
  const { kase } = await buildTravellingCase(t.database.db, mission);
  const api = await t.as(mission.users.movements);
  const held = await ok(await api.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() }), 201);
  const confirmed = await ok(await api.post(`/api/v1/bookings/${held.booking.id}/confirm`));
  return { api, kase, booking: confirmed.booking };
}

/** The API action that publishes each subscribable event, as an integrator would cause it. */
const scenarios: Record<WebhookEvent, { action: string; run: () => Promise<void> }> = {
  'referral.accepted': {
    action: 'POST /referrals (partner API key)',
    run: async () => {
      const { admin, partner } = await createTestPartner(t, mission);
      const key = await issueKey(t, admin, partner.id, ['referrals:write']);
      await ok(await key.post('/api/v1/referrals', referralBody('REF-1')), 201);
    },
  },
  'case.status_changed': {
    action: 'POST /cases/{id}/transitions',
    run: async () => {
      const { kase } = await buildTravellingCase(t.database.db, mission, [{}], { status: 'registered' });
      const api = await t.as(mission.users.counsellor);
      await ok(await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'start_counselling' }));
    },
  },
  'case.withdrawn': {
    action: 'POST /cases/{id}/transitions (withdraw)',
    run: async () => {
      const { kase } = await buildTravellingCase(t.database.db, mission, [{}], { status: 'counselling' });
      const api = await t.as(mission.users.counsellor);
      await ok(
        await api.post(`/api/v1/cases/${kase.id}/transitions`, {
          transition: 'withdraw',
          reason: 'Decided to stay',
        }),
      );
    },
  },
  'case.departed': {
    action: 'POST /board/passengers/{id}/status (departed)',
    run: async () => {
      const { api, booking } = await confirmedBooking();
      await ok(
        await api.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, { status: 'departed' }),
      );
    },
  },
  'booking.confirmed': {
    action: 'POST /bookings/{id}/confirm',
    run: async () => {
      await confirmedBooking();
    },
  },
  'booking.changed': {
    action: 'POST /bookings/{id}/rebook',
    run: async () => {
      const { api, booking } = await confirmedBooking();
      await ok(await api.post(`/api/v1/bookings/${booking.id}/rebook`, amsIstEbl({ pnr: 'XYZ789' })), 201);
    },
  },
  'booking.cancelled': {
    action: 'POST /bookings/{id}/cancel',
    run: async () => {
      const { api, booking } = await confirmedBooking();
      await ok(await api.post(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Flight cancelled' }));
    },
  },
};

describe('webhook events offered to partners', () => {
  it('each has an API action that publishes it', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...webhookEvents].sort());
  });

  it.each(Object.entries(scenarios).map(([event, s]) => [event, s.action, s] as const))(
    '%s is published by %s',
    async (event, _action, scenario) => {
      await scenario.run();
      const published = await t.database.db
        .select({ kind: outboxMessages.kind })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.missionId, mission.missionId),
            eq(outboxMessages.channel, 'webhook'),
            eq(outboxMessages.kind, event),
          ),
        );
      expect(published.length, `${event} after ${scenario.action}`).toBeGreaterThan(0);
    },
  );
});
