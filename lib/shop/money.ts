/**
 * Money as OpenCart stores it: `decimal(15,4)` strings from mysql2. Arithmetic runs on bigint
 * units of 1/10 000 so that sums, products and conversions never pass through floats; only
 * display code (and the demo's demand model) turns an amount into a Number.
 */

/** OpenCart money columns are `decimal(15,4)`. */
export const MONEY_SCALE = 4;

/** An amount in integer units of 1/10 000, as `parseMoney` returns it: `"12.5000"` is `125000n`. */
export type MoneyUnits = bigint;

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d*))?$/;
const PERCENT_SCALE = 2;

type ScaledDecimal = { units: bigint; scale: number };

function parseDecimal(value: string): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) throw new Error(`Not a decimal number: "${value}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Rescales to `scale` decimals, rounding half away from zero (what MySQL's ROUND does for DECIMAL). */
function rescale({ units, scale: from }: ScaledDecimal, scale: number): bigint {
  if (from <= scale) return units * 10n ** BigInt(scale - from);
  const divisor = 10n ** BigInt(from - scale);
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const quotient = magnitude / divisor;
  const rounded = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** Rounds to `decimals` places (at most MONEY_SCALE) and returns money units. */
function toMoneyUnits(value: ScaledDecimal, decimals: number): MoneyUnits {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MONEY_SCALE) {
    throw new Error(`Money rounds to 0..${MONEY_SCALE} decimals, not ${decimals}`);
  }
  return rescale(value, decimals) * 10n ** BigInt(MONEY_SCALE - decimals);
}

/** A decimal string ("12.5", "-3", "0.12345") as integer units of 1/10 000. */
export function parseMoney(value: string): MoneyUnits {
  return toMoneyUnits(parseDecimal(value), MONEY_SCALE);
}

/** Integer units of 1/10 000 back to a `decimal(15,4)`-shaped string, e.g. `"12.5000"`. */
export function formatMoneyUnits(units: MoneyUnits): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(MONEY_SCALE + 1, '0');
  const point = digits.length - MONEY_SCALE;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The amount rounded half away from zero to `decimals` places: `(12.3456, 2)` → `12.3500`. */
export function roundMoney(units: MoneyUnits, decimals: number): MoneyUnits {
  return toMoneyUnits({ units, scale: MONEY_SCALE }, decimals);
}

/**
 * `percent` (a rate as OpenCart stores it, e.g. tax_rate.rate `"20.0000"`) of an amount, rounded once,
 * half away from zero, to `decimals` places: `(279.9900, "20", 2)` → `56.0000`.
 */
export function percentOfMoney(units: MoneyUnits, percent: string, decimals: number = MONEY_SCALE): MoneyUnits {
  const rate = parseDecimal(percent);
  return toMoneyUnits({ units: units * rate.units, scale: MONEY_SCALE + rate.scale + PERCENT_SCALE }, decimals);
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
  return formatMoneyUnits(toMoneyUnits({ units: a.units * r.units, scale: a.scale + r.scale }, MONEY_SCALE));
}
