import { z } from 'zod';
import { consentMethods, consentPurposes, type PersonConsentRow } from './schema.js';

const ZDay = z.iso.date();

export const ZConsentPurpose = z
  .enum(consentPurposes)
  .describe('return_assistance, partner_sharing (with the named partner) or sms_contact');
export const ZConsentMethod = z
  .enum(consentMethods)
  .describe('written, verbal or guardian (given by the guardian)');

export const ZRecordConsent = z
  .object({
    purpose: ZConsentPurpose,
    partnerId: z
      .uuid()
      .nullish()
      .describe('The partner the data may be shared with; only for partner_sharing'),
    givenOn: ZDay.describe('The day the consent was given; not in the future'),
    how: ZConsentMethod,
  })
  .refine((body) => (body.purpose === 'partner_sharing') === !!body.partnerId, {
    path: ['partnerId'],
    message: 'partner_sharing names a partner; the other purposes name none',
  });
export type RecordConsent = z.infer<typeof ZRecordConsent>;

export const ZWithdrawConsent = z.object({
  withdrawnOn: ZDay.optional().describe('The day the consent was withdrawn; today when absent'),
});
export type WithdrawConsent = z.infer<typeof ZWithdrawConsent>;

export const ZPersonConsentParams = z.object({ id: z.uuid() });
export const ZConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

export const ZConsent = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  purpose: ZConsentPurpose,
  partnerId: z.uuid().nullable(),
  givenOn: ZDay,
  how: ZConsentMethod,
  recordedBy: z.uuid().nullable(),
  recordedAt: z.iso.datetime(),
  withdrawnOn: ZDay.nullable(),
  withdrawnBy: z.uuid().nullable(),
  active: z.boolean().describe('Given and not withdrawn'),
});
export type Consent = z.infer<typeof ZConsent>;

/** A consent as the API shows it. */
export function presentConsent(row: PersonConsentRow): Consent {
  return {
    id: row.id,
    personId: row.personId,
    purpose: row.purpose,
    partnerId: row.partnerId,
    givenOn: row.givenOn,
    how: row.how,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    withdrawnOn: row.withdrawnOn,
    withdrawnBy: row.withdrawnBy,
    active: row.withdrawnOn === null,
  };
}
