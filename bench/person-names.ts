// Names for the person-search benchmark: a population whose names follow the heavy-tailed
// distribution of a return mission's registrants (a few given names such as Mohamed, Ahmed and Ali
// carried by a large share of the people, family names from a short head and a long tail), and the
// spelling variants the ranking set's queries are made from.
import type { SeededRandom } from '../src/modules/demo/seeded-random.js';

/** Draws from a list with Zipf-like weights (1 / rank^exponent), by binary search on the cumulative weights. */
export interface WeightedList {
  draw(rng: SeededRandom): string;
  readonly items: readonly string[];
}

export function zipf(items: readonly string[], exponent: number): WeightedList {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank++) {
    total += 1 / rank ** exponent;
    cumulative.push(total);
  }
  return {
    items,
    draw(rng) {
      const roll = rng.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! > roll) high = middle;
        else low = middle + 1;
      }
      return items[low]!;
    },
  };
}

// Most frequent first. Spelling variants are separate names with their own frequency, as on documents.
export const MALE_GIVEN = [
  'Mohamed',
  'Mohammed',
  'Ahmed',
  'Ali',
  'Muhammad',
  'Mohammad',
  'Hassan',
  'Hussein',
  'Omar',
  'Ahmad',
  'Mahmoud',
  'Mustafa',
  'Ibrahim',
  'Youssef',
  'Abdullah',
  'Khaled',
  'Yusuf',
  'Karim',
  'Hamza',
  'Abdul',
  'Bilal',
  'Samir',
  'Tariq',
  'Rashid',
  'Walid',
  'Jamal',
  'Nabil',
  'Adel',
  'Said',
  'Amir',
  'Reza',
  'Hamid',
  'Farid',
  'Haider',
  'Abbas',
  'Sami',
  'Ismail',
  'Idris',
  'Osman',
  'Abdelkader',
  'Sofiane',
  'Nassim',
  'Amine',
  'Mehdi',
  'Ayoub',
  'Rachid',
  'Yousif',
  'Mostafa',
  'Hossein',
  'Abdirahman',
  'Zabihullah',
  'Naveed',
  'Karwan',
  'Chinedu',
  'Emeka',
  'Tunde',
  'Musa',
  'Obinna',
  'Giorgi',
  'Davit',
  'Levan',
  'Irakli',
  'Oleksandr',
  'Andriy',
  'Dmytro',
  'Tesfaye',
  'Yonas',
  'Dawit',
  'Abdi',
  'Mehmet',
  'Emre',
  'Hayk',
  'Armen',
  'Aram',
  'Anwar',
  'Faisal',
  'Salah',
  'Jaber',
  'Marwan',
  'Ziad',
] as const;

export const FEMALE_GIVEN = [
  'Fatima',
  'Aisha',
  'Amina',
  'Maryam',
  'Zainab',
  'Khadija',
  'Sara',
  'Nour',
  'Huda',
  'Zahra',
  'Mariam',
  'Fatma',
  'Leila',
  'Samira',
  'Yasmin',
  'Salma',
  'Hana',
  'Rana',
  'Asma',
  'Meriem',
  'Ngozi',
  'Chioma',
  'Nino',
  'Tamar',
  'Olena',
  'Iryna',
  'Selam',
  'Hawa',
  'Fadumo',
  'Asha',
  'Shilan',
  'Imane',
  'Nadia',
  'Houda',
  'Lina',
  'Dina',
  'Rania',
  'Soraya',
  'Parisa',
  'Marwa',
] as const;

/** Family names as listed (the head of the distribution). */
export const FAMILY = [
  'Ali',
  'Ahmed',
  'Mohamed',
  'Hassan',
  'Hussein',
  'Ibrahim',
  'Khan',
  'Abdullah',
  'Karimi',
  'Rahimi',
  'Hosseini',
  'Ahmadi',
  'Mohammadi',
  'Osman',
  'Yusuf',
  'Omar',
  'Saleh',
  'Mahmoud',
  'Al-Jabouri',
  'Haddad',
  'Mansour',
  'Benali',
  'Haidari',
  'Rezaei',
  'Mousavi',
  'Jafari',
  'Sultani',
  'Popal',
  'Noorzai',
  'Stanikzai',
  'Al-Obaidi',
  'Kareem',
  'Rashid',
  'Jaafar',
  'Barzani',
  'Abdi',
  'Farah',
  'Warsame',
  'Hersi',
  'Tesfaye',
  'Kidane',
  'Ghebremedhin',
  'Okafor',
  'Adeyemi',
  'Okonkwo',
  'Eze',
  'Beridze',
  'Kapanadze',
  'Gelashvili',
  'Maisuradze',
  'Shevchenko',
  'Kovalenko',
  'Bondarenko',
  'Melnyk',
  'Yilmaz',
  'Kaya',
  'Demir',
  'Sahin',
  'Grigoryan',
  'Petrosyan',
  'Hakobyan',
  'El Idrissi',
  'Alaoui',
  'Bennani',
  'El Amrani',
  'Tazi',
  'Boudiaf',
  'Belkacem',
  'Mansouri',
  'Saidi',
  'Bouzid',
  'Al-Hassan',
  'Al-Khatib',
  'Al-Masri',
  'Darwish',
  'Khalil',
  'Nasser',
  'Hamdan',
  'Qasim',
  'Sharif',
  'Siddiqui',
  'Qureshi',
  'Chaudhry',
  'Malik',
  'Butt',
  'Hashemi',
  'Sadeghi',
  'Akbari',
  'Azizi',
  'Nazari',
  'Safi',
  'Wardak',
  'Zadran',
  'Mangal',
  'Kakar',
  'Achakzai',
  'Al-Tamimi',
  'Al-Dulaimi',
  'Al-Shammari',
  'Al-Zubaidi',
] as const;

// The long tail: family names put together from syllables, as rare as real ones (tens of thousands).
const TAIL_FIRST = [
  'Ab',
  'Al',
  'Ba',
  'Bar',
  'Da',
  'Dar',
  'Fa',
  'Gha',
  'Ha',
  'Ja',
  'Ka',
  'Kha',
  'La',
  'Ma',
  'Mu',
  'Na',
  'Qa',
  'Ra',
  'Sa',
  'Sha',
  'Ta',
  'Wa',
  'Ya',
  'Za',
  'O',
  'E',
  'I',
  'Be',
  'Ke',
  'Te',
  'Go',
  'No',
] as const;
const TAIL_MIDDLE = [
  'bar',
  'dal',
  'fir',
  'gan',
  'had',
  'jib',
  'kar',
  'lam',
  'mad',
  'nab',
  'qad',
  'ram',
  'sab',
  'tal',
  'wad',
  'zam',
  'bu',
  'di',
  'ge',
  'hu',
  'ki',
  'lo',
  'me',
  'ni',
  'ra',
  'su',
  'tu',
  'zi',
] as const;
const TAIL_LAST = [
  'i',
  'ani',
  'awi',
  'zadeh',
  'zai',
  'yan',
  'dze',
  'shvili',
  'enko',
  'oglu',
  'ouri',
  'ari',
  'in',
  'an',
  'er',
  'oui',
  'iri',
  'ov',
  'emi',
  'ah',
] as const;

/** A rare family name: one of 32 × 28 × 28 × 20 syllable combinations (about 500,000). */
export function tailFamilyName(rng: SeededRandom): string {
  const middle = rng.chance(0.6) ? rng.pick(TAIL_MIDDLE) : '';
  const name = `${rng.pick(TAIL_FIRST)}${rng.pick(TAIL_MIDDLE)}${middle}${rng.pick(TAIL_LAST)}`;
  return rng.chance(0.12) ? `Al-${name}` : name;
}

/** Spellings of the same name in other transliterations, both ways where it is common. */
export const VARIANTS: Record<string, readonly string[]> = {
  Mohamed: ['Mohammed', 'Muhammad', 'Mohamad', 'Muhammed'],
  Mohammed: ['Mohamed', 'Muhammad', 'Mohammad'],
  Muhammad: ['Mohammed', 'Mohamed', 'Mohammad'],
  Mohammad: ['Muhammad', 'Mohamed', 'Mohamad'],
  Ahmed: ['Ahmad', 'Ahmet'],
  Ahmad: ['Ahmed'],
  Ali: ['Aly', 'Alee'],
  Hassan: ['Hasan', 'Hassen'],
  Hussein: ['Husayn', 'Hussain', 'Husein', 'Hossein'],
  Hossein: ['Hussein', 'Hosein'],
  Omar: ['Umar', 'Omer'],
  Mahmoud: ['Mahmud', 'Mahmood'],
  Mustafa: ['Mostafa', 'Moustafa', 'Mustapha'],
  Mostafa: ['Mustafa'],
  Ibrahim: ['Ebrahim', 'Ibrahem', 'Brahim'],
  Youssef: ['Yusuf', 'Yousef', 'Youssouf'],
  Yusuf: ['Youssef', 'Yousef', 'Yousif'],
  Yousif: ['Yusuf', 'Youssef'],
  Abdullah: ['Abdallah', 'Abdulla'],
  Khaled: ['Khalid', 'Khaleed'],
  Karim: ['Kareem', 'Karem'],
  Kareem: ['Karim'],
  Hamza: ['Hamzah', 'Hamze'],
  Rashid: ['Rachid', 'Rasheed'],
  Rachid: ['Rashid'],
  Said: ['Saeed', 'Sayed', 'Saied'],
  Walid: ['Waleed'],
  Jamal: ['Gamal', 'Djamal'],
  Nabil: ['Nabeel'],
  Adel: ['Adil'],
  Amir: ['Ameer', 'Emir'],
  Reza: ['Riza'],
  Hamid: ['Hameed'],
  Farid: ['Fareed'],
  Haider: ['Hayder', 'Haidar'],
  Abbas: ['Abas'],
  Ismail: ['Ismael', 'Esmail'],
  Idris: ['Idriss', 'Edris'],
  Osman: ['Othman', 'Uthman', 'Usman'],
  Abdelkader: ['Abdulqadir', 'Abdel Kader', 'Abdelkadir'],
  Abdirahman: ['Abdulrahman', 'Abdurahman', 'Abdel Rahman'],
  Zabihullah: ['Zabiullah', 'Zabihollah'],
  Naveed: ['Navid'],
  Fatima: ['Fatma', 'Fatemeh', 'Fatimah'],
  Fatma: ['Fatima'],
  Aisha: ['Aicha', 'Ayesha', 'Aysha'],
  Amina: ['Aminah', 'Ameena'],
  Maryam: ['Mariam', 'Meryem', 'Meriem'],
  Mariam: ['Maryam'],
  Zainab: ['Zeinab', 'Zaynab'],
  Khadija: ['Khadidja', 'Khadijah', 'Hatice'],
  Nour: ['Noor', 'Nur'],
  Huda: ['Houda', 'Hoda'],
  Zahra: ['Zehra', 'Zohra'],
  Leila: ['Layla', 'Laila'],
  Yasmin: ['Yasmine', 'Jasmin'],
  Salma: ['Selma'],
  Asma: ['Esma'],
  Oleksandr: ['Aleksandr', 'Alexander'],
  Andriy: ['Andrii', 'Andrey'],
  Dmytro: ['Dmitry', 'Dmitri'],
  Giorgi: ['George', 'Georgi'],
  Davit: ['David'],
  Tesfaye: ['Tesfay', 'Tesfai'],
  Dawit: ['Dawid'],
  Mehmet: ['Mehmed'],
  Olena: ['Elena', 'Helen'],
  Iryna: ['Irina'],
  'Al-Jabouri': ['Al Jaburi', 'Aljabouri', 'Al-Jubouri'],
  'Al-Obaidi': ['Al Ubaidi', 'Alobaidi'],
  'Al-Hassan': ['Al Hasan', 'Alhassan'],
  'Al-Khatib': ['Al Khateeb', 'Alkhatib'],
  'Al-Masri': ['El Masry', 'Almasri'],
  'Al-Tamimi': ['Al Tamimi', 'Altamimi'],
  'Al-Dulaimi': ['Al Dulaymi', 'Aldulaimi'],
  'Al-Shammari': ['Al Shamari', 'Alshammari'],
  'Al-Zubaidi': ['Al Zubaydi', 'Alzubaidi'],
  Hosseini: ['Husseini', 'Hoseini'],
  Rahimi: ['Raheemi'],
  Karimi: ['Kareemi', 'Karimy'],
  Mohammadi: ['Muhammadi', 'Mohamadi'],
  Ahmadi: ['Ahmedi'],
  Rezaei: ['Rezai', 'Rezaie'],
  Mousavi: ['Musavi', 'Moussavi'],
  Jafari: ['Jaafari', 'Djafari'],
  Haidari: ['Haydari', 'Heidari'],
  Sultani: ['Soltani'],
  Mansour: ['Mansur', 'Mansoor'],
  Mansouri: ['Mansuri'],
  Saleh: ['Salih', 'Salah'],
  Jaafar: ['Jafar', 'Djafar'],
  Qasim: ['Kasim', 'Qassem'],
  Sharif: ['Shareef', 'Cherif'],
  Qureshi: ['Quraishi', 'Kureshi'],
  Chaudhry: ['Choudhury', 'Chaudhary'],
  Khalil: ['Khaleel'],
  Nasser: ['Naser', 'Nasir'],
  Darwish: ['Darwiche', 'Dervish'],
  Shevchenko: ['Shevtchenko'],
  Kovalenko: ['Kowalenko'],
  Yilmaz: ['Yilmas'],
  Grigoryan: ['Grigorian'],
  Petrosyan: ['Petrosian'],
  Hakobyan: ['Akopyan', 'Hakobian'],
  Gelashvili: ['Gelaschwili'],
  'El Idrissi': ['Idrissi', 'El Idrisi'],
  'El Amrani': ['Amrani', 'Elamrani'],
  Okonkwo: ['Okonkow'],
  Warsame: ['Warsami'],
};

/** A spelling of `word` in another transliteration: a listed variant, else a rule (ou→u, ee→i, e→a...). */
export function transliterate(rng: SeededRandom, word: string): string {
  const listed = VARIANTS[word];
  if (listed && listed.length > 0) return rng.pick(listed);
  const rules: [RegExp, string][] = [
    [/ou/, 'u'],
    [/ee/, 'i'],
    [/oo/, 'u'],
    [/kh/i, 'h'],
    [/q/, 'k'],
    [/a(?=[^aeiou]*$)/, 'e'],
    [/i(?=[^aeiou]*$)/, 'y'],
    [/sh/, 'ch'],
    [/z/, 's'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) {
      const changed = word.replace(pattern, replacement);
      return /^[a-z]/.test(changed) ? changed[0]!.toUpperCase() + changed.slice(1) : changed;
    }
  }
  return word;
}

/** A typing or hearing mistake in one word: a letter dropped, doubled, swapped with the next or a vowel changed. */
export function misspell(rng: SeededRandom, word: string): string {
  if (word.length < 4) return `${word}${word[word.length - 1]}`;
  const at = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default: {
      const vowels = 'aeiouy';
      const index = [...word].findIndex((letter, i) => i >= at && vowels.includes(letter));
      if (index < 0) return word.slice(0, at) + word.slice(at + 1);
      const replacement = vowels.replace(word[index]!, '')[rng.int(0, 4)]!;
      return word.slice(0, index) + replacement + word.slice(index + 1);
    }
  }
}

const NATIONALITIES = [
  'IQ',
  'AF',
  'SY',
  'MA',
  'DZ',
  'SO',
  'ER',
  'NG',
  'IR',
  'PK',
  'TR',
  'GE',
  'UA',
  'AM',
  'ET',
  'TN',
];

export const maleGiven = zipf(MALE_GIVEN, 0.85);
export const femaleGiven = zipf(FEMALE_GIVEN, 0.85);
export const listedFamily = zipf(FAMILY, 0.9);

/** The particulars of one person of the population, as registration would receive them. */
export interface PopulationPerson {
  givenName: string;
  familyName: string;
  aliases: string[];
  sex: 'male' | 'female';
  dateOfBirth: string;
  nationality: string;
}

/**
 * One person of the heavy-tailed population: given names from a Zipf list (about one man in ten is a
 * Mohamed of some spelling), a father's name as second given name on 40%, a listed family name on
 * 60% (Zipf) and a rare one from the long tail on 40%, a transliteration alias on 8%.
 */
export function populationPerson(rng: SeededRandom): PopulationPerson {
  const sex = rng.chance(0.7) ? 'male' : 'female';
  const first = sex === 'male' ? maleGiven.draw(rng) : femaleGiven.draw(rng);
  const givenName = rng.chance(0.4) ? `${first} ${maleGiven.draw(rng)}` : first;
  const familyName = rng.chance(0.6) ? listedFamily.draw(rng) : tailFamilyName(rng);
  const variants = VARIANTS[first];
  const aliases = variants && rng.chance(0.08) ? [`${rng.pick(variants)} ${familyName}`] : [];
  const year = rng.int(1955, 2020);
  const dateOfBirth = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { givenName, familyName, aliases, sex, dateOfBirth, nationality: rng.pick(NATIONALITIES) };
}
