/**
 * Money as OpenCart stores it: `decimal(15,4)` strings from mysql2. Arithmetic runs on bigint
 * units of 1/10 000 so that sums and conversions never pass through floats; only display code
 * turns a money string into a Number.
 */

/** OpenCart money columns are `decimal(15,4)`. */
export const MONEY_SCALE = 4;
const MONEY_UNIT = 10n ** BigInt(MONEY_SCALE);

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d*))?$/;

type ScaledDecimal = { units: bigint; scale: number };

function parseDecimal(value: string): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) throw new Error(`Not a decimal number: "${value}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Rescales to MONEY_SCALE, rounding half away from zero (what MySQL's ROUND does for DECIMAL). */
function toMoneyUnits({ units, scale }: ScaledDecimal): bigint {
  if (scale <= MONEY_SCALE) return units * 10n ** BigInt(MONEY_SCALE - scale);
  const divisor = 10n ** BigInt(scale - MONEY_SCALE);
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const quotient = magnitude / divisor;
  const rounded = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** A decimal string ("12.5", "-3", "0.12345") as integer units of 1/10 000. */
export function parseMoney(value: string): bigint {
  return toMoneyUnits(parseDecimal(value));
}

/** Integer units of 1/10 000 back to a `decimal(15,4)`-shaped string, e.g. `"12.5000"`. */
export function formatMoneyUnits(units: bigint): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const whole = magnitude / MONEY_UNIT;
  const fraction = (magnitude % MONEY_UNIT).toString().padStart(MONEY_SCALE, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** The same amount with exactly four decimals: `"7"` → `"7.0000"`. */
export function normalizeMoney(value: string): string {
  return formatMoneyUnits(parseMoney(value));
}

export function sumMoney(values: readonly string[]): string {
  return formatMoneyUnits(values.reduce((total, value) => total + parseMoney(value), 0n));
}

export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const difference = parseMoney(a) - parseMoney(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * An amount in the default currency converted with an exchange rate, as OpenCart shows an order
 * in the currency it was placed in (`total * currency_value`), rounded to four decimals.
 */
export function convertMoney(amount: string, rate: string): string {
  const a = parseDecimal(amount);
  const r = parseDecimal(rate);
  return formatMoneyUnits(toMoneyUnits({ units: a.units * r.units, scale: a.scale + r.scale }));
}
