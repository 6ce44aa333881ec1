// The policy as plain data, and which of it is in force on a date: pure functions, no database.
import type { AmountBasis, CountryListKind, ParameterKey, TariffItem } from './schema.js';

/** A dated row: null validFrom means "since always", null validTo "still in force" (both inclusive). */
export interface Dated {
  validFrom: string | null;
  validTo: string | null;
}

export interface CountryRule extends Dated {
  list: CountryListKind;
  country: string;
  note: string;
}

export interface Tariff extends Dated {
  item: TariffItem;
  /** Decimal string; null when the amount is not known. */
  amount: string | null;
  currency: string;
  basis: AmountBasis;
  startUnknown: boolean;
  note: string;
}

export interface Parameter extends Dated {
  key: ParameterKey;
  value: string;
  note: string;
}

/** A whole policy version with its rows. */
export interface PolicyVersion {
  id: string;
  version: number;
  effectiveFrom: string;
  note: string;
  createdBy: string | null;
  createdAt: Date | string;
  countryRules: CountryRule[];
  tariffs: Tariff[];
  parameters: Parameter[];
}

/** What applies on one date: the version chosen and only its rows valid that day. */
export interface PolicyOnDate {
  versionId: string;
  version: number;
  date: string;
  returnExcluded: CountryRule[];
  reintegrationExcluded: CountryRule[];
  tariffs: Partial<Record<TariffItem, Tariff>>;
  /** Tariff items known to the version but not applicable that day because their start date is unknown. */
  undatedTariffs: TariffItem[];
  previousDepartureYears: number | null;
  ukraineThirdCountryException: boolean;
}

/** True when a dated row applies on `date` (ISO YYYY-MM-DD; string order is date order). */
export function isValidOn(row: Dated, date: string): boolean {
  return (row.validFrom === null || row.validFrom <= date) && (row.validTo === null || date <= row.validTo);
}

/**
 * The version in force on `date`: the highest-numbered version whose effectiveFrom is on or before
 * that date. A later correction therefore applies from its own effective date, never backwards.
 */
export function versionInForce<V extends { version: number; effectiveFrom: string }>(
  versions: readonly V[],
  date: string,
): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (version.effectiveFrom > date) continue;
    if (!best || version.version > best.version) best = version;
  }
  return best;
}

/** The rows of a version that apply on `date`. */
export function policyOnDate(version: PolicyVersion, date: string): PolicyOnDate {
  const rules = version.countryRules.filter((rule) => isValidOn(rule, date));
  const tariffs: Partial<Record<TariffItem, Tariff>> = {};
  const undated = new Set<TariffItem>();
  for (const tariff of version.tariffs) {
    if (tariff.startUnknown) {
      undated.add(tariff.item);
      continue;
    }
    if (isValidOn(tariff, date)) tariffs[tariff.item] = tariff;
  }
  const parameter = (key: ParameterKey) =>
    version.parameters.find((row) => row.key === key && isValidOn(row, date))?.value ?? null;
  const years = parameter('previous_departure_years');
  return {
    versionId: version.id,
    version: version.version,
    date,
    returnExcluded: rules.filter((rule) => rule.list === 'return_excluded'),
    reintegrationExcluded: rules.filter((rule) => rule.list === 'reintegration_excluded'),
    tariffs,
    undatedTariffs: [...undated].filter((item) => !tariffs[item]),
    previousDepartureYears: years === null || !/^\d+$/.test(years) ? null : Number(years),
    ukraineThirdCountryException: parameter('ukraine_third_country_exception') === 'true',
  };
}
