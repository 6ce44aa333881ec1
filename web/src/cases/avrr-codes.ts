/** AVRR case statuses, in workflow order (labels live in the i18n files under `status.`). */
export const AVRR_STATUSES = [
  'registered',
  'counselling',
  'application_submitted',
  'eligible',
  'ineligible',
  'travel_documents',
  'travel_booked',
  'departed',
  'arrived',
  'reintegration',
  'monitoring',
  'closed',
  'withdrawn',
  'on_hold',
] as const;

/** Vulnerability categories (labels under `vulnerability.`). */
export const VULNERABILITIES = [
  'unaccompanied_minor',
  'health_needs',
  'victim_of_trafficking',
  'other',
] as const;

/** Kinds of travel and identity documents (labels under `travelDocumentKind.`). */
export const TRAVEL_DOCUMENT_KINDS = [
  'passport',
  'laissez_passer',
  'national_id',
  'residence_permit',
  'other',
] as const;

/** Kinds of uploaded case documents (labels under `caseDocumentKind.`). */
export const CASE_DOCUMENT_KINDS = ['consent', 'identity', 'medical', 'correspondence', 'other'] as const;

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const DATE_PRECISIONS = ['exact', 'month', 'year', 'estimated'] as const;

/** File types and size the server accepts for case documents. */
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
