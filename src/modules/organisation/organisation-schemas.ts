import { createRequire } from 'node:module';
import { z } from 'zod';
import { requireSomeField } from '../../platform/http/field-schemas.js';
import { isTimeZone } from '../../platform/time/mission-calendar.js';
import { officeKinds } from './schema.js';

// `langs` ships no type declarations: load it through require with the little of its API used here.
const require = createRequire(import.meta.url);
const langs = require('langs') as { has(type: '1', code: string): boolean };
const isIso6391 = (code: string) => /^[a-z]{2}$/.test(code) && langs.has('1', code);

export const ZOffice = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z
    .enum(officeKinds)
    .describe(
      'mission_office: host-country office; reception_centre; detention_centre; airport_desk; origin_office: office in a country of origin',
    ),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  city: z.string().nullable(),
  active: z.boolean().describe('false: closed; keeps its records, takes no new roles'),
});

export const ZOfficeListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('also the closed offices'),
});

export const ZCreateOffice = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(officeKinds),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code of two capital letters'),
  city: z.string().trim().min(1).max(200).nullable().optional(),
});
export type CreateOffice = z.infer<typeof ZCreateOffice>;

export const ZUpdateOffice = ZCreateOffice.extend({ active: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'change at least one field');
export type UpdateOffice = z.infer<typeof ZUpdateOffice>;

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

export const ZUpdateReferralSource = requireSomeField(
  z
    .object({
      labelEn: z.string().trim().min(1).max(100),
      labelNl: z.string().trim().min(1).max(100),
      active: z.boolean(),
    })
    .partial(),
);
export type UpdateReferralSource = z.infer<typeof ZUpdateReferralSource>;

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** A mission's settings: its calendar, money and languages. */
export const ZMissionSettings = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  timeZone: z.string().describe('IANA time zone: the mission’s "today" and the days its figures count by'),
  currency: z.string().describe('ISO 4217 code'),
  languages: z.array(z.string()).describe('ISO 639-1 codes of the languages the mission works in'),
  locale: z.string().describe('the default language of new users and documents'),
});
export type MissionSettingsView = z.infer<typeof ZMissionSettings>;

/** An IANA time zone. */
export const ZTimeZone = z
  .string()
  .refine(isTimeZone, 'not an IANA time zone (for example Europe/Amsterdam)');
/** An ISO 4217 currency code. */
export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code of three capital letters')
  .refine((code) => currencies.has(code), 'not an ISO 4217 currency code');
/** An ISO 639-1 language code. */
export const ZLanguage = z.string().refine(isIso6391, 'not an ISO 639-1 language code');

export const ZUpdateMissionSettings = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: ZTimeZone,
    currency: ZCurrency,
    languages: z.array(ZLanguage).min(1).max(20),
    locale: ZLanguage,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'change at least one setting');
export type UpdateMissionSettings = z.infer<typeof ZUpdateMissionSettings>;
