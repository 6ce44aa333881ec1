import type { GrantType } from './schema.js';

/** The limits a new grant is checked against, in one currency, and where they came from. */
export interface GrantCaps {
  currency: string;
  /** The most of a grant that may be paid in cash at departure; null: no cash part allowed. */
  cashPart: string | null;
  /** The most a grant of this type may be; null: no known limit. */
  total: string | null;
  /** Recorded on the grant so the check can be reproduced ("policy v3", "default configuration"). */
  source: string;
}

/**
 * The caps used until the dated policy tables answer them (tariff items cash_part_cap,
 * inkind_budget_* and medical_budget): the published figures in force since 2017-07-01, at most
 * EUR 300 in cash and EUR 2,800 in kind (the highest per-person budget, for minors). The medical
 * budget's amount is not published, so medical and partner grants have no total cap here.
 */
export function defaultGrantCaps(type: GrantType): GrantCaps {
  return {
    currency: 'EUR',
    cashPart: '300.00',
    total: type === 'economic' ? '2800.00' : null,
    source: 'default configuration (2017-07-01 figures)',
  };
}
