import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { nameSkeleton, normaliseName } from './name-normalisation.js';
import { type PersonRow, persons } from './schema.js';

/** The most candidates a search returns. */
export const SEARCH_LIMIT = 20;

// Skeletons shorter than this (Ali → al) match far too many names to narrow anything down.
const MIN_SKELETON_LENGTH = 3;

/** A name as search compares it: normalised, and as a consonant skeleton. */
export interface NameQuery {
  key: string;
  skeleton: string;
}

/** Normalises a searched name; null when nothing searchable is left (fewer than two letters). */
export function toNameQuery(text: string): NameQuery | null {
  const key = normaliseName(text);
  if (key.replace(/ /g, '').length < 2) return null;
  return { key, skeleton: nameSkeleton(text) };
}

/**
 * The rows whose names resemble the query, written with the word-similarity operator so the
 * trigram GIN indexes on name_key and name_skeleton answer it (a bitmap OR of both).
 */
export function nameMatches(query: NameQuery): SQL {
  const byKey = sql`${persons.nameKey} %> ${query.key}`;
  if (query.skeleton.replace(/ /g, '').length < MIN_SKELETON_LENGTH) return byKey;
  return sql`(${byKey} or ${persons.nameSkeleton} %> ${query.skeleton})`;
}

/**
 * How well a row's names match, from 0 to 1: mostly the spelling itself, partly the skeleton, so an
 * exact spelling ranks above a transliteration variant, which ranks above a mere look-alike; the
 * whole-name similarity puts "Ali Khan" above "Ali Khanzada" when Ali Khan is searched.
 */
export function nameScore(query: NameQuery): SQL<number> {
  return sql<number>`(0.5 * word_similarity(${query.key}, ${persons.nameKey})
    + 0.35 * word_similarity(${query.skeleton}, ${persons.nameSkeleton})
    + 0.15 * similarity(${query.key}, ${persons.nameKey}))`.mapWith(Number);
}

/** Persons of the mission whose names resemble `text`, best first (at most SEARCH_LIMIT). */
export async function searchPersons(
  db: Executor,
  missionId: string,
  text: string,
  limit = SEARCH_LIMIT,
): Promise<{ person: PersonRow; score: number }[]> {
  const query = toNameQuery(text);
  if (!query) return [];
  const score = nameScore(query);
  const rows = await db
    .select({ person: persons, score })
    .from(persons)
    .where(and(eq(persons.missionId, missionId), nameMatches(query)))
    .orderBy(desc(score), desc(persons.id))
    .limit(limit);
  return rows.map((row) => ({ person: row.person, score: roundScore(row.score) }));
}

/** A score with three decimals, as the API shows it. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
