// An independent model of the EUR conversion for the tests: integers only, no decimal library.

/** The same conversion done independently in integer arithmetic: cents × micro-rate, half-up. */
export function eurCentsByIntegers(amount: string, rate: string): bigint {
  const [units, fraction = ''] = amount.split('.');
  const cents = BigInt(units!) * 100n + BigInt(fraction.padEnd(2, '0'));
  const [rateUnits, rateFraction = ''] = rate.split('.');
  const microRate = BigInt(rateUnits!) * 1_000_000n + BigInt(rateFraction.padEnd(6, '0'));
  // cents × micro-rate is in units of 10^-8 EUR; back to cents is a division by 10^6.
  return (cents * microRate + 500_000n) / 1_000_000n;
}
