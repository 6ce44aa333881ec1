import nodemailer from 'nodemailer';
import {
  DeliveryError,
  type DeliveryReceipt,
  type OutboxChannelAdapter,
  ZEmailPayload,
} from '../outbox-types.js';
import type { OutboxMessageRow } from '../schema.js';

/** Sends e-mail through an SMTP server named by a URL (smtp://user:pass@host:587). */
export function createSmtpEmailChannel(options: { smtpUrl: string; from: string }): OutboxChannelAdapter {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async deliver(message: OutboxMessageRow, signal: AbortSignal): Promise<DeliveryReceipt> {
      const payload = ZEmailPayload.parse(message.payload);
      if (signal.aborted) throw new DeliveryError('Delivery timed out before sending.');
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: payload.to,
          subject: payload.subject,
          text: payload.text,
          // A stable Message-ID lets mail systems recognise a redelivered message as the same one.
          messageId: `<${message.idempotencyKey.replace(/[^\w.-]/g, '_')}@passage.outbox>`,
          headers: { 'Idempotency-Key': message.idempotencyKey },
        });
        const code = Number.parseInt(String(info.response ?? '').slice(0, 3), 10);
        return { outcome: 'sent', responseCode: Number.isFinite(code) ? code : undefined };
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        throw new DeliveryError(`SMTP: ${(error as Error).message}`, {
          responseCode,
          // 5xx SMTP replies (unknown mailbox, rejected) will not succeed on retry.
          permanent: typeof responseCode === 'number' && responseCode >= 500,
        });
      }
    },
  };
}
