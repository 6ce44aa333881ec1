import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../platform/db/database.js';
import { safeCell } from '../../platform/exports/safe-cell.js';

/** One month and programme of the offsetting report. */
export interface OffsettingRow {
  month: string;
  programme: string;
  flights: number;
  passengerFlights: number;
  passengerKm: number;
  co2Kg: string;
}

/**
 * CO2 to offset by month (of departure, local at the airport) and programme: every flight of a
 * confirmed, current booking times its passengers who did not cancel or fail to show. Summed in
 * SQL numerics, so the kilograms stay exact decimals.
 */
export function selectOffsettingReport(
  db: Executor,
  options: { missionId: string; from: string; to: string },
): Promise<OffsettingRow[]> {
  return selectRows<OffsettingRow>(
    db,
    sql`
      select to_char(s.departure_local_date, 'YYYY-MM') as month, b.programme,
        count(distinct s.id)::int as flights,
        count(*)::int as "passengerFlights",
        sum(s.distance_km)::int as "passengerKm",
        sum(s.co2_kg)::numeric(14, 2)::text as "co2Kg"
      from booking_segments s
      join bookings b on b.mission_id = s.mission_id and b.id = s.booking_id
      join booking_passengers bp on bp.mission_id = b.mission_id and bp.booking_id = b.id
      where s.mission_id = ${options.missionId} and b.status = 'confirmed'
        and bp.status not in ('cancelled', 'no_show')
        and s.departure_local_date >= ${`${options.from}-01`}::date
        and s.departure_local_date < (${`${options.to}-01`}::date + interval '1 month')
      group by 1, 2
      order by 1, 2`,
  );
}

/** The report as RFC 4180 CSV. */
export function offsettingCsv(rows: readonly OffsettingRow[]): string {
  return stringify(
    rows.map((row) =>
      [row.month, row.programme, row.flights, row.passengerFlights, row.passengerKm, row.co2Kg].map(safeCell),
    ),
    {
      header: true,
      columns: ['Month', 'Programme', 'Flights', 'Passenger flights', 'Passenger km', 'kg CO2e'],
      record_delimiter: 'windows',
    },
  );
}
