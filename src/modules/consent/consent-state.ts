import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { type ConsentPurpose, personConsents } from './schema.js';

/** Which consent to look for: a person, a purpose and, for sharing, the partner. */
export interface ConsentQuery {
  missionId: string;
  personId: string;
  purpose: ConsentPurpose;
  partnerId?: string | null;
  /** The day it must hold on (YYYY-MM-DD); today (UTC) when absent. */
  on?: string;
}

/**
 * The state of a person's consent for a purpose on a day: `given` when a consent given on or before
 * that day is not withdrawn, `withdrawn` when every consent recorded for it was withdrawn, `none` when
 * nothing was ever recorded.
 */
export async function consentState(
  db: Executor,
  query: ConsentQuery,
): Promise<'given' | 'withdrawn' | 'none'> {
  const on = query.on ?? new Date().toISOString().slice(0, 10);
  const c = personConsents;
  const rows = await db
    .select({ withdrawnOn: c.withdrawnOn })
    .from(c)
    .where(
      and(
        eq(c.missionId, query.missionId),
        eq(c.personId, query.personId),
        eq(c.purpose, query.purpose),
        query.partnerId ? eq(c.partnerId, query.partnerId) : isNull(c.partnerId),
        lte(c.givenOn, on),
      ),
    );
  if (rows.some((row) => row.withdrawnOn === null || row.withdrawnOn > on)) return 'given';
  return rows.length > 0 ? 'withdrawn' : 'none';
}

/** True when the person has a standing consent for the purpose (and partner) today. */
export async function hasConsent(db: Executor, query: ConsentQuery): Promise<boolean> {
  return (await consentState(db, query)) === 'given';
}

/**
 * Of these persons, those whose consent for the purpose is `withdrawn` on the day (as `consentState`
 * says it: recorded, and none standing), in one query, for lists such as a flight's manifest.
 */
export async function personsWithWithdrawnConsent(
  db: Executor,
  query: {
    missionId: string;
    personIds: string[];
    purpose: Exclude<ConsentPurpose, 'partner_sharing'>;
    on: string;
  },
): Promise<Set<string>> {
  if (query.personIds.length === 0) return new Set();
  const c = personConsents;
  const rows = await db
    .select({ personId: c.personId, withdrawnOn: c.withdrawnOn })
    .from(c)
    .where(
      and(
        eq(c.missionId, query.missionId),
        inArray(c.personId, query.personIds),
        eq(c.purpose, query.purpose),
        lte(c.givenOn, query.on),
      ),
    );
  const standing = new Set(
    rows.filter((row) => row.withdrawnOn === null || row.withdrawnOn > query.on).map((row) => row.personId),
  );
  return new Set(rows.map((row) => row.personId).filter((personId) => !standing.has(personId)));
}
