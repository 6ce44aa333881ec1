import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { type PersonDocumentRow, type PersonRow, personDocuments, persons } from './schema.js';

/** Loads one person of the mission; 404 when there is none (persons of other missions do not exist here). */
export async function getPerson(db: Executor, missionId: string, personId: string): Promise<PersonRow> {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, missionId), eq(persons.id, personId)));
  if (!row) throw notFound('Person');
  return row;
}

/** The persons of the mission with these ids (unknown ids are left out). */
export async function findPersons(
  db: Executor,
  missionId: string,
  personIds: readonly string[],
): Promise<PersonRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, missionId), inArray(persons.id, [...personIds])));
}

/** A person's identity and travel documents, oldest first. */
export async function listIdentityDocuments(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<PersonDocumentRow[]> {
  return db
    .select()
    .from(personDocuments)
    .where(and(eq(personDocuments.missionId, missionId), eq(personDocuments.personId, personId)))
    .orderBy(asc(personDocuments.createdAt), asc(personDocuments.id));
}
