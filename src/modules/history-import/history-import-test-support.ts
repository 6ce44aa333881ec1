// A seeded history file for the import's tests and its benchmark.
import { stringify } from 'csv-stringify/sync';
import { historyColumns } from './history-file.js';

export type HistoryRow = Partial<Record<keyof typeof historyColumns, string>>;

// Where each destination airport is: the counts below are taken from the file and this table only.
export const COUNTRY_OF: Record<string, string> = { EBL: 'IQ', LOS: 'NG', TBS: 'GE', IST: 'TR', CMN: 'MA' };
const NATIONALITIES = ['IQ', 'NG', 'GE', 'SY', 'MA'];

/** A seeded year of history: cases of 2023 to early 2025, most registered, decided, departed and granted in 2024. */
export function makeHistory(cases: number, seed = 7): HistoryRow[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const rows: HistoryRow[] = [];
  for (let i = 0; i < cases; i += 1) {
    // Special cases first: the night of 31 December on both sides, and cases of the year before.
    const special = i === 0 ? 'new-year-eve' : i === 1 ? 'new-year' : i < 4 ? 'last-year' : null;
    const year = special === 'last-year' ? 2023 : 2024;
    const month = 1 + Math.floor(random() * 9);
    const registered = `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`;
    const decided = `${year}-${pad(month + 1)}-${pad(1 + Math.floor(random() * 28))}`;
    let departure: string | null =
      random() < 0.75
        ? `${year}-${pad(month + 2)}-${pad(1 + Math.floor(random() * 28))}T${pad(6 + Math.floor(random() * 15))}:${pad(Math.floor(random() * 60))}`
        : null;
    if (special === 'new-year-eve') departure = '2024-12-31T23:30';
    if (special === 'new-year') departure = '2025-01-01T00:30';
    const destination = pick(Object.keys(COUNTRY_OF));
    const size = 1 + Math.floor(random() * 3);
    const outcome = departure
      ? pick(['eligible_return_and_reintegration', 'eligible_return'] as const)
      : pick(['eligible_return', 'ineligible'] as const);
    const grant =
      departure && outcome === 'eligible_return_and_reintegration'
        ? pick(['economic', 'medical'] as const)
        : null;
    const grantDay = special === 'new-year' ? '2025-01-03' : departure ? departure.slice(0, 10) : null;
    for (let p = 0; p < size; p += 1) {
      const row: HistoryRow = {
        case_id: `OLD-${1000 + i}`,
        given_name: `Given${i}x${p}`,
        family_name: `Family${i}`,
        sex: pick(['female', 'male']),
        date_of_birth: `${1960 + Math.floor(random() * 40)}`,
        nationality: p === 0 ? pick(NATIONALITIES) : COUNTRY_OF[destination]!,
      };
      if (p === 0) {
        Object.assign(row, {
          office: 'The Hague office',
          registered_at: registered,
          decision: outcome,
          decided_at: decided,
        });
        if (departure) {
          Object.assign(row, {
            departure_airport: 'AMS',
            arrival_airport: destination,
            departure_local: departure,
            arrival_local:
              departure.slice(0, 10) === '2024-12-31'
                ? '2025-01-01T05:00'
                : `${departure.slice(0, 10)}T23:59`,
            airline: 'KL',
            flight_number: String(100 + (i % 9000)),
          });
        }
        if (grant && grantDay) {
          const amount = grant === 'medical' ? '800.00' : pick(['1500.00', '2000.00']);
          Object.assign(row, {
            grant_type: grant,
            grant_amount: amount,
            grant_cash_amount: grant === 'economic' ? pick(['0', '300.00', amount]) : '0',
            grant_currency: 'EUR',
            granted_on: grantDay,
          });
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

/** The rows as a CSV file with every column. */
export const toCsv = (rows: HistoryRow[]) =>
  stringify(rows, { header: true, columns: Object.keys(historyColumns) });
