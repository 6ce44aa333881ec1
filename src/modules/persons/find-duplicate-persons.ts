import { and, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import {
  datesOfBirthMatch,
  ESTIMATE_TOLERANCE_YEARS,
  rateDuplicate,
  sharesNationality,
} from './duplicate-reasons.js';
import type { CreatePerson, DuplicateReason } from './person-schemas.js';
import { type PersonRow, persons } from './schema.js';
import {
  CANDIDATES_PER_PART,
  candidateNames,
  idAmong,
  nameMatches,
  nameScore,
  toNameQuery,
} from './search-persons.js';

/** The most duplicate candidates returned. */
export const DUPLICATE_LIMIT = 10;
// Name look-alikes examined per registration: enough that a common name (Mohammed Ali) with the
// same date of birth is not crowded out, since the SQL already requires a date or nationality in reach.
const NAME_CANDIDATES = 100;

/** A person who may be the one being registered. */
export interface DuplicateCandidate {
  person: PersonRow;
  score: number;
  reasons: DuplicateReason[];
}

/**
 * Persons of the mission who may be the person being registered: a similar name and a matching
 * date of birth (at the coarser precision) or a shared nationality, most likely first. The
 * candidates are those of search (`candidateNames`, a few hundred whatever the name) and everyone
 * born on the same day, in the same month or year as recorded at a coarser precision (an index
 * lookup of a few dozen rows), so that among thousands of Mohammed Alis the one born the same day
 * is always examined.
 */
export async function findDuplicatePersons(
  db: Executor,
  missionId: string,
  input: Pick<
    CreatePerson,
    'givenName' | 'familyName' | 'dateOfBirth' | 'dateOfBirthPrecision' | 'nationalities'
  >,
  options: { excludePersonId?: string } = {},
): Promise<DuplicateCandidate[]> {
  const query = toNameQuery(`${input.givenName} ${input.familyName}`);
  const nationalities = input.nationalities ?? [];
  const inReach = [dateOfBirthInReach(input.dateOfBirth), nationalityShared(nationalities)].filter(
    (condition): condition is SQL => condition !== null,
  );
  if (!query || inReach.length === 0) return [];
  const score = nameScore(query);
  const rows = await db
    .select({ person: persons, nameScore: score })
    .from(persons)
    .where(
      and(
        eq(persons.missionId, missionId),
        idAmong([
          ...candidateNames(missionId, query, CANDIDATES_PER_PART),
          ...(input.dateOfBirth ? [sameBirthDate(missionId, input.dateOfBirth)] : []),
        ]),
        nameMatches(query),
        inReach.length === 1 ? inReach[0] : sql`(${sql.join(inReach, sql` or `)})`,
        options.excludePersonId ? ne(persons.id, options.excludePersonId) : undefined,
      ),
    )
    .orderBy(desc(score), desc(persons.id))
    .limit(NAME_CANDIDATES);
  const candidates: DuplicateCandidate[] = [];
  for (const row of rows) {
    const rating = rateDuplicate({
      nameScore: row.nameScore,
      dateOfBirth: datesOfBirthMatch(
        { date: input.dateOfBirth, precision: input.dateOfBirthPrecision },
        { date: row.person.dateOfBirth, precision: row.person.dateOfBirthPrecision },
      ),
      nationality: sharesNationality(nationalities, row.person.nationalities),
    });
    if (rating) candidates.push({ person: row.person, ...rating });
  }
  return candidates.sort((a, b) => b.score - a.score).slice(0, DUPLICATE_LIMIT);
}

// The persons recorded with this date of birth, or with its month or year at a coarser precision.
function sameBirthDate(missionId: string, date: string): SQL {
  const dates = [date, `${date.slice(0, 7)}-01`, `${date.slice(0, 4)}-01-01`];
  return sql`(select ${persons.id} from ${persons}
    where ${persons.missionId} = ${missionId} and ${persons.dateOfBirth} in (${sql.join(
      dates.map((value) => sql`${value}::date`),
      sql`, `,
    )}))`;
}

// A wide window the precise, precision-aware comparison then narrows: no precision reaches further.
function dateOfBirthInReach(date: string | undefined): SQL | null {
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  const from = `${String(year - ESTIMATE_TOLERANCE_YEARS).padStart(4, '0')}-01-01`;
  const to = `${String(year + ESTIMATE_TOLERANCE_YEARS).padStart(4, '0')}-12-31`;
  return sql`${persons.dateOfBirth} between ${from}::date and ${to}::date`;
}

function nationalityShared(nationalities: readonly string[]): SQL | null {
  if (nationalities.length === 0) return null;
  const codes = sql.join(
    nationalities.map((code) => sql`${code}`),
    sql`, `,
  );
  return sql`${persons.nationalities} && array[${codes}]::text[]`;
}
