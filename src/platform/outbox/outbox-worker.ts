import { performance } from 'node:perf_hooks';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { type BackoffOptions, computeBackoffMs, DEFAULT_BACKOFF } from './backoff.js';
import { DeliveryError, type DeliveryReceipt, type OutboxChannels } from './outbox-types.js';
import { type OutboxMessageRow, outboxAttempts, outboxMessages } from './schema.js';

/** Where the worker reports what it does (Fastify's logger fits). */
export interface WorkerLog {
  info(object: unknown, message?: string): void;
  error(object: unknown, message?: string): void;
}

export interface OutboxWorkerOptions {
  db: Db;
  channels: OutboxChannels;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Deliveries in flight at once within a round. */
  concurrency?: number;
  /** Pause between rounds when nothing was due. */
  pollIntervalMs?: number;
  /** How long a claim holds: a worker that dies while sending gives the message up after this. */
  leaseMs?: number;
  deliveryTimeoutMs?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  random?: () => number;
  /**
   * Runs after a channel accepted a message and before the outcome is recorded. An error thrown here
   * is treated like the process dying at that point: nothing is recorded and runOnce rejects.
   */
  afterDeliver?: (message: OutboxMessageRow, receipt: DeliveryReceipt) => void | Promise<void>;
  log?: WorkerLog;
  /** Deliver only these missions' messages (a worker per tenant or shard); every mission's when absent. */
  missionIds?: string[];
}

/** What one round did. */
export interface RoundResult {
  claimed: number;
  sent: number;
  duplicate: number;
  failed: number;
  dead: number;
}

/**
 * Delivers outbox messages at least once: claims due messages with FOR UPDATE SKIP LOCKED (so
 * several workers on PostgreSQL never take the same one), delivers each through its channel outside
 * any transaction, records every attempt, and retries with exponential backoff and jitter until
 * maxAttempts, after which the message is dead and waits for an administrator to replay it.
 */
export class OutboxWorker {
  private readonly options: Required<Omit<OutboxWorkerOptions, 'afterDeliver' | 'log' | 'missionIds'>> &
    Pick<OutboxWorkerOptions, 'afterDeliver' | 'log' | 'missionIds'>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(options: OutboxWorkerOptions) {
    this.options = {
      batchSize: 20,
      concurrency: 10,
      pollIntervalMs: 1000,
      leaseMs: 2 * 60_000,
      deliveryTimeoutMs: 15_000,
      backoff: DEFAULT_BACKOFF,
      now: () => new Date(),
      random: Math.random,
      ...options,
    };
  }

  /** Starts delivering in the background until stop() is called. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the round in progress has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Cuts the current pause short, e.g. right after messages were enqueued. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.runOnce()).claimed;
      } catch (error) {
        this.options.log?.error({ err: error }, 'outbox round failed');
      }
      if (claimed === 0 && this.running) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** Claims the messages due now, delivers them and records the outcomes: one round. */
  async runOnce(): Promise<RoundResult> {
    const claimed = await this.claim();
    const result: RoundResult = { claimed: claimed.length, sent: 0, duplicate: 0, failed: 0, dead: 0 };
    const crashes: unknown[] = [];
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]!;
        try {
          const outcome = await this.deliverOne(message);
          result[outcome]++;
        } catch (crash) {
          crashes.push(crash);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, lane));
    if (crashes.length > 0) throw crashes[0];
    return result;
  }

  private async claim(): Promise<OutboxMessageRow[]> {
    const now = this.options.now();
    const m = outboxMessages;
    const due = this.options.db
      .select({ missionId: m.missionId, id: m.id })
      .from(m)
      .where(
        and(
          this.options.missionIds ? inArray(m.missionId, this.options.missionIds) : undefined,
          or(
            and(inArray(m.status, ['pending', 'failed']), lte(m.nextAttemptAt, now)),
            and(eq(m.status, 'sending'), lte(m.lockedUntil, now)),
          ),
        ),
      )
      .orderBy(asc(m.nextAttemptAt))
      .limit(this.options.batchSize)
      .for('update', { skipLocked: true });
    return this.options.db
      .update(m)
      .set({
        status: 'sending',
        attempts: sql`${m.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + this.options.leaseMs),
      })
      .where(sql`(${m.missionId}, ${m.id}) in (${due})`)
      .returning();
  }

  private async deliverOne(message: OutboxMessageRow): Promise<'sent' | 'duplicate' | 'failed' | 'dead'> {
    const started = performance.now();
    let receipt: DeliveryReceipt;
    try {
      const channel = this.options.channels[message.channel];
      if (!channel) throw new DeliveryError(`No channel "${message.channel}"`, { permanent: true });
      receipt = await channel.deliver(message, AbortSignal.timeout(this.options.deliveryTimeoutMs));
    } catch (error) {
      return this.recordFailure(message, error, Math.round(performance.now() - started));
    }
    // A crash here (or in afterDeliver) leaves the message "sending": it is redelivered when the
    // lease lapses, and the receiver's idempotency key turns the repeat into a recorded duplicate.
    await this.options.afterDeliver?.(message, receipt);
    await this.recordSuccess(message, receipt, Math.round(performance.now() - started));
    return receipt.outcome;
  }

  private async recordSuccess(message: OutboxMessageRow, receipt: DeliveryReceipt, durationMs: number) {
    const now = this.options.now();
    await this.options.db.transaction(async (tx) => {
      await tx
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null })
        .where(and(eq(outboxMessages.missionId, message.missionId), eq(outboxMessages.id, message.id)));
      await tx.insert(outboxAttempts).values({
        missionId: message.missionId,
        id: newId(),
        messageId: message.id,
        attempt: message.attempts,
        at: now,
        outcome: receipt.outcome,
        responseCode: receipt.responseCode ?? null,
        error: null,
        durationMs,
      });
    });
  }

  private async recordFailure(message: OutboxMessageRow, error: unknown, durationMs: number) {
    const now = this.options.now();
    const permanent = error instanceof DeliveryError && error.permanent;
    const dead = permanent || message.attempts >= message.maxAttempts;
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const delay = computeBackoffMs(message.attempts, this.options.backoff, this.options.random);
    await this.options.db.transaction(async (tx) => {
      await tx
        .update(outboxMessages)
        .set({
          status: dead ? 'dead' : 'failed',
          lockedUntil: null,
          lastError: text,
          nextAttemptAt: dead ? now : new Date(now.getTime() + delay),
        })
        .where(and(eq(outboxMessages.missionId, message.missionId), eq(outboxMessages.id, message.id)));
      await tx.insert(outboxAttempts).values({
        missionId: message.missionId,
        id: newId(),
        messageId: message.id,
        attempt: message.attempts,
        at: now,
        outcome: 'failed',
        responseCode: error instanceof DeliveryError ? (error.responseCode ?? null) : null,
        error: text,
        durationMs,
      });
    });
    if (dead) this.options.log?.info({ messageId: message.id, error: text }, 'outbox message dead-lettered');
    return dead ? 'dead' : 'failed';
  }
}
