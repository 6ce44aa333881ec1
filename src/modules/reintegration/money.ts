import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for the ledger. 40 significant digits hold any numeric(14,2) amount times any
 * numeric(18,6) rate exactly, so only the final rounding to the cent ever loses anything.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** An amount as the API writes it: up to 12 digits, optionally a point and 1 or 2 decimals. */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
/** An exchange rate to EUR: up to 12 digits and up to 6 decimals. */
export const RATE_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;
/** An ISO 4217 currency code. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Parses a decimal string (already validated by a pattern) into an exact Money value. */
export function money(value: string | Money): Money {
  return new Money(value);
}

/** Formats an amount with exactly two decimals, as numeric(14,2) stores it. */
export function toAmount(value: Money): string {
  return value.toFixed(2);
}

/**
 * The EUR equivalent of an amount at a rate (EUR per unit of the currency), rounded half-up to the
 * cent. Half-up is the rule of Council Regulation (EC) No 1103/97 art. 5 for amounts converted to
 * euro, and what receipts and bank statements show, so the ledger matches the paper. Half-even would
 * only matter on exact half-cent ties, which six-decimal rates rarely produce.
 */
export function convertToEur(amount: string, rateToEur: string): string {
  return money(amount).times(money(rateToEur)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
