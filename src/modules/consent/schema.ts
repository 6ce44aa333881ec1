import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { partners } from '../partners/schema.js';
import { persons } from '../persons/schema.js';

/** What a person consents to: return assistance, sharing their data with one named partner, SMS contact. */
export const consentPurposes = ['return_assistance', 'partner_sharing', 'sms_contact'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
/** How the consent was given: signed, said aloud to a counsellor, or by the guardian of a minor. */
export const consentMethods = ['written', 'verbal', 'guardian'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * One consent of a person for one purpose (and, for sharing, one partner), as given and, later,
 * withdrawn. Rows are never deleted: a withdrawal is recorded on the row, a new consent is a new row.
 */
export const personConsents = pgTable(
  'person_consents',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    /** The partner the data may be shared with; only for `partner_sharing`. */
    partnerId: uuid('partner_id'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    how: text('how').$type<ConsentMethod>().notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({ columns: [t.missionId, t.partnerId], foreignColumns: [partners.missionId, partners.id] }),
    // A sharing consent names its partner; the other purposes name none.
    check(
      'person_consents_partner_ck',
      sql`(${t.purpose} = 'partner_sharing') = (${t.partnerId} is not null)`,
    ),
    index('person_consents_person_idx').on(t.missionId, t.personId, t.purpose),
  ],
);
export type PersonConsentRow = typeof personConsents.$inferSelect;
