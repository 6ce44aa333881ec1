import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test-support/test-database.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { withSystemTransaction } from '../db/transaction.js';
import { newId } from '../ids.js';
import { enqueueMessage } from './enqueue-message.js';
import { DeliveryError, type OutboxChannelAdapter, type OutboxChannels } from './outbox-types.js';
import { OutboxWorker } from './outbox-worker.js';
import { replayOutboxMessage } from './replay-outbox-message.js';
import { outboxAttempts, outboxMessages } from './schema.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// The outbox has no foreign key to missions (it is cross-cutting), so a made-up tenant will do.
function tenant(): Actor {
  return {
    id: newId(),
    missionId: newId(),
    email: '',
    displayName: 'test',
    locale: 'en',
    roles: [],
    mission: {
      country: 'NL',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      languages: ['en'],
      locale: 'en',
    },
  };
}

/** A channel that fails each message `failures` times and then accepts it, remembering the calls. */
function flakyChannel(failures: number): OutboxChannelAdapter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async deliver(message) {
      calls.push(message.idempotencyKey);
      if (calls.filter((key) => key === message.idempotencyKey).length <= failures)
        throw new DeliveryError('HTTP 503: try later', { responseCode: 503 });
      return { outcome: 'sent', responseCode: 200 };
    },
  };
}

function channelsWith(email: OutboxChannelAdapter): OutboxChannels {
  const unused: OutboxChannelAdapter = {
    deliver: async () => {
      throw new Error('not in this test');
    },
  };
  return { sms: unused, email, webhook: unused };
}

async function enqueueEmail(actor: Actor, key: string, maxAttempts?: number) {
  return withSystemTransaction(database.db, actor, (ctx) =>
    enqueueMessage(ctx, {
      channel: 'email',
      kind: 'test',
      idempotencyKey: key,
      payload: { to: 'someone@example.org', subject: 'Hello', text: 'Body' },
      maxAttempts,
    }),
  );
}

async function messageOf(actor: Actor, id: string) {
  const [row] = await database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.missionId, actor.missionId), eq(outboxMessages.id, id)));
  return row!;
}

async function attemptsOf(actor: Actor, id: string) {
  return database.db
    .select()
    .from(outboxAttempts)
    .where(and(eq(outboxAttempts.missionId, actor.missionId), eq(outboxAttempts.messageId, id)))
    .orderBy(asc(outboxAttempts.at), asc(outboxAttempts.id));
}

describe('enqueueMessage', () => {
  it('writes one message per idempotency key', async () => {
    const actor = tenant();
    const first = await enqueueEmail(actor, 'k-1');
    const again = await enqueueEmail(actor, 'k-1');
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
  });

  it('refuses a payload its channel cannot send', async () => {
    const actor = tenant();
    await expect(
      withSystemTransaction(database.db, actor, (ctx) =>
        enqueueMessage(ctx, {
          channel: 'sms',
          kind: 'test',
          idempotencyKey: 'bad-phone',
          payload: { to: '+3161234', text: 'hi' },
        }),
      ),
    ).rejects.toThrow(/phone number/);
  });

  it('is rolled back with the change that caused it', async () => {
    const actor = tenant();
    let id = '';
    await expect(
      withSystemTransaction(database.db, actor, async (ctx) => {
        id = (
          await enqueueMessage(ctx, {
            channel: 'email',
            kind: 'test',
            idempotencyKey: 'rolled-back',
            payload: { to: 'a@example.org', subject: 's', text: 't' },
          })
        ).id;
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await messageOf(actor, id)).toBeUndefined();
  });
});

describe('OutboxWorker', () => {
  it('retries with growing delays and records every attempt until one succeeds', async () => {
    const actor = tenant();
    const { id } = await enqueueEmail(actor, 'retry-me');
    const channel = flakyChannel(2);
    let now = new Date('2030-01-01T00:00:00Z');
    const worker = new OutboxWorker({
      missionIds: [actor.missionId],
      db: database.db,
      channels: channelsWith(channel),
      now: () => now,
      random: () => 1,
      backoff: { baseMs: 1000, maxMs: 60_000 },
    });

    await worker.runOnce();
    let row = await messageOf(actor, id);
    expect(row.status).toBe('failed');
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(1000);
    // Not due yet: nothing happens.
    now = new Date(now.getTime() + 999);
    await worker.runOnce();
    expect(channel.calls.filter((key) => key === 'retry-me')).toHaveLength(1);

    now = new Date(now.getTime() + 1);
    await worker.runOnce();
    row = await messageOf(actor, id);
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(2000);
    now = new Date(now.getTime() + 2000);
    await worker.runOnce();

    row = await messageOf(actor, id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(3);
    const attempts = await attemptsOf(actor, id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.responseCode])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'sent', 200],
    ]);
    expect(attempts[0]!.error).toBe('HTTP 503: try later');
  });

  it('dead-letters after maxAttempts, and a replay delivers it again', async () => {
    const actor = tenant();
    const { id } = await enqueueEmail(actor, 'doomed', 2);
    const channel = flakyChannel(2);
    let now = new Date();
    const worker = new OutboxWorker({
      missionIds: [actor.missionId],
      db: database.db,
      channels: channelsWith(channel),
      now: () => now,
      backoff: { baseMs: 10, maxMs: 10 },
    });
    await worker.runOnce();
    now = new Date(now.getTime() + 60_000);
    await worker.runOnce();
    const dead = await messageOf(actor, id);
    expect(dead.status).toBe('dead');
    expect(dead.lastError).toBe('HTTP 503: try later');
    now = new Date(now.getTime() + 3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);

    await withSystemTransaction(database.db, actor, (ctx) => replayOutboxMessage(ctx, id));
    expect((await messageOf(actor, id)).status).toBe('pending');
    // The replay is due at once (by the real clock, which the replay used).
    now = new Date(Math.max(now.getTime(), Date.now()) + 1000);
    await worker.runOnce();
    const replayed = await messageOf(actor, id);
    expect(replayed.status).toBe('sent');
    expect(replayed.replayCount).toBe(1);
    // Attempts are numbered afresh after a replay.
    expect((await attemptsOf(actor, id)).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [1, 'sent'],
    ]);
  });

  it('dead-letters a permanent failure at once', async () => {
    const actor = tenant();
    const { id } = await enqueueEmail(actor, 'gone');
    const worker = new OutboxWorker({
      missionIds: [actor.missionId],
      db: database.db,
      channels: channelsWith({
        deliver: async () => {
          throw new DeliveryError('HTTP 410', { responseCode: 410, permanent: true });
        },
      }),
    });
    await worker.runOnce();
    expect((await messageOf(actor, id)).status).toBe('dead');
  });

  it('runs in the background until stopped', async () => {
    const actor = tenant();
    const { id } = await enqueueEmail(actor, 'background');
    const worker = new OutboxWorker({
      missionIds: [actor.missionId],
      db: database.db,
      channels: channelsWith(flakyChannel(0)),
      pollIntervalMs: 20,
    });
    worker.start();
    for (let i = 0; i < 100 && (await messageOf(actor, id)).status !== 'sent'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    expect((await messageOf(actor, id)).status).toBe('sent');
  });
});
