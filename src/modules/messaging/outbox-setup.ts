import { readWebhookTargetPolicy } from '../../config.js';
import type { Database } from '../../platform/db/database.js';
import { createHttpSmsChannel } from '../../platform/outbox/channels/sms-http-channel.js';
import { createSmtpEmailChannel } from '../../platform/outbox/channels/smtp-email-channel.js';
import { createWebhookChannel } from '../../platform/outbox/channels/webhook-channel.js';
import type { OutboxChannels } from '../../platform/outbox/outbox-types.js';
import {
  OutboxWorker,
  type OutboxWorkerOptions,
  type WorkerLog,
} from '../../platform/outbox/outbox-worker.js';
import { createWebhookTargetResolver } from '../partners/webhook-target-resolver.js';
import { createDevSinkChannel } from './dev-sink-channel.js';

/** Which adapter each channel uses, for the start-up log. */
export interface ChannelChoice {
  sms: 'provider' | 'development sink';
  email: 'smtp' | 'development sink';
}

/**
 * The channel adapters from the environment: SMS through SMS_PROVIDER_URL (with SMS_PROVIDER_TOKEN)
 * and e-mail through SMTP_URL (from SMTP_FROM) when set, else both to the development sink.
 */
export function buildOutboxChannels(
  database: Database,
  env: NodeJS.ProcessEnv = process.env,
): { channels: OutboxChannels; choice: ChannelChoice } {
  const smsUrl = env.SMS_PROVIDER_URL?.trim();
  const smtpUrl = env.SMTP_URL?.trim();
  return {
    channels: {
      sms: smsUrl
        ? createHttpSmsChannel({ url: smsUrl, token: env.SMS_PROVIDER_TOKEN?.trim() || null })
        : createDevSinkChannel(database.db, 'sms'),
      email: smtpUrl
        ? createSmtpEmailChannel({
            smtpUrl,
            from: env.SMTP_FROM?.trim() || 'Passage <no-reply@passage.local>',
          })
        : createDevSinkChannel(database.db, 'email'),
      webhook: createWebhookChannel({
        resolveTarget: createWebhookTargetResolver(database.db),
        targetPolicy: readWebhookTargetPolicy(env),
      }),
    },
    choice: { sms: smsUrl ? 'provider' : 'development sink', email: smtpUrl ? 'smtp' : 'development sink' },
  };
}

/** Starts the outbox worker with the configured channels; stop() it before closing the database. */
export function startOutboxWorker(
  database: Database,
  options: { log: WorkerLog; env?: NodeJS.ProcessEnv } & Partial<OutboxWorkerOptions>,
): OutboxWorker {
  const { channels, choice } = buildOutboxChannels(database, options.env);
  const worker = new OutboxWorker({ db: database.db, channels, ...options });
  worker.start();
  options.log.info(choice, 'outbox worker started');
  return worker;
}
