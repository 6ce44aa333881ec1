/** A plain number such as -12.50 or +3: it cannot be a formula, so it stays as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** What a spreadsheet reads as the start of a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell for a CSV or XLSX export that a spreadsheet will show as text, never run: a value
 * starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a name such as
 * `=HYPERLINK(...)` sent by a partner reaches the sheet as the text it is. Every exporter writes
 * its cells through this function.
 */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
