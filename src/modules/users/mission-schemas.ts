import { z } from 'zod';
import { ZCreateOffice, ZCurrency, ZLanguage, ZTimeZone } from '../organisation/organisation-schemas.js';
import { officeKinds } from '../organisation/schema.js';
import { ZUserWithLink } from './users-schemas.js';

/** A new mission: its settings, its offices and its first administrator. */
export const ZCreateMission = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9-]{1,19}$/, 'capital letters, digits and - (2 to 20 characters)'),
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code of two capital letters'),
  timeZone: ZTimeZone,
  currency: ZCurrency,
  languages: z.array(ZLanguage).min(1).max(20).optional().describe('the first is the default locale'),
  offices: z.array(ZCreateOffice).min(1).max(100),
  administrator: z.object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    locale: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
  }),
});
export type CreateMission = z.infer<typeof ZCreateMission>;

export const ZCreatedMission = z.object({
  missionId: z.uuid(),
  code: z.string(),
  offices: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(officeKinds) })),
  administrator: ZUserWithLink,
});

/** A mission as the platform administrator's list shows it. */
export const ZMissionSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  languages: z.array(z.string()),
  createdAt: z.iso.datetime(),
  openOffices: z.number().int(),
  activeUsers: z.number().int(),
});
