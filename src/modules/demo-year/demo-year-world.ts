// The world a demo year happens in: the countries migrants return to (with the airport they fly
// to and the languages they speak), names by region, the team's languages and the routes of
// transit and arriving passengers. Data only.

/** A country of return: its main airport, its languages (most spoken first) and its name pool. */
export interface ReturnCountry {
  code: string;
  airport: string;
  languages: readonly string[];
  pool: NamePoolKey;
  /** Relative share of the caseload. */
  weight: number;
}

type NamePoolKey =
  | 'arabic'
  | 'turkish'
  | 'persian'
  | 'caucasus'
  | 'balkan'
  | 'slavic'
  | 'centralAsian'
  | 'eastAsian'
  | 'horn'
  | 'eastAfrican'
  | 'westAfrican'
  | 'francophone'
  | 'lusophone'
  | 'southAsian'
  | 'southeastAsian'
  | 'hispanic'
  | 'caribbean';

/** Given names (male, female) and family names of a region, as written on documents. */
export const namePools: Record<NamePoolKey, { male: string[]; female: string[]; family: string[] }> = {
  arabic: {
    male: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Youssef', 'Karim', 'Hassan', 'Khaled', 'Samir', 'Tarek'],
    female: ['Fatima', 'Amina', 'Layla', 'Sara', 'Noor', 'Huda', 'Mariam', 'Salma', 'Rania'],
    family: [
      'Haddad',
      'Mansour',
      'Saleh',
      'Khalil',
      'Nasser',
      'Aziz',
      'Hamdan',
      'Rahman',
      'Ibrahim',
      'Darwish',
    ],
  },
  turkish: {
    male: ['Mehmet', 'Mustafa', 'Emre', 'Burak', 'Murat', 'Elvin', 'Orhan', 'Serkan'],
    female: ['Ayse', 'Elif', 'Zeynep', 'Emine', 'Leyla', 'Gunel', 'Merve'],
    family: ['Yilmaz', 'Kaya', 'Demir', 'Celik', 'Aliyev', 'Ozturk', 'Arslan', 'Mammadov'],
  },
  persian: {
    male: ['Reza', 'Hamid', 'Farid', 'Ahmad', 'Mahmoud', 'Javad', 'Nasir', 'Hossein'],
    female: ['Zahra', 'Maryam', 'Shirin', 'Parisa', 'Fereshteh', 'Nargis', 'Soraya'],
    family: ['Hosseini', 'Rahimi', 'Ahmadi', 'Karimi', 'Sultani', 'Nazari', 'Mohammadi', 'Jafari'],
  },
  caucasus: {
    male: ['Giorgi', 'Levan', 'Davit', 'Armen', 'Tigran', 'Irakli', 'Gor', 'Nika'],
    female: ['Nino', 'Tamar', 'Ani', 'Mariam', 'Lusine', 'Eka', 'Anahit'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Petrosyan', 'Hakobyan', 'Lomidze', 'Sargsyan'],
  },
  balkan: {
    male: ['Arben', 'Besnik', 'Dragan', 'Nikola', 'Ivan', 'Milan', 'Edin', 'Georgi'],
    female: ['Elona', 'Jelena', 'Ana', 'Mirela', 'Amra', 'Desislava', 'Milica'],
    family: ['Hoxha', 'Krasniqi', 'Jovanovic', 'Petrovic', 'Begic', 'Ivanov', 'Dimitrov', 'Shehu'],
  },
  slavic: {
    male: ['Aleksandr', 'Dmitry', 'Sergey', 'Andrei', 'Pavel', 'Maksim', 'Igor'],
    female: ['Olga', 'Natalia', 'Elena', 'Irina', 'Tatiana', 'Svetlana', 'Anna'],
    family: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Volkov', 'Novikov', 'Morozov'],
  },
  centralAsian: {
    male: ['Timur', 'Rustam', 'Aziz', 'Bakhtiyor', 'Nurlan', 'Dilshod', 'Farrukh'],
    female: ['Dilnoza', 'Aigerim', 'Madina', 'Gulnara', 'Zarina', 'Nodira'],
    family: ['Karimov', 'Nazarbayev', 'Rakhimov', 'Yusupov', 'Sharipov', 'Tursunov', 'Abdullaev'],
  },
  eastAsian: {
    male: ['Wei', 'Jun', 'Bat-Erdene', 'Ganbold', 'Hao', 'Lei', 'Temuulen'],
    female: ['Mei', 'Li Na', 'Oyunchimeg', 'Xiu', 'Enkhjargal', 'Yan'],
    family: ['Wang', 'Zhang', 'Chen', 'Batbayar', 'Dorj', 'Liu', 'Ganbaatar'],
  },
  horn: {
    male: ['Tesfay', 'Dawit', 'Yonas', 'Abdirahman', 'Mohamed', 'Bereket', 'Abdi'],
    female: ['Helen', 'Selam', 'Hodan', 'Ayan', 'Tsega', 'Fiori', 'Hibo'],
    family: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Warsame', 'Ahmed', 'Kidane', 'Farah'],
  },
  eastAfrican: {
    male: ['John', 'Joseph', 'Emmanuel', 'Baraka', 'Kato', 'Innocent', 'Thabo', 'Chisomo'],
    female: ['Grace', 'Faith', 'Mercy', 'Amani', 'Nakato', 'Thandiwe', 'Esther'],
    family: ['Mwangi', 'Otieno', 'Okello', 'Mugisha', 'Banda', 'Phiri', 'Ndlovu', 'Kamau'],
  },
  westAfrican: {
    male: ['Chinedu', 'Emeka', 'Kwame', 'Kofi', 'Ibrahim', 'Musa', 'Mohamed', 'Tunde'],
    female: ['Ngozi', 'Abena', 'Fatou', 'Aisha', 'Chioma', 'Mariama', 'Efua'],
    family: ['Okafor', 'Mensah', 'Bangura', 'Kamara', 'Adeyemi', 'Jallow', 'Boateng', 'Sesay'],
  },
  francophone: {
    male: ['Mamadou', 'Ousmane', 'Jean', 'Moussa', 'Boubacar', 'Patrice', 'Koffi'],
    female: ['Aminata', 'Mariam', 'Fatoumata', 'Aissatou', 'Brigitte', 'Awa', 'Rokia'],
    family: ['Diallo', 'Traore', 'Camara', 'Kabila', 'Ndiaye', 'Kone', 'Ouedraogo', 'Mbeki'],
  },
  lusophone: {
    male: ['Joao', 'Manuel', 'Antonio', 'Domingos', 'Paulo', 'Carlos'],
    female: ['Maria', 'Ana', 'Isabel', 'Luzia', 'Teresa', 'Rosa'],
    family: ['dos Santos', 'Fernandes', 'Lopes', 'Tavares', 'Gomes', 'Mendes'],
  },
  southAsian: {
    male: ['Imran', 'Rahul', 'Arjun', 'Kamal', 'Sanjay', 'Bilal', 'Nuwan', 'Rajesh'],
    female: ['Priya', 'Ayesha', 'Sunita', 'Nadia', 'Kavya', 'Sita', 'Farzana'],
    family: ['Khan', 'Sharma', 'Hossain', 'Perera', 'Shrestha', 'Singh', 'Ahmed', 'Gurung'],
  },
  southeastAsian: {
    male: ['Budi', 'Jose', 'Somchai', 'Minh', 'Ahmad', 'Rizal', 'Anan', 'Tuan'],
    female: ['Siti', 'Maria', 'Malee', 'Lan', 'Dewi', 'Rosa', 'Nur'],
    family: ['Santoso', 'Reyes', 'Saetang', 'Nguyen', 'Abdullah', 'Cruz', 'Wijaya', 'Tran'],
  },
  hispanic: {
    male: ['Juan', 'Carlos', 'Luis', 'Jorge', 'Andres', 'Miguel', 'Jose', 'Diego'],
    female: ['Maria', 'Ana', 'Carmen', 'Lucia', 'Paola', 'Daniela', 'Sofia'],
    family: ['Garcia', 'Rodriguez', 'Martinez', 'Lopez', 'Gonzalez', 'Perez', 'Ramirez', 'Torres'],
  },
  caribbean: {
    male: ['Jean-Baptiste', 'Marlon', 'Andre', 'Ricardo', 'Rishi', 'Dwayne', 'Kenneth'],
    female: ['Marie', 'Shanice', 'Kimberly', 'Nadia', 'Sharmila', 'Tamara'],
    family: ['Pierre', 'Brown', 'Williams', 'Ramdin', 'Joseph', 'Campbell', 'Baldewsingh'],
  },
};

const c = (
  code: string,
  airport: string,
  languages: string[],
  pool: NamePoolKey,
  weight = 1,
): ReturnCountry => ({
  code,
  airport,
  languages,
  pool,
  weight,
});

/** The 84 countries of return, with their main airport. */
export const returnCountries: readonly ReturnCountry[] = [
  c('IQ', 'EBL', ['ar', 'ku'], 'arabic', 14),
  c('MA', 'CMN', ['ar', 'fr'], 'arabic', 8),
  c('DZ', 'ALG', ['ar', 'fr'], 'arabic', 7),
  c('LB', 'BEY', ['ar', 'fr'], 'arabic', 2),
  c('JO', 'AMM', ['ar'], 'arabic'),
  c('EG', 'CAI', ['ar'], 'arabic', 2),
  c('TN', 'TUN', ['ar', 'fr'], 'arabic', 2),
  c('LY', 'TIP', ['ar'], 'arabic'),
  c('SD', 'KRT', ['ar', 'en'], 'arabic'),
  c('TR', 'IST', ['tr', 'ku'], 'turkish', 6),
  c('AZ', 'GYD', ['az', 'ru'], 'turkish', 2),
  c('IR', 'IKA', ['fa'], 'persian', 6),
  c('AF', 'KBL', ['fa', 'ps'], 'persian', 8),
  c('GE', 'TBS', ['ka', 'ru'], 'caucasus', 9),
  c('AM', 'EVN', ['hy', 'ru'], 'caucasus', 5),
  c('AL', 'TIA', ['sq'], 'balkan', 5),
  c('RS', 'BEG', ['sr'], 'balkan', 2),
  c('MK', 'SKP', ['mk', 'sq'], 'balkan', 2),
  c('BA', 'SJJ', ['bs'], 'balkan'),
  c('ME', 'TGD', ['sr'], 'balkan'),
  c('BG', 'SOF', ['bg'], 'balkan'),
  c('RU', 'SVO', ['ru'], 'slavic', 2),
  c('BY', 'MSQ', ['be', 'ru'], 'slavic'),
  c('KZ', 'ALA', ['kk', 'ru'], 'centralAsian'),
  c('UZ', 'TAS', ['uz', 'ru'], 'centralAsian'),
  c('TJ', 'DYU', ['tg', 'ru'], 'centralAsian'),
  c('MN', 'ULN', ['mn'], 'eastAsian', 4),
  c('CN', 'PEK', ['zh'], 'eastAsian', 4),
  c('ER', 'ASM', ['ti', 'ar'], 'horn', 6),
  c('ET', 'ADD', ['am', 'en'], 'horn', 2),
  c('SO', 'MGQ', ['so', 'ar'], 'horn', 5),
  c('KE', 'NBO', ['sw', 'en'], 'eastAfrican', 2),
  c('UG', 'EBB', ['en', 'sw'], 'eastAfrican', 2),
  c('TZ', 'DAR', ['sw', 'en'], 'eastAfrican'),
  c('RW', 'KGL', ['rw', 'fr'], 'eastAfrican'),
  c('ZM', 'LUN', ['en'], 'eastAfrican'),
  c('MW', 'LLW', ['en'], 'eastAfrican'),
  c('ZA', 'JNB', ['en'], 'eastAfrican'),
  c('NG', 'LOS', ['en', 'yo'], 'westAfrican', 8),
  c('GH', 'ACC', ['en'], 'westAfrican', 2),
  c('SL', 'FNA', ['en'], 'westAfrican'),
  c('LR', 'ROB', ['en'], 'westAfrican'),
  c('GM', 'BJL', ['en'], 'westAfrican'),
  c('GN', 'CKY', ['fr'], 'francophone', 2),
  c('CM', 'DLA', ['fr', 'en'], 'francophone'),
  c('CD', 'FIH', ['fr'], 'francophone'),
  c('SN', 'DSS', ['fr'], 'francophone'),
  c('CI', 'ABJ', ['fr'], 'francophone'),
  c('TG', 'LFW', ['fr'], 'francophone'),
  c('BF', 'OUA', ['fr'], 'francophone'),
  c('ML', 'BKO', ['fr'], 'francophone'),
  c('AO', 'LAD', ['pt'], 'lusophone'),
  c('CV', 'RAI', ['pt'], 'lusophone'),
  c('PK', 'ISB', ['ur', 'en'], 'southAsian', 2),
  c('IN', 'DEL', ['hi', 'en'], 'southAsian', 2),
  c('BD', 'DAC', ['bn'], 'southAsian'),
  c('LK', 'CMB', ['si'], 'southAsian'),
  c('NP', 'KTM', ['ne'], 'southAsian'),
  c('ID', 'CGK', ['id'], 'southeastAsian', 2),
  c('PH', 'MNL', ['tl', 'en'], 'southeastAsian', 2),
  c('TH', 'BKK', ['th'], 'southeastAsian', 2),
  c('VN', 'SGN', ['vi'], 'southeastAsian'),
  c('MY', 'KUL', ['ms', 'en'], 'southeastAsian'),
  c('BR', 'GRU', ['pt'], 'lusophone', 5),
  c('CO', 'BOG', ['es'], 'hispanic', 4),
  c('MX', 'MEX', ['es'], 'hispanic'),
  c('VE', 'CCS', ['es'], 'hispanic', 2),
  c('PE', 'LIM', ['es'], 'hispanic'),
  c('EC', 'UIO', ['es'], 'hispanic'),
  c('BO', 'VVI', ['es'], 'hispanic'),
  c('CL', 'SCL', ['es'], 'hispanic'),
  c('AR', 'EZE', ['es'], 'hispanic'),
  c('DO', 'SDQ', ['es'], 'hispanic', 2),
  c('CU', 'HAV', ['es'], 'hispanic'),
  c('PY', 'ASU', ['es'], 'hispanic'),
  c('NI', 'MGA', ['es'], 'hispanic'),
  c('HN', 'SAP', ['es'], 'hispanic'),
  c('SV', 'SAL', ['es'], 'hispanic'),
  c('GT', 'GUA', ['es'], 'hispanic'),
  c('HT', 'PAP', ['fr'], 'caribbean'),
  c('JM', 'KIN', ['en'], 'caribbean'),
  c('TT', 'POS', ['en'], 'caribbean'),
  c('GY', 'GEO', ['en'], 'caribbean'),
  c('SR', 'PBM', ['nl', 'en'], 'caribbean', 3),
];

/** The country of return with that code. */
export function returnCountry(code: string): ReturnCountry {
  const found = returnCountries.find((country) => country.code === code);
  if (!found) throw new Error(`No return country ${code}`);
  return found;
}

/**
 * Nationals of a country that is not one of the returns, who move on to a third country where they
 * hold a residence permit (Syrians with a permit in Türkiye, Lebanon, Jordan...).
 */
export const thirdCountryMovers = { nationality: 'SY', languages: ['ar'], pool: 'arabic' as NamePoolKey };

/** The languages the counselling team speaks, the most needed first (a smaller team speaks the first ones). */
export const teamLanguages = [
  'en',
  'ar',
  'fr',
  'es',
  'ru',
  'fa',
  'tr',
  'pt',
  'ka',
  'sq',
  'hy',
  'mn',
  'zh',
  'ti',
  'so',
  'ur',
  'am',
  'sw',
  'ku',
  'nl',
] as const;

/** Where passengers transiting through Schiphol come from (a European or North American airport). */
export const transitOrigins = ['LHR', 'JFK', 'YYZ', 'CPH', 'MAD', 'ATH', 'DXB'] as const;

/** Where refugees and reunited family members arriving at Schiphol board. */
export const arrivalOrigins = ['NBO', 'BEY', 'CAI', 'KUL', 'AMM', 'IST', 'ADD'] as const;

/** The airport of the mission's airport desk. */
export const MISSION_AIRPORT = 'AMS';

/** Airlines flying the routes, by IATA code. */
export const airlines = ['KL', 'TK', 'QR', 'EK', 'ET', 'AF', 'LH', 'KQ'] as const;
