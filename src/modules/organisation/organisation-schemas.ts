import { z } from 'zod';
import { officeKinds } from './schema.js';

export const ZOffice = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(officeKinds),
  country: z.string(),
  city: z.string().nullable(),
});

export const ZUserSummary = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });

export const ZReferralSource = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  labelNl: z.string(),
  active: z.boolean(),
});

export const ZCreateReferralSource = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _ (2 to 40 characters)'),
  labelEn: z.string().trim().min(1).max(100),
  labelNl: z.string().trim().min(1).max(100),
});
export type CreateReferralSource = z.infer<typeof ZCreateReferralSource>;

export const ZUpdateReferralSource = z
  .object({
    labelEn: z.string().trim().min(1).max(100),
    labelNl: z.string().trim().min(1).max(100),
    active: z.boolean(),
  })
  .partial();
export type UpdateReferralSource = z.infer<typeof ZUpdateReferralSource>;
