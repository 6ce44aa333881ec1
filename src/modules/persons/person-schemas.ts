import { z } from 'zod';
import { ZIsoDate } from '../../platform/http/field-schemas.js';
import { isCountryCode, isLanguageCode, todayIsoDate, toE164 } from './person-codes.js';
import { dobPrecisions, documentKinds, sexes } from './schema.js';

const ZName = z.string().trim().min(1).max(200);
const ZDate = ZIsoDate;

/** An ISO 3166-1 alpha-2 country code; lower case is accepted and upper-cased. */
export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code, such as NL or IQ');

/** An ISO 639-1 or ISO 639-3 language code; upper case is accepted and lower-cased. */
export const ZLanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, 'must be an ISO 639-1 or ISO 639-3 language code, such as ar or prs');

/** An international phone number, validated and normalised to E.164 (+31612345678). */
export const ZPhone = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const e164 = toE164(text);
    if (e164 === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a valid international phone number starting with +, such as +31612345678',
      });
      return z.NEVER;
    }
    return e164;
  });

/** A date of birth: an ISO date, not in the future. */
export const ZDateOfBirth = ZDate.refine((date) => date <= todayIsoDate(), 'must not be in the future');

export const ZSex = z.enum(sexes);
export const ZDobPrecision = z.enum(dobPrecisions);

export const ZCreatePerson = z.object({
  givenName: ZName,
  familyName: ZName,
  givenNameNative: ZName.optional(),
  familyNameNative: ZName.optional(),
  aliases: z.array(ZName).max(20).optional(),
  sex: ZSex,
  dateOfBirth: ZDateOfBirth.optional(),
  /** How much of dateOfBirth is known: the exact day, the month, the year, or an estimate. */
  dateOfBirthPrecision: ZDobPrecision,
  nationalities: z.array(ZCountryCode).max(5).optional(),
  languages: z.array(ZLanguageCode).max(10).optional(),
  preferredLanguage: ZLanguageCode.optional(),
  phone: ZPhone.optional(),
});
export type CreatePerson = z.infer<typeof ZCreatePerson>;

export const ZUpdatePerson = z.object({
  /** The version the client last read: a stale version is refused with 409, never overwritten. */
  version: z.number().int().positive(),
  givenName: ZName.optional(),
  familyName: ZName.optional(),
  givenNameNative: ZName.nullable().optional(),
  familyNameNative: ZName.nullable().optional(),
  aliases: z.array(ZName).max(20).optional(),
  sex: ZSex.optional(),
  dateOfBirth: ZDateOfBirth.nullable().optional(),
  dateOfBirthPrecision: ZDobPrecision.optional(),
  nationalities: z.array(ZCountryCode).max(5).optional(),
  languages: z.array(ZLanguageCode).max(10).optional(),
  preferredLanguage: ZLanguageCode.nullable().optional(),
  phone: ZPhone.nullable().optional(),
});
export type UpdatePerson = z.infer<typeof ZUpdatePerson>;

export const ZAddIdentityDocument = z
  .object({
    kind: z.enum(documentKinds),
    number: z.string().trim().min(1).max(50),
    issuingCountry: ZCountryCode,
    validFrom: ZDate.optional(),
    validUntil: ZDate.optional(),
  })
  .refine((doc) => !doc.validFrom || !doc.validUntil || doc.validFrom <= doc.validUntil, {
    path: ['validUntil'],
    message: 'must not be before validFrom',
  });
export type AddIdentityDocument = z.infer<typeof ZAddIdentityDocument>;

export const ZIdentityDocument = z.object({
  id: z.uuid(),
  kind: z.enum(documentKinds),
  number: z.string(),
  issuingCountry: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const ZPerson = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  givenNameNative: z.string().nullable(),
  familyNameNative: z.string().nullable(),
  aliases: z.array(z.string()),
  sex: ZSex,
  dateOfBirth: z.string().nullable(),
  dateOfBirthPrecision: ZDobPrecision,
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  preferredLanguage: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The person's identity and travel documents, when the response includes them. */
  documents: z.array(ZIdentityDocument).optional(),
  restricted: z
    .boolean()
    .describe('A restricted record exists (a case you may not read): names, dates and contacts are left out'),
});
export type PersonView = z.infer<typeof ZPerson>;

export const ZPersonPolicies = z.object({ update: z.boolean(), addDocument: z.boolean() });

export const ZPersonId = z.object({ id: z.uuid() });

const ZSearchText = z.string().trim().min(2).max(200);

export const ZPersonSearchQuery = z.object({ q: ZSearchText });

export const ZListPersonsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  q: ZSearchText.optional(),
});
export type ListPersonsQuery = z.infer<typeof ZListPersonsQuery>;

export const duplicateReasons = ['name', 'date_of_birth', 'nationality'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export const ZPersonSearchHit = z.object({ person: ZPerson, score: z.number() });

export const ZDuplicateCandidate = z.object({
  person: ZPerson,
  score: z.number(),
  reasons: z.array(z.enum(duplicateReasons)),
});
