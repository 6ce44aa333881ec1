/** A policy version as the API sends it. */
export interface CountryRule {
  list: 'return_excluded' | 'reintegration_excluded';
  country: string;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}

export interface Tariff {
  item: string;
  amount: string | null;
  currency: string;
  basis: 'fixed' | 'minimum' | 'maximum';
  validFrom: string | null;
  validTo: string | null;
  startUnknown: boolean;
  note: string;
}

export interface Parameter {
  key: string;
  value: string;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}

export interface PolicyVersionHeader {
  id: string;
  version: number;
  effectiveFrom: string;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export interface PolicyVersion extends PolicyVersionHeader {
  countryRules: CountryRule[];
  tariffs: Tariff[];
  parameters: Parameter[];
}

export const TARIFF_ITEMS = [
  'return_allowance_adult',
  'return_allowance_child',
  'inkind_budget_adult',
  'inkind_budget_minor_with_family',
  'inkind_budget_unaccompanied_minor',
  'cash_part_cap',
  'post_arrival_assistance',
  'reintegration_in_kind',
  'medical_budget',
] as const;
export const PARAMETER_KEYS = ['previous_departure_years', 'ukraine_third_country_exception'] as const;
export const LISTS = ['return_excluded', 'reintegration_excluded'] as const;
export const BASES = ['fixed', 'minimum', 'maximum'] as const;
