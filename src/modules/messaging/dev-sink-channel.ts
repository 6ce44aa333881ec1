import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import {
  type DeliveryReceipt,
  type OutboxChannelAdapter,
  ZEmailPayload,
  ZSmsPayload,
} from '../../platform/outbox/outbox-types.js';
import type { OutboxMessageRow } from '../../platform/outbox/schema.js';
import { devSinkMessages } from './schema.js';

/**
 * The development sink for SMS or e-mail: stores each message in the database, once per
 * idempotency key. A redelivery (the worker died after sending, before recording) only counts
 * as a duplicate, which is what a real provider honouring Idempotency-Key would do.
 */
export function createDevSinkChannel(db: Db, channel: 'sms' | 'email'): OutboxChannelAdapter {
  return {
    async deliver(message: OutboxMessageRow): Promise<DeliveryReceipt> {
      const content =
        channel === 'sms'
          ? (() => {
              const sms = ZSmsPayload.parse(message.payload);
              return { recipient: sms.to, subject: null, body: sms.text };
            })()
          : (() => {
              const mail = ZEmailPayload.parse(message.payload);
              return { recipient: mail.to, subject: mail.subject, body: mail.text };
            })();
      const now = new Date();
      const [stored] = await db
        .insert(devSinkMessages)
        .values({
          missionId: message.missionId,
          id: newId(),
          channel,
          idempotencyKey: message.idempotencyKey,
          outboxMessageId: message.id,
          ...content,
          receivedAt: now,
        })
        .onConflictDoNothing({ target: [devSinkMessages.missionId, devSinkMessages.idempotencyKey] })
        .returning({ id: devSinkMessages.id });
      if (stored) return { outcome: 'sent', responseCode: 201 };
      await db
        .update(devSinkMessages)
        .set({ duplicateCount: sql`${devSinkMessages.duplicateCount} + 1`, lastDuplicateAt: now })
        .where(
          and(
            eq(devSinkMessages.missionId, message.missionId),
            eq(devSinkMessages.idempotencyKey, message.idempotencyKey),
          ),
        );
      return { outcome: 'duplicate', responseCode: 200 };
    },
  };
}
