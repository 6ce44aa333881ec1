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
  if (!searchableSkeleton(query.skeleton)) return byKey;
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

/**
 * How many persons each part of `candidateNames` brings at most. A part that matches fewer brings
 * them all; only a common name (Mohamed, a third of the men of some missions) reaches it. At a
 * million persons 100 found as many of the ranking set as 250 (and as scoring every match), in
 * less time (bench/README.md).
 */
export const CANDIDATES_PER_PART = 100;

/**
 * The persons search scores, as subqueries of ids: those matching the whole query, each of its
 * words and each two of its words, by spelling and by skeleton, each part stopping at `cap` rows. A search scores
 * and sorts a few hundred rows whatever the name: a query with a rare word (a family name, a
 * misspelling of one) brings everyone who has it, since that part stays under the cap, and a query
 * of common names only (Mohamed, Mohammed Ali) brings `cap` of their many bearers, among whom the
 * score cannot tell anyway. The planner answers each part from the trigram GIN indexes when the
 * word is rare, and by reading the table until `cap` rows match when it is common.
 */
export function candidateNames(missionId: string, query: NameQuery, cap: number): SQL[] {
  const capped = (condition: SQL) =>
    sql`(select ${persons.id} from ${persons} where ${persons.missionId} = ${missionId} and ${condition}
      limit ${cap})`;
  const parts = (
    column: typeof persons.nameKey | typeof persons.nameSkeleton,
    whole: string,
    words: string[],
  ) => {
    const conditions = [sql`${column} %> ${whole}`];
    const distinct = [...new Set(words)];
    if (distinct.length > 1) {
      for (const word of distinct) conditions.push(sql`${column} %> ${word}`);
      // Two words together: far rarer than either (Fatima Saleh among all the Fatimas and Salehs).
      for (let i = 0; i < distinct.length; i++) {
        for (let j = i + 1; j < distinct.length; j++) {
          conditions.push(sql`(${column} %> ${distinct[i]} and ${column} %> ${distinct[j]})`);
        }
      }
    }
    return conditions.map(capped);
  };
  const keyWords = query.key
    .split(' ')
    .filter((word) => word.length >= 2)
    .slice(0, MAX_WORDS);
  const skeletonWords = query.skeleton.split(' ').filter(searchableSkeleton).slice(0, MAX_WORDS);
  return [
    ...parts(persons.nameKey, query.key, keyWords),
    ...(searchableSkeleton(query.skeleton) ? parts(persons.nameSkeleton, query.skeleton, skeletonWords) : []),
  ];
}

// Words of a query taken one by one and two by two: four words make 4 + 6 parts of each column.
const MAX_WORDS = 4;

function searchableSkeleton(skeleton: string): boolean {
  return skeleton.replace(/ /g, '').length >= MIN_SKELETON_LENGTH;
}

/**
 * `persons.id` is one of the ids the subqueries answer. Written as `= any(array(...))` so the ids are
 * gathered first and the rows then read by primary key: as `in (...)`, the planner estimates the
 * candidates badly and reads every trigram match of the outer conditions to hash-join them.
 */
export function idAmong(subqueries: SQL[]): SQL {
  return sql`${persons.id} = any(array(${sql.join(subqueries, sql` union `)}))`;
}

/**
 * Persons of the mission whose names resemble `text`, best first (at most SEARCH_LIMIT): of the
 * candidates (`candidateNames`), those that pass the trigram match of `nameMatches`, by `nameScore`.
 */
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
    .where(
      and(
        eq(persons.missionId, missionId),
        idAmong(candidateNames(missionId, query, Math.max(limit, CANDIDATES_PER_PART))),
        nameMatches(query),
      ),
    )
    .orderBy(desc(score), desc(persons.id))
    .limit(limit);
  return rows.map((row) => ({ person: row.person, score: roundScore(row.score) }));
}

/** A score with three decimals, as the API shows it. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
