import { z } from 'zod';
import { formatMoneyUnits, type MoneyUnits } from '@/lib/shop/money';

/** Canonical money has at most four decimals, as OpenCart's `decimal(15,4)` columns do. */
export const MAX_MONEY_DECIMALS = 4;

const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

/**
 * The decimal text a JSON number was written as, or null when that text cannot be recovered
 * exactly. JavaScript prints the shortest text that reads back as the same double, which is the
 * marketplace's literal whenever it had at most 15 significant digits (`899.90` → "899.9"); a float
 * artefact (`0.30000000000000004`), an exponent form or an integer past 2^53 is refused, never rounded.
 */
function exactDecimalText(n: number): string | null {
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return null;
  const text = String(n);
  const match = PLAIN_DECIMAL.exec(text);
  if (!match || (match[1]?.length ?? 0) > MAX_MONEY_DECIMALS) return null;
  return text;
}

/** A JSON number as a decimal string ("899.9"); throws on NaN, Infinity or more than four decimals. */
export function decimalFromJsonNumber(n: number): string {
  const text = exactDecimalText(n);
  if (text === null) throw new RangeError(`Not an amount with at most ${MAX_MONEY_DECIMALS} decimals: ${n}`);
  return text;
}

/** A money field sent as a JSON number, read into a decimal string; a bad number is an issue, not a throw. */
export const jsonMoneySchema = z.number().transform((n, ctx) => {
  const text = exactDecimalText(n);
  if (text === null) {
    ctx.issues.push({ code: 'custom', message: `an amount with at most ${MAX_MONEY_DECIMALS} decimals`, input: n });
    return z.NEVER;
  }
  return text;
});

/** A computed amount (lib/shop/money units) written like the amounts passed through: `5249000n` → "524.9". */
export function decimalFromMoneyUnits(units: MoneyUnits): string {
  return formatMoneyUnits(units).replace(/\.?0+$/, '');
}

/** N11 and Pazarama write the Turkish lira as `TL`; canonical events carry ISO 4217 codes. */
export function isoCurrencyCode(marketplaceCode: string): string {
  const code = marketplaceCode.trim().toUpperCase();
  return code === 'TL' ? 'TRY' : code;
}
