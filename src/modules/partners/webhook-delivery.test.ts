import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../platform/outbox/channels/webhook-channel.js';
import { verifyWebhookSignature } from '../../platform/outbox/channels/webhook-signature.js';
import type { OutboxChannelAdapter } from '../../platform/outbox/outbox-types.js';
import { OutboxWorker } from '../../platform/outbox/outbox-worker.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { type Client, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { createTestPartner, issueKey, referralBody } from './partners-test-support.js';
import { createWebhookTargetResolver } from './webhook-target-resolver.js';

/** A request the test receiver got. */
interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 (ephemeral port) that answers with the statuses it is given, in turn. */
async function startReceiver(statuses: number[], fallback = 200) {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[received.length - 1] ?? fallback;
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status >= 400 ? 'receiver unwell' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/passage`,
    received,
    setFallback(status: number) {
      fallback = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let mission: TestMission;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});
afterEach(async () => {
  await receiver?.close();
});

function webhookWorker(clock: { now: Date }) {
  const webhook = createWebhookChannel({
    resolveTarget: createWebhookTargetResolver(t.database.db),
    targetPolicy: t.app.config.webhookTargets,
  });
  const refuse: OutboxChannelAdapter = {
    deliver: async () => {
      throw new Error('not in this test');
    },
  };
  return new OutboxWorker({
    missionIds: [mission.missionId],
    db: t.database.db,
    channels: { sms: refuse, email: refuse, webhook },
    now: () => clock.now,
    backoff: { baseMs: 1000, maxMs: 1000 },
    random: () => 1,
  });
}

/** Runs the worker round after round, a minute apart, `rounds` times. */
async function deliverRounds(worker: OutboxWorker, clock: { now: Date }, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    await worker.runOnce();
    clock.now = new Date(clock.now.getTime() + 60_000);
  }
}

async function subscribe(admin: Client, partnerId: string, url: string) {
  const response = await admin.post(`/api/v1/partners/${partnerId}/webhooks`, {
    url,
    events: ['referral.accepted'],
    caseScope: 'referred',
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; secret: string };
}

describe('partner webhooks', () => {
  it('are signed, retried after a 500 with the same Idempotency-Key, and logged for administrators', async () => {
    receiver = await startReceiver([500, 500], 200);
    const { admin, partner } = await createTestPartner(t, mission);
    const subscription = await subscribe(admin, partner.id, receiver.url);
    expect(subscription.secret).toMatch(/^whsec_/);
    const listed = (await admin.get(`/api/v1/partners/${partner.id}/webhooks`)).json().items;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(subscription.secret);

    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    const referral = await key.post('/api/v1/referrals', referralBody('COA-2027-0001'));
    expect(referral.statusCode).toBe(201);

    const clock = { now: new Date(Date.now() + 1000) };
    await deliverRounds(webhookWorker(clock), clock, 4);

    expect(receiver.received).toHaveLength(3);
    const keys = new Set(receiver.received.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    for (const request of receiver.received) {
      expect(request.headers['passage-event']).toBe('referral.accepted');
      const valid = verifyWebhookSignature({
        header: request.headers['passage-signature'] as string,
        secret: subscription.secret,
        body: request.body,
        nowSeconds: Math.floor(Date.now() / 1000),
      });
      expect(valid).toBe(true);
      expect(
        verifyWebhookSignature({
          header: request.headers['passage-signature'] as string,
          secret: 'whsec_not-the-secret',
          body: request.body,
          nowSeconds: Math.floor(Date.now() / 1000),
        }),
      ).toBe(false);
    }
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toMatchObject({
      type: 'referral.accepted',
      data: { caseId: referral.json().case.id, partnerReference: 'COA-2027-0001', status: 'registered' },
    });

    const deliveries = (await admin.get('/api/v1/outbox/messages?channel=webhook')).json();
    expect(deliveries.total).toBe(1);
    const [delivery] = deliveries.items;
    expect(delivery).toMatchObject({ status: 'sent', kind: 'referral.accepted', attempts: 3 });
    expect(delivery.recipient).toContain(partner.name);
    expect(
      delivery.attemptLog.map((a: { outcome: string; responseCode: number }) => [a.outcome, a.responseCode]),
    ).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['sent', 200],
    ]);
    // The case shows the delivery too.
    const counsellor = await t.as(mission.users.counsellor);
    const onCase = (await counsellor.get(`/api/v1/cases/${referral.json().case.id}/messages`)).json().items;
    expect(onCase.map((m: { channel: string; status: string }) => [m.channel, m.status])).toEqual([
      ['webhook', 'sent'],
    ]);
  });

  it('dead-letter after the last attempt, and an administrator’s replay delivers them', async () => {
    receiver = await startReceiver([], 500);
    const { admin, partner } = await createTestPartner(t, mission);
    const subscription = await subscribe(admin, partner.id, receiver.url);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    expect((await key.post('/api/v1/referrals', referralBody('COA-DEAD-1'))).statusCode).toBe(201);

    const clock = { now: new Date(Date.now() + 1000) };
    const worker = webhookWorker(clock);
    await deliverRounds(worker, clock, 10);
    expect(receiver.received).toHaveLength(8);
    const [dead] = (await admin.get('/api/v1/outbox/messages?channel=webhook&status=dead')).json().items;
    expect(dead).toMatchObject({ status: 'dead', attempts: 8, lastError: 'HTTP 500' });

    const manager = await t.as(mission.users.manager);
    expect((await manager.post(`/api/v1/outbox/messages/${dead.id}/replay`)).statusCode).toBe(403);
    const replay = await admin.post(`/api/v1/outbox/messages/${dead.id}/replay`);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ id: dead.id, status: 'pending' });
    expect((await admin.post(`/api/v1/outbox/messages/${dead.id}/replay`)).statusCode).toBe(409);

    receiver.setFallback(204);
    clock.now = new Date(Date.now() + 1000);
    await deliverRounds(worker, clock, 1);
    expect(receiver.received).toHaveLength(9);
    expect(new Set(receiver.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    const [replayed] = (await admin.get('/api/v1/outbox/messages?channel=webhook')).json().items;
    expect(replayed).toMatchObject({ status: 'sent', replayCount: 1 });
    const lastRequest = receiver.received.at(-1)!;
    expect(
      verifyWebhookSignature({
        header: lastRequest.headers['passage-signature'] as string,
        secret: subscription.secret,
        body: lastRequest.body,
        nowSeconds: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
  });

  it('reach only partners who referred the case, unless they subscribed to every case', async () => {
    receiver = await startReceiver([], 200);
    const { admin, partner: coa } = await createTestPartner(t, mission, 'COA');
    const { partner: ngo } = await createTestPartner(t, mission, 'Refugee NGO');
    const { partner: dtv } = await createTestPartner(t, mission, 'DT&V');
    await subscribe(admin, coa.id, `${receiver.url}?coa`);
    await subscribe(admin, ngo.id, `${receiver.url}?ngo`);
    const all = await admin.post(`/api/v1/partners/${dtv.id}/webhooks`, {
      url: `${receiver.url}?dtv`,
      events: ['referral.accepted'],
      caseScope: 'all',
    });
    expect(all.statusCode).toBe(201);
    const key = await issueKey(t, admin, coa.id, ['referrals:write']);
    expect((await key.post('/api/v1/referrals', referralBody('COA-SCOPE-1'))).statusCode).toBe(201);
    const deliveries = (await admin.get('/api/v1/outbox/messages?channel=webhook')).json().items;
    expect(deliveries.map((d: { recipient: string }) => d.recipient.split(' (')[0]).sort()).toEqual([
      'COA',
      'DT&V',
    ]);
  });
});
