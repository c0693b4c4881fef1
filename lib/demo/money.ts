/**
 * Money in integer cents (kuruş). OpenCart stores decimal(15,4) strings and mysql2 returns them as
 * strings; parsing to cents and formatting back keeps sums exact where floats would drift.
 */
export type Cents = number;

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d*))?$/;
const RATE_SCALE = 4;

/** A decimal string as an integer of 10^-scale units, rounded half up: ('279.9950', 2) → 28000. */
function parseScaled(value: string | number, scale: number): number {
  const text = typeof value === 'number' ? value.toFixed(scale + 2) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) throw new Error(`Not a decimal amount: "${text}"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const digits = fraction.padEnd(scale + 1, '0');
  const roundUp = Number(digits[scale]) >= 5 ? 1 : 0;
  const units = Number(whole) * 10 ** scale + Number(digits.slice(0, scale) || '0') + roundUp;
  return sign === '-' ? -units : units;
}

/** '279.9900' → 27999. */
export function parseMoney(value: string | number): Cents {
  return parseScaled(value, 2);
}

/** 27999 → '279.9900', the form OpenCart's decimal(15,4) columns hold. */
export function formatMoney(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Money must be whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}00`;
}

/** `percent` (a decimal(15,4) rate such as '20.0000') of an amount, rounded half up to the cent. */
export function percentOf(cents: Cents, percent: string): Cents {
  const rate = parseScaled(percent, RATE_SCALE);
  return Math.round((cents * rate) / (100 * 10 ** RATE_SCALE));
}
