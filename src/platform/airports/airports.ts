import airportData from 'airport-data-js';

/** An airport as the rest of Passage sees it, whatever dataset sits behind. */
export interface Airport {
  iata: string;
  name: string;
  /** The dataset carries no city; kept in the shape so a richer dataset can fill it later. */
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  /** IANA time zone, e.g. Europe/Amsterdam. */
  timeZone: string;
}

// The dataset decompresses its 18,000 rows on first use (about 1.5 s), so it is read once per
// process and kept as a map by IATA code; closed airports and malformed zones are left out.
let index: Promise<Map<string, Airport>> | null = null;

const checkedZones = new Map<string, boolean>();

function isValidZone(zone: string): boolean {
  let valid = checkedZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    checkedZones.set(zone, valid);
  }
  return valid;
}

async function buildIndex(): Promise<Map<string, Airport>> {
  const rows = await airportData.findAirports({});
  const map = new Map<string, Airport>();
  for (const row of rows) {
    if (!/^[A-Z]{3}$/.test(row.iata ?? '') || row.type === 'closed' || !isValidZone(row.time)) continue;
    map.set(row.iata, {
      iata: row.iata,
      name: row.airport,
      city: null,
      country: row.country_code,
      lat: row.latitude,
      lon: row.longitude,
      timeZone: row.time,
    });
  }
  return map;
}

/** Every airport with an IATA code, loaded once. */
export function loadAirportIndex(): Promise<Map<string, Airport>> {
  index ??= buildIndex().catch((error) => {
    index = null;
    throw error;
  });
  return index;
}

/** The airport with this IATA code, or null when the dataset does not know it. */
export async function lookupAirport(iata: string): Promise<Airport | null> {
  const map = await loadAirportIndex();
  return map.get(iata.trim().toUpperCase()) ?? null;
}
