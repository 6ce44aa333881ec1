/**
 * Name normalisation for fuzzy person search. Computed in the application (not with SQL unaccent,
 * which is not immutable) so PGlite and PostgreSQL store and compare exactly the same keys.
 */

// Letters that carry no combining mark to strip but have a plain Latin reading.
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  // Arabic and Persian spellings of the same letter, so native-script names compare alike.
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Lower-cases, strips accents and apostrophes, and turns every other separator into one space. */
export function normaliseName(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
      // Apostrophes and the ayn/hamza marks of transliterations: Sa'id, Ma’mun, Isma`il.
      .replace(/['’‘`´ʿʾʻʼ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
// Inside a word y and w are mostly vowel glides in transliterations (Husayn/Hussein, Dawud/Daoud).
const DROPPED = new Set([...VOWELS, 'y', 'w']);

/**
 * The consonant skeleton of one normalised word: Mohammed, Muhammad, Mohamed → mhmd;
 * Yusuf, Yousef, Youssef → ysf; Ahmad, Ahmed → ahmd. A leading vowel is kept as `a`
 * (Ibrahim/Ebrahim → abrhm, Omar/Umar → amr). Words in other scripts are returned as they are.
 */
export function wordSkeleton(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const folded = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/dj/g, 'j')
    .replace(/(.)\1+/g, '$1');
  const first = folded[0]!;
  let skeleton = VOWELS.has(first) ? 'a' : first;
  for (let i = 1; i < folded.length; i++) {
    const letter = folded[i]!;
    if (DROPPED.has(letter)) continue;
    // A final h after a vowel is silent: Fatimah/Fatima, Abdullah/Abdulla.
    if (letter === 'h' && i === folded.length - 1 && DROPPED.has(folded[i - 1]!)) continue;
    skeleton += letter;
  }
  return skeleton;
}

/** The skeleton of a whole name: the skeleton of each word, space-separated. */
export function nameSkeleton(text: string): string {
  return normaliseName(text)
    .split(' ')
    .filter((word) => word.length > 0)
    .map(wordSkeleton)
    .join(' ');
}

/** The names of a person that search compares. */
export interface PersonNames {
  givenName: string;
  familyName: string;
  givenNameNative?: string | null;
  familyNameNative?: string | null;
  aliases?: readonly string[] | null;
}

/** The stored search columns of a person: every name and alias, normalised and as skeletons. */
export function computeNameColumns(names: PersonNames): { nameKey: string; nameSkeleton: string } {
  const entries = [
    `${names.givenName} ${names.familyName}`,
    [names.givenNameNative, names.familyNameNative].filter(Boolean).join(' '),
    ...(names.aliases ?? []),
  ];
  const keys = unique(entries.map(normaliseName));
  const skeletons = unique(keys.map(nameSkeleton));
  return { nameKey: keys.join(' '), nameSkeleton: skeletons.join(' ') };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
