/**
 * Fields that identify a person wherever they appear in a record: names in any script, aliases,
 * contact details, identity document numbers, the names of uploaded files. The audit trail is
 * append-only and outlives the person's record (retention anonymises the record, never the trail),
 * so it must not hold them in the first place.
 */
export const IDENTIFYING_KEYS: ReadonlySet<string> = new Set([
  'givenName',
  'familyName',
  'givenNameNative',
  'familyNameNative',
  'aliases',
  'phone',
  'number',
  'documentNumber',
  'filename',
]);

/**
 * Contact details and free text written about a person (message recipients and texts, note bodies,
 * reasons, descriptions): removed from a person's records when they are anonymised. Not redacted
 * in the audit trail, where keys like `to` (a status) or `body` (a template) mean other things.
 */
export const CONTACT_AND_TEXT_KEYS: ReadonlySet<string> = new Set([
  ...IDENTIFYING_KEYS,
  'to',
  'recipient',
  'email',
  'body',
  'text',
  'notes',
  'note',
  'nextStep',
  'location',
  'reason',
  'justification',
  'description',
  'title',
  'address',
]);

/** What replaces a removed value. */
export const REMOVED = '[removed]';

/**
 * A copy of a JSON value with the values of the given keys removed at any depth, and a date of
 * birth cut to its year (what statistics need). Keys whose value is null stay null.
 */
export function redactPersonalData(value: unknown, keys: ReadonlySet<string> = IDENTIFYING_KEYS): unknown {
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null || inner === undefined) out[key] = inner;
    else if (key === 'dateOfBirth' && typeof inner === 'string') out[key] = inner.slice(0, 4);
    else if (keys.has(key)) out[key] = Array.isArray(inner) ? [] : REMOVED;
    else out[key] = redactPersonalData(inner, keys);
  }
  return out;
}
