import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';
import { DeliveryError, type OutboxChannels } from '../../platform/outbox/outbox-types.js';
import { OutboxWorker } from '../../platform/outbox/outbox-worker.js';
import { outboxAttempts, outboxMessages } from '../../platform/outbox/schema.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { caseEvents } from '../cases/schema.js';
import { loadActor } from '../organisation/load-actor.js';
import { createDevSinkChannel } from './dev-sink-channel.js';
import { queueCaseSms } from './queue-case-sms.js';
import { devSinkMessages } from './schema.js';

let t: TestApp;
let mission: TestMission;
let admin: Actor;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
  admin = (await loadActor(t.database.db, mission.users.admin.id))!;
});

const flight = {
  name: 'Amina Test',
  date: '2027-03-12',
  flightNumber: 'TK1954',
  departureAirport: 'AMS',
  departureTime: '10:40',
  meetingPoint: 'IOM desk, hall 2',
  meetingTime: '07:40',
};

function sinkChannels(): OutboxChannels {
  const sms = createDevSinkChannel(t.database.db, 'sms');
  return { sms, email: createDevSinkChannel(t.database.db, 'email'), webhook: sms };
}

async function enqueueSms(keys: string[]) {
  return withSystemTransaction(t.database.db, admin, async (ctx) => {
    const ids: string[] = [];
    for (const key of keys) {
      ids.push(
        (
          await enqueueMessage(ctx, {
            channel: 'sms',
            kind: 'flight_details',
            idempotencyKey: key,
            payload: { to: '+31612345678', text: `Message ${key}` },
          })
        ).id,
      );
    }
    return ids;
  });
}

const sinkOf = (missionId: string) =>
  t.database.db
    .select()
    .from(devSinkMessages)
    .where(eq(devSinkMessages.missionId, missionId))
    .orderBy(asc(devSinkMessages.idempotencyKey));
const messagesOf = (missionId: string) =>
  t.database.db.select().from(outboxMessages).where(eq(outboxMessages.missionId, missionId));
const attemptsOf = (missionId: string) =>
  t.database.db.select().from(outboxAttempts).where(eq(outboxAttempts.missionId, missionId));

describe('at-least-once delivery, recorded once', () => {
  it('loses nothing when the worker stops between sending and recording, and the sink keeps each key once', async () => {
    const keys = ['sms:a', 'sms:b', 'sms:c'];
    await enqueueSms(keys);
    const start = new Date(Date.now() + 1000);
    const crashing = new OutboxWorker({
      missionIds: [mission.missionId],
      db: t.database.db,
      channels: sinkChannels(),
      now: () => start,
      leaseMs: 60_000,
      afterDeliver: () => {
        throw new Error('simulated crash: the process died after sending');
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow('simulated crash');

    // Sent, but the outcome never recorded: still "sending", no attempts on file.
    expect((await sinkOf(mission.missionId)).map((m) => m.idempotencyKey)).toEqual(keys);
    expect((await messagesOf(mission.missionId)).map((m) => m.status)).toEqual([
      'sending',
      'sending',
      'sending',
    ]);
    expect(await attemptsOf(mission.missionId)).toEqual([]);

    // While the claim holds, no other worker takes the messages.
    const early = new OutboxWorker({
      missionIds: [mission.missionId],
      db: t.database.db,
      channels: sinkChannels(),
      now: () => new Date(start.getTime() + 30_000),
    });
    expect((await early.runOnce()).claimed).toBe(0);

    // Once the claim has lapsed, the next worker redelivers; the sink records duplicates, not copies.
    const restarted = new OutboxWorker({
      missionIds: [mission.missionId],
      db: t.database.db,
      channels: sinkChannels(),
      now: () => new Date(start.getTime() + 61_000),
    });
    const round = await restarted.runOnce();
    expect(round).toMatchObject({ claimed: 3, duplicate: 3, failed: 0 });

    const sink = await sinkOf(mission.missionId);
    expect(sink.map((m) => [m.idempotencyKey, m.duplicateCount])).toEqual([
      ['sms:a', 1],
      ['sms:b', 1],
      ['sms:c', 1],
    ]);
    const messages = await messagesOf(mission.missionId);
    expect(messages.map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
      ['sent', 2],
    ]);
    expect((await attemptsOf(mission.missionId)).map((a) => [a.attempt, a.outcome])).toEqual([
      [2, 'duplicate'],
      [2, 'duplicate'],
      [2, 'duplicate'],
    ]);
  });

  it('redelivers after a channel that fails once it has sent, without a second copy', async () => {
    const [id] = await enqueueSms(['sms:after-send']);
    const sink = createDevSinkChannel(t.database.db, 'sms');
    let sends = 0;
    const throwsAfterSend: OutboxChannels = {
      ...sinkChannels(),
      sms: {
        async deliver(message, signal) {
          const receipt = await sink.deliver(message, signal);
          if (++sends === 1) throw new DeliveryError('connection reset before the answer arrived');
          return receipt;
        },
      },
    };
    let now = new Date(Date.now() + 1000);
    const worker = new OutboxWorker({
      missionIds: [mission.missionId],
      db: t.database.db,
      channels: throwsAfterSend,
      now: () => now,
      random: () => 0,
    });
    await worker.runOnce();
    now = new Date(now.getTime() + 60_000);
    await worker.runOnce();
    const [stored] = await sinkOf(mission.missionId);
    expect(stored).toMatchObject({ idempotencyKey: 'sms:after-send', duplicateCount: 1 });
    const attempts = await t.database.db
      .select()
      .from(outboxAttempts)
      .where(and(eq(outboxAttempts.missionId, mission.missionId), eq(outboxAttempts.messageId, id!)))
      .orderBy(asc(outboxAttempts.attempt));
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'duplicate']);
  });
});

describe('queueCaseSms', () => {
  it('refuses an invalid number: nothing is queued and the case shows a warning', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const result = await withSystemTransaction(t.database.db, admin, (ctx) =>
      queueCaseSms(ctx, {
        caseId: kase.id,
        phone: '+31 6 123',
        language: 'nl',
        kind: 'flight_details',
        variables: flight,
        idempotencyKey: 'x',
      }),
    );
    expect(result).toEqual({ queued: false, reason: 'invalid_phone' });
    expect(await messagesOf(mission.missionId)).toEqual([]);
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    expect(events.map((e) => [e.kind, e.data.code])).toEqual([['message_not_sent', 'invalid_phone']]);
  });

  it('sends in English when the language has no wording, and says so on the case', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const result = await withSystemTransaction(t.database.db, admin, (ctx) =>
      queueCaseSms(ctx, {
        caseId: kase.id,
        phone: '+31612345678',
        language: 'hy',
        kind: 'booking_cancelled',
        variables: flight,
        idempotencyKey: 'y',
      }),
    );
    expect(result).toMatchObject({ queued: true, language: 'en', fallback: true });
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    expect(events.map((e) => [e.kind, e.data.requestedLanguage])).toEqual([
      ['message_language_fallback', 'hy'],
    ]);
  });

  it('uses the mission’s own wording once an administrator has written it', async () => {
    const api = await t.as(mission.users.admin);
    const body = 'IOM: {{name}}, vlucht {{flightNumber}} op {{date}} vervalt.';
    const saved = await api.put('/api/v1/sms-templates/booking_cancelled/nl', { body });
    expect(saved.statusCode).toBe(200);
    const kase = await buildCase(t.database.db, { mission });
    await withSystemTransaction(t.database.db, admin, (ctx) =>
      queueCaseSms(ctx, {
        caseId: kase.id,
        phone: '+31612345678',
        language: 'nl',
        kind: 'booking_cancelled',
        variables: flight,
        idempotencyKey: 'z',
      }),
    );
    const [message] = await messagesOf(mission.missionId);
    expect(message!.payload.text).toBe('IOM: Amina Test, vlucht TK1954 op 2027-03-12 vervalt.');
    const bad = await api.put('/api/v1/sms-templates/booking_cancelled/nl', {
      body: 'No {{flightNumber}} {{seat}}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining(['must use {{name}}', '{{seat}} is not a variable of booking_cancelled']),
    );
  });
});

describe('GET /api/v1/cases/:id/messages', () => {
  it('shows each message of the case with its status and attempts, to those who may read the case', async () => {
    const kase = await buildCase(t.database.db, { mission });
    await withSystemTransaction(t.database.db, admin, (ctx) =>
      queueCaseSms(ctx, {
        caseId: kase.id,
        phone: '+31612345678',
        language: 'ar',
        kind: 'flight_details',
        variables: flight,
        idempotencyKey: `flight:${kase.id}`,
      }),
    );
    await new OutboxWorker({
      db: t.database.db,
      channels: sinkChannels(),
      missionIds: [mission.missionId],
    }).runOnce();
    const counsellor = await t.as(mission.users.counsellor);
    const response = await counsellor.get(`/api/v1/cases/${kase.id}/messages`);
    expect(response.statusCode).toBe(200);
    const [message] = response.json().items;
    expect(message).toMatchObject({
      channel: 'sms',
      kind: 'flight_details',
      status: 'sent',
      recipient: '+31612345678',
      language: 'ar',
      attempts: 1,
    });
    expect(message.preview).toContain('TK1954');
    expect(message.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'sent', responseCode: 201 }),
    ]);

    const stranger = await t.as(mission.users.otherCounsellor);
    expect((await stranger.get(`/api/v1/cases/${kase.id}/messages`)).statusCode).toBe(404);
  });

  it('lets only administrators see the development sink', async () => {
    await enqueueSms(['sink-visible']);
    await new OutboxWorker({
      db: t.database.db,
      channels: sinkChannels(),
      missionIds: [mission.missionId],
    }).runOnce();
    const admin = await t.as(mission.users.admin);
    const listed = await admin.get('/api/v1/dev-sink/messages?channel=sms');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((m: { idempotencyKey: string }) => m.idempotencyKey)).toEqual([
      'sink-visible',
    ]);
    expect((await (await t.as(mission.users.manager)).get('/api/v1/dev-sink/messages')).statusCode).toBe(403);
  });
});
