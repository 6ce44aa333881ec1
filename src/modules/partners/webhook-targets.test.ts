import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../platform/outbox/channels/webhook-channel.js';
import { webhookTargetRefusal } from '../../platform/outbox/channels/webhook-target-policy.js';
import { DeliveryError } from '../../platform/outbox/outbox-types.js';
import type { OutboxMessageRow } from '../../platform/outbox/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { createTestPartner } from './partners-test-support.js';

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

describe('webhook targets inside the network', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.2:5432/',
    'http://[::1]:22/',
    'http://10.0.0.7/hook',
    'http://192.168.1.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost:5432/',
    'ftp://partner.example.org/',
  ])('are refused at registration: %s', async (url) => {
    const { admin, partner } = await createTestPartner(t, mission);
    const response = await admin.post(`/api/v1/partners/${partner.id}/webhooks`, {
      url,
      events: ['referral.accepted'],
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.url' })]);
  });

  it('are refused when a change of URL points inside', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const hook = await admin.post(`/api/v1/partners/${partner.id}/webhooks`, {
      url: 'https://partner.example.org/hook',
      events: ['referral.accepted'],
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const changed = await admin.patch(`/api/v1/webhooks/${hook.json().id}`, {
      url: 'http://169.254.169.254/',
    });
    expect(changed.statusCode).toBe(400);
  });

  it('accept 127.0.0.1 only where the configuration allows it (tests)', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const response = await admin.post(`/api/v1/partners/${partner.id}/webhooks`, {
      url: 'http://127.0.0.1:8080/hook',
      events: ['referral.accepted'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const strict = { requireHttps: false, allowedHosts: [] };
    expect(await webhookTargetRefusal('http://127.0.0.1:8080/hook', strict, { unresolvable: 'accept' })).toBe(
      'must not point to a private or loopback address',
    );
  });

  it('require https in production', async () => {
    const production = { requireHttps: true, allowedHosts: [] };
    expect(
      await webhookTargetRefusal('http://93.184.215.14/hook', production, { unresolvable: 'accept' }),
    ).toBe('must use https');
    expect(
      await webhookTargetRefusal('https://93.184.215.14/hook', production, { unresolvable: 'accept' }),
    ).toBe(null);
  });

  it('resolve the host name: a name that resolves to this machine is refused', async () => {
    // The machine's own name resolves to a loopback or private address (here through /etc/hosts).
    const url = `http://${os.hostname()}:8080/hook`;
    const policy = { requireHttps: false, allowedHosts: [] };
    expect(await webhookTargetRefusal(url, policy, { unresolvable: 'refuse' })).toBe(
      'must not resolve to a private or loopback address',
    );
  });

  it('are refused again at delivery, without connecting, and the receiver’s error body is never kept', async () => {
    let requests = 0;
    const server: Server = createServer((_request, response) => {
      requests++;
      response.writeHead(500, { 'content-type': 'text/plain' }).end('postgres: secret internal detail');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hook`;
    const message = {
      id: 'm1',
      missionId: mission.missionId,
      idempotencyKey: 'k1',
      payload: {
        subscriptionId: '0193a1b2-0000-7000-8000-000000000001',
        event: 'referral.accepted',
        body: { hello: 'world' },
      },
    } as unknown as OutboxMessageRow;
    const resolveTarget = async () => ({ url, secret: 'whsec_test', active: true });
    try {
      const strict = createWebhookChannel({
        resolveTarget,
        targetPolicy: { requireHttps: false, allowedHosts: [] },
      });
      const refused = await strict
        .deliver(message, new AbortController().signal)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DeliveryError);
      expect((refused as DeliveryError).message).toBe(
        'The webhook URL must not point to a private or loopback address.',
      );
      expect(requests).toBe(0);

      const allowed = createWebhookChannel({
        resolveTarget,
        targetPolicy: { requireHttps: false, allowedHosts: ['127.0.0.1'] },
      });
      const failed = await allowed
        .deliver(message, new AbortController().signal)
        .catch((error: unknown) => error);
      expect(requests).toBe(1);
      expect((failed as DeliveryError).message).toBe('HTTP 500');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
