import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { cases } from '../cases/schema.js';
import { missions, offices } from '../organisation/schema.js';

export const partnerKinds = ['reception_agency', 'return_service', 'ngo', 'government', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** An organisation that refers migrants or follows their cases: COA, DT&V, an NGO. */
export const partners = pgTable(
  'partners',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<PartnerKind>().notNull(),
    /** The referral source its referrals are recorded under (a code of referral_sources). */
    referralSource: text('referral_source').notNull(),
    /** The office where its referrals are opened unless a referral names another. */
    defaultOfficeId: uuid('default_office_id').notNull(),
    contactEmail: text('contact_email'),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('partners_name_uq').on(t.missionId, t.name),
    foreignKey({
      columns: [t.missionId, t.defaultOfficeId],
      foreignColumns: [offices.missionId, offices.id],
    }),
  ],
);

export const apiKeyScopes = ['referrals:write', 'cases:read-own'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** A partner's API key: only the SHA-256 of the random token is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    name: text('name').notNull(),
    /** The first characters of the key, so people can tell their keys apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().$type<ApiKeyScope[]>().notNull(),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('api_keys_token_uq').on(t.missionId, t.tokenHash),
    // A request names no mission: the key is found by its hash alone.
    index('api_keys_token_idx').on(t.tokenHash),
    foreignKey({ columns: [t.missionId, t.partnerId], foreignColumns: [partners.missionId, partners.id] }),
  ],
);

export const webhookCaseScopes = ['referred', 'all'] as const;
export type WebhookCaseScope = (typeof webhookCaseScopes)[number];

/** Where a partner wants to hear about events, and the secret its deliveries are signed with. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    /** referred: only events of cases this partner referred; all: every case of the mission. */
    caseScope: text('case_scope').$type<WebhookCaseScope>().notNull().default('referred'),
    /** AES-256-GCM of the signing secret: iv.tag.ciphertext, base64url. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.partnerId], foreignColumns: [partners.missionId, partners.id] }),
    index('webhook_subscriptions_partner_idx').on(t.missionId, t.partnerId),
  ],
);

/** A referral received from a partner: its own reference and the case opened for it. */
export const referrals = pgTable(
  'referrals',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    partnerReference: text('partner_reference').notNull(),
    caseId: uuid('case_id').notNull(),
    importId: uuid('import_id'),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('referrals_partner_reference_uq').on(t.missionId, t.partnerId, t.partnerReference),
    foreignKey({ columns: [t.missionId, t.partnerId], foreignColumns: [partners.missionId, partners.id] }),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
  ],
);

export const importStatuses = ['running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** One row of an import's validation report. */
export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

/** A bulk CSV import of referrals, run as a job whose counts the UI polls. */
export const referralImports = pgTable(
  'referral_imports',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    filename: text('filename').notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    existing: integer('existing').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    report: jsonb('report').$type<ImportProblem[]>().notNull().default([]),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.partnerId], foreignColumns: [partners.missionId, partners.id] }),
    index('referral_imports_created_idx').on(t.missionId, t.createdAt),
  ],
);

export type PartnerRow = typeof partners.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralImportRow = typeof referralImports.$inferSelect;
