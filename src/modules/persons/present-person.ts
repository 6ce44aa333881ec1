import type { PersonView } from './person-schemas.js';
import type { PersonDocumentRow, PersonRow } from './schema.js';

/** An identity or travel document as the API shows it. */
export function presentIdentityDocument(row: PersonDocumentRow) {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuingCountry: row.issuingCountry,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A person as the API shows it (without the derived search columns); documents when given. */
export function presentPerson(row: PersonRow, documents?: readonly PersonDocumentRow[]): PersonView {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    givenNameNative: row.givenNameNative,
    familyNameNative: row.familyNameNative,
    aliases: row.aliases,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    dateOfBirthPrecision: row.dateOfBirthPrecision,
    nationalities: row.nationalities,
    languages: row.languages,
    preferredLanguage: row.preferredLanguage,
    phone: row.phone,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(documents ? { documents: documents.map(presentIdentityDocument) } : {}),
    restricted: false,
  };
}

/** A person the actor may not see: only that the record exists, its id and its version. */
export function presentRestrictedPerson(row: PersonRow): PersonView {
  return {
    id: row.id,
    givenName: '',
    familyName: '',
    givenNameNative: null,
    familyNameNative: null,
    aliases: [],
    sex: 'unknown',
    dateOfBirth: null,
    dateOfBirthPrecision: 'estimated',
    nationalities: [],
    languages: [],
    preferredLanguage: null,
    phone: null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    restricted: true,
  };
}
