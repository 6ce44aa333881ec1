import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { DEFAULT_REMINDER_DAYS } from './request-rules.js';
import { type EmbassyRow, embassies } from './schema.js';
import type { Embassy } from './travel-document-schemas.js';

/** An embassy as the API sends it, with the reminder days that apply to it. */
export function presentEmbassy(row: EmbassyRow): Embassy {
  return {
    id: row.id,
    country: row.country,
    kind: row.kind,
    city: row.city,
    address: row.address,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    reminderDays: row.reminderDays,
    effectiveReminderDays: row.reminderDays ?? DEFAULT_REMINDER_DAYS,
    active: row.active,
  };
}

/** The mission's embassy directory, by country and city. */
export async function listEmbassies(
  db: Executor,
  missionId: string,
  query: { country?: string; includeInactive?: 'true' | 'false' },
): Promise<Embassy[]> {
  const rows = await db
    .select()
    .from(embassies)
    .where(
      and(
        eq(embassies.missionId, missionId),
        query.country ? eq(embassies.country, query.country) : undefined,
        query.includeInactive === 'true' ? undefined : eq(embassies.active, true),
      ),
    )
    .orderBy(asc(embassies.country), asc(embassies.city), asc(embassies.kind));
  return rows.map(presentEmbassy);
}

/** One embassy of the mission (404 otherwise); `forUpdate` locks it. */
export async function loadEmbassy(
  db: Executor,
  missionId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EmbassyRow> {
  const query = db
    .select()
    .from(embassies)
    .where(and(eq(embassies.missionId, missionId), eq(embassies.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Embassy');
  return row;
}
