import type { ApiKeyRow, PartnerRow, WebhookSubscriptionRow } from './schema.js';

/** A partner as the API shows it. */
export function presentPartner(row: PartnerRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    referralSource: row.referralSource,
    defaultOfficeId: row.defaultOfficeId,
    contactEmail: row.contactEmail,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An API key without its secret (only the SHA-256 is stored; the prefix tells keys apart). */
export function presentApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    partnerId: row.partnerId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A webhook subscription; its signing secret is never shown after creation. */
export function presentWebhook(row: WebhookSubscriptionRow) {
  return {
    id: row.id,
    partnerId: row.partnerId,
    url: row.url,
    events: row.events,
    caseScope: row.caseScope,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}
