/**
 * Outbox delivery throughput: how many messages per second the worker delivers, on PGlite and (with
 * BENCH_DATABASE_URL) on PostgreSQL, to the development sink (SMS) and to a webhook receiver on
 * 127.0.0.1. Run: `npx tsx bench/outbox-throughput.ts` (BENCH_MESSAGES=2000 by default).
 * The PostgreSQL run uses its own database, passage_bench_outbox, dropped and created each time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { createDevSinkChannel } from '../src/modules/messaging/dev-sink-channel.js';
import { createMission } from '../src/modules/organisation/create-mission.js';
import { partners, webhookSubscriptions } from '../src/modules/partners/schema.js';
import { encryptSecret } from '../src/modules/partners/secret-box.js';
import { createWebhookTargetResolver } from '../src/modules/partners/webhook-target-resolver.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { type Database, openPglite, openPostgres, selectRows } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { withSystemTransaction } from '../src/platform/db/transaction.js';
import { newId } from '../src/platform/ids.js';
import { createWebhookChannel } from '../src/platform/outbox/channels/webhook-channel.js';
import { enqueueMessage } from '../src/platform/outbox/enqueue-message.js';
import type { OutboxChannels } from '../src/platform/outbox/outbox-types.js';
import { OutboxWorker } from '../src/platform/outbox/outbox-worker.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const BENCH_DATABASE = 'passage_bench_outbox';
const ENQUEUE_BATCH = 100;

interface Row {
  database: string;
  channel: string;
  workers: number;
  batchSize: number;
  concurrency: number;
  enqueuePerSecond: number;
  deliverPerSecond: number;
  seconds: number;
}

async function postgresDatabase(serverUrl: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return openPostgres(url.toString(), { max: 20 });
}

async function setUp(database: Database, receiverUrl: string) {
  await migrateDatabase(database);
  const { missionId, offices } = await createMission(database.db, {
    code: `B${newId().slice(-6)}`,
    name: 'Bench mission',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices: [{ name: 'Bench office', kind: 'mission_office', country: 'NL' }],
  });
  const partnerId = newId();
  await database.db.insert(partners).values({
    missionId,
    id: partnerId,
    name: 'Bench partner',
    kind: 'ngo',
    referralSource: 'ngo',
    defaultOfficeId: offices[0]!.id,
    createdAt: new Date(),
  });
  const subscriptionId = newId();
  await database.db.insert(webhookSubscriptions).values({
    missionId,
    id: subscriptionId,
    partnerId,
    url: receiverUrl,
    events: ['case.departed'],
    caseScope: 'all',
    secretCiphertext: encryptSecret('whsec_bench'),
    createdAt: new Date(),
  });
  const actor: Actor = {
    id: newId(),
    missionId,
    email: '',
    displayName: 'bench',
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
  return { actor, subscriptionId };
}

async function enqueue(
  database: Database,
  actor: Actor,
  channel: 'sms' | 'webhook',
  subscriptionId: string,
  run: string,
) {
  const started = performance.now();
  for (let offset = 0; offset < MESSAGES; offset += ENQUEUE_BATCH) {
    await withSystemTransaction(database.db, actor, async (ctx) => {
      for (let i = offset; i < Math.min(MESSAGES, offset + ENQUEUE_BATCH); i++) {
        const idempotencyKey = `${run}:${i}`;
        if (channel === 'sms') {
          await enqueueMessage(ctx, {
            channel: 'sms',
            kind: 'flight_details',
            idempotencyKey,
            payload: {
              to: '+31612345678',
              text: `Bench message ${i}: your flight TK1954 leaves AMS at 10:40.`,
            },
          });
        } else {
          await enqueueMessage(ctx, {
            channel: 'webhook',
            kind: 'case.departed',
            idempotencyKey,
            payload: {
              subscriptionId,
              event: 'case.departed',
              body: { id: idempotencyKey, type: 'case.departed', data: { n: i } },
            },
          });
        }
      }
    });
  }
  return MESSAGES / ((performance.now() - started) / 1000);
}

async function drain(
  database: Database,
  channels: OutboxChannels,
  options: { workers: number; batchSize: number; concurrency: number },
) {
  const started = performance.now();
  const lane = async () => {
    const worker = new OutboxWorker({
      db: database.db,
      channels,
      batchSize: options.batchSize,
      concurrency: options.concurrency,
    });
    while ((await worker.runOnce()).claimed > 0) {
      // keep claiming until nothing is due
    }
  };
  await Promise.all(Array.from({ length: options.workers }, lane));
  const seconds = (performance.now() - started) / 1000;
  const [left] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from outbox_messages where status <> 'sent'`,
  );
  return { seconds, undelivered: left?.n ?? 0 };
}

async function benchDatabase(name: string, database: Database, receiverUrl: string, rows: Row[]) {
  const { actor, subscriptionId } = await setUp(database, receiverUrl);
  const channels: OutboxChannels = {
    sms: createDevSinkChannel(database.db, 'sms'),
    email: createDevSinkChannel(database.db, 'email'),
    webhook: createWebhookChannel({
      resolveTarget: createWebhookTargetResolver(database.db),
      // The receiver runs on this machine.
      targetPolicy: { requireHttps: false, allowedHosts: ['127.0.0.1'] },
    }),
  };
  const configs =
    database.kind === 'pglite'
      ? [
          { workers: 1, batchSize: 20, concurrency: 10 },
          { workers: 1, batchSize: 100, concurrency: 25 },
        ]
      : [
          { workers: 1, batchSize: 20, concurrency: 10 },
          { workers: 1, batchSize: 100, concurrency: 25 },
          { workers: 4, batchSize: 50, concurrency: 10 },
        ];
  for (const channel of ['sms', 'webhook'] as const) {
    for (const config of configs) {
      const run = `${name}:${channel}:${config.workers}:${config.batchSize}:${newId()}`;
      const enqueuePerSecond = await enqueue(database, actor, channel, subscriptionId, run);
      const result = await drain(database, channels, config);
      if (result.undelivered > 0) throw new Error(`${result.undelivered} messages left undelivered`);
      const row: Row = {
        database: name,
        channel: channel === 'sms' ? 'sms → dev sink' : 'webhook → 127.0.0.1',
        ...config,
        enqueuePerSecond: Math.round(enqueuePerSecond),
        deliverPerSecond: Math.round(MESSAGES / result.seconds),
        seconds: Math.round(result.seconds * 100) / 100,
      };
      rows.push(row);
      console.log(
        `${row.database.padEnd(10)} ${row.channel.padEnd(20)} workers=${row.workers} batch=${String(row.batchSize).padEnd(3)} concurrency=${String(row.concurrency).padEnd(2)}  enqueue ${String(row.enqueuePerSecond).padStart(6)}/s  deliver ${String(row.deliverPerSecond).padStart(6)}/s  (${row.seconds} s)`,
      );
    }
  }
}

async function main() {
  registerEventSubscribers();
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const rows: Row[] = [];
  console.log(`Outbox throughput, ${MESSAGES} messages per run (Node ${process.version})`);
  try {
    // On disk in a temporary directory, as `npm start` uses it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passage-bench-outbox-'));
    const pglite = await openPglite({ dataDir: path.join(dir, 'pglite') });
    try {
      await benchDatabase('pglite', pglite, receiverUrl, rows);
    } finally {
      await pglite.close();
      await rm(dir, { recursive: true, force: true });
    }
    const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
    if (serverUrl) {
      const postgres = await postgresDatabase(serverUrl);
      try {
        await benchDatabase('postgresql', postgres, receiverUrl, rows);
      } finally {
        await postgres.close();
      }
    } else {
      console.log('BENCH_DATABASE_URL is not set: PostgreSQL skipped.');
    }
  } finally {
    receiver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
