// Writes bench/person-search-ranking.json: the fixed set of ranking queries of the person-search
// benchmark. Run once; the file is committed, and every run at every size checks the same queries.
//
//   npx tsx bench/make-ranking-set.ts && npx biome format --write bench/person-search-ranking.json
//
// 64 persons to find, made like the population (common given names, a father's name on most, a rare
// or a mid-list family name), and for each the names a caseworker might type: a misspelling, another
// transliteration, given and family name swapped, a part left out, and on every third person a
// transliteration with a part left out.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/modules/demo/seeded-random.js';
import { FAMILY, femaleGiven, maleGiven, misspell, tailFamilyName, transliterate } from './person-names.js';

const TARGETS = 64;
const rng = seededRandom(20_261_207);

interface RankingPerson {
  key: string;
  givenName: string;
  familyName: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
  nationalities: string[];
}
interface RankingQuery {
  /** What is typed: given then family. */
  givenName: string;
  familyName: string;
  kind: 'misspelling' | 'transliteration' | 'swapped' | 'missing_part' | 'transliteration_missing_part';
  /** The key of the person the query must find. */
  person: string;
}

const persons: RankingPerson[] = [];
const queries: RankingQuery[] = [];
const words = (text: string) => text.split(' ');

for (let n = 0; n < TARGETS; n++) {
  const sex = rng.chance(0.7) ? 'male' : 'female';
  const first = sex === 'male' ? maleGiven.draw(rng) : femaleGiven.draw(rng);
  const father = rng.chance(0.7) ? maleGiven.draw(rng) : null;
  // Two in three have a rare family name; the others one from the middle of the listed names.
  const familyName = rng.chance(0.67) ? tailFamilyName(rng) : FAMILY[rng.int(15, FAMILY.length - 1)]!;
  const givenName = father ? `${first} ${father}` : first;
  const key = `p${String(n + 1).padStart(3, '0')}`;
  const year = rng.int(1960, 2015);
  persons.push({
    key,
    givenName,
    familyName,
    sex,
    dateOfBirth: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    nationalities: [rng.pick(['IQ', 'AF', 'SY', 'MA', 'SO', 'ER', 'IR', 'DZ'])],
  });
  const add = (kind: RankingQuery['kind'], given: string, family: string) =>
    queries.push({ givenName: given, familyName: family, kind, person: key });

  // A misspelling of one word, the given or the family name.
  if (rng.chance(0.5)) {
    const parts = words(givenName);
    const at = rng.int(0, parts.length - 1);
    parts[at] = misspell(rng, parts[at]!);
    add('misspelling', parts.join(' '), familyName);
  } else {
    add(
      'misspelling',
      givenName,
      words(familyName)
        .map((w, i) => (i === 0 ? misspell(rng, w) : w))
        .join(' '),
    );
  }
  // Every word in another transliteration where it has one.
  add(
    'transliteration',
    words(givenName)
      .map((w) => transliterate(rng, w))
      .join(' '),
    transliterate(rng, familyName),
  );
  // Family name typed as the given name and the other way round.
  add('swapped', familyName, givenName);
  // The father's name left out, or only the start of a single given name.
  if (father) add('missing_part', first, familyName);
  else add('missing_part', first.slice(0, Math.max(3, first.length - 2)), familyName);
  if (n % 3 === 0)
    add('transliteration_missing_part', transliterate(rng, first), transliterate(rng, familyName));
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'person-search-ranking.json');
await writeFile(
  file,
  `${JSON.stringify(
    {
      description:
        "Ranking set of bench/person-search.ts: each query must find its person in the top 5 of GET /persons/search (q = given + family) and of POST /persons/duplicates (with the person's date of birth and nationality). Made by bench/make-ranking-set.ts.",
      persons,
      queries,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `${persons.length} persons, ${queries.length} queries written to ${path.relative(process.cwd(), file)}`,
);
