import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';
import { appendCaseEvent } from '../cases/case-events.js';
import { consentState } from '../consent/consent-state.js';
import { renderSmsTemplate } from './render-sms-template.js';
import type { SmsTemplateKind } from './sms-template-defaults.js';
import { loadTemplateOverrides } from './sms-templates.js';

/** The outcome of queueing an SMS for a case: queued, or not, and why. */
export type QueuedSms =
  | { queued: true; messageId: string; created: boolean; language: string; fallback: boolean }
  | { queued: false; reason: 'no_phone' | 'invalid_phone' | 'consent_withdrawn' };

/** The number in E.164 when libphonenumber-js accepts it as valid, else null. */
export function toValidE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone.trim());
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Queues a templated SMS to a migrant in their language, in the caller's transaction. A missing or
 * invalid number is not sent and leaves a warning on the case timeline; so does a language without
 * wording (the SMS then goes in English). The idempotency key makes a repeated call a no-op.
 * A person who withdrew their SMS-contact consent is not texted (the case timeline says so); a
 * person with no consent recorded either way still is, as before consents were kept.
 */
export async function queueCaseSms(
  ctx: ServiceContext,
  input: {
    caseId: string;
    /** The person texted, whose SMS-contact consent is checked. */
    personId?: string;
    phone: string | null | undefined;
    language: string | null | undefined;
    kind: SmsTemplateKind;
    variables: Record<string, string>;
    idempotencyKey: string;
  },
): Promise<QueuedSms> {
  if (input.personId && !(await smsAllowed(ctx, input.personId))) {
    await appendCaseEvent(ctx, input.caseId, 'message_not_sent', {
      kind: input.kind,
      reason: 'the person withdrew their consent to SMS contact',
      code: 'consent_withdrawn',
    });
    return { queued: false, reason: 'consent_withdrawn' };
  }
  const to = toValidE164(input.phone);
  if (!to) {
    const reason = input.phone ? 'invalid_phone' : 'no_phone';
    await appendCaseEvent(ctx, input.caseId, 'message_not_sent', {
      kind: input.kind,
      reason: reason === 'no_phone' ? 'no phone number on record' : 'the phone number is not valid',
      code: reason,
    });
    return { queued: false, reason };
  }
  const overrides = await loadTemplateOverrides(ctx.tx, ctx.actor.missionId, input.kind);
  const sms = renderSmsTemplate(input.kind, input.language, input.variables, overrides);
  const { id, created } = await enqueueMessage(ctx, {
    channel: 'sms',
    kind: input.kind,
    idempotencyKey: input.idempotencyKey,
    caseId: input.caseId,
    payload: { to, text: sms.text, language: sms.language },
  });
  if (created && sms.fallback) {
    await appendCaseEvent(ctx, input.caseId, 'message_language_fallback', {
      kind: input.kind,
      requestedLanguage: sms.requestedLanguage ?? '',
      language: sms.language,
      messageId: id,
    });
  }
  return { queued: true, messageId: id, created, language: sms.language, fallback: sms.fallback };
}

/** False only when the person's SMS-contact consent was withdrawn and not given again. */
export async function smsAllowed(ctx: ServiceContext, personId: string): Promise<boolean> {
  const state = await consentState(ctx.tx, {
    missionId: ctx.actor.missionId,
    personId,
    purpose: 'sms_contact',
    on: ctx.now.toISOString().slice(0, 10),
  });
  return state !== 'withdrawn';
}
