import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { ListPersonsQuery } from './person-schemas.js';
import { type PersonRow, persons } from './schema.js';
import { nameMatches, toNameQuery } from './search-persons.js';

/** One page of the mission's persons, newest first, optionally only those whose names resemble q. */
export async function listPersons(
  db: Executor,
  missionId: string,
  query: ListPersonsQuery,
): Promise<{ rows: PersonRow[]; total: number }> {
  const nameQuery = query.q ? toNameQuery(query.q) : null;
  if (query.q && !nameQuery) return { rows: [], total: 0 };
  const where = and(eq(persons.missionId, missionId), nameQuery ? nameMatches(nameQuery) : undefined);
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(persons)
      .where(where)
      .orderBy(desc(persons.createdAt), desc(persons.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(persons).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}
