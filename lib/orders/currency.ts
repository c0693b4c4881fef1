import { parseMoney, type MoneyUnits } from '@/lib/shop/money';

/** `oc_currency.value` is `double(15,8)`: the rate is read at that precision. */
const RATE_SCALE = 8;
const RATE_PATTERN = /^(\d+)(?:\.(\d{1,8}))?$/;

/** A currency row's rate as integer units of 1e-8 (`0.78460002` → 78460002n). */
export function parseRate(rate: string): bigint {
  const match = RATE_PATTERN.exec(rate.trim());
  if (!match) throw new Error(`Not a currency rate: "${rate}"`);
  const [, whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction.padEnd(RATE_SCALE, '0')}`);
  if (units === 0n) throw new Error('A currency rate of 0 cannot convert anything');
  return units;
}

/**
 * An amount in the order's currency converted into the shop's default currency. OpenCart keeps every
 * money column of an order in the default currency and the order's own rate in `currency_value`, and
 * shows `amount * currency_value` to the buyer; the inverse is `amount / currency_value`, rounded half
 * away from zero to four decimals.
 */
export function toDefaultCurrency(amount: string, rate: string): MoneyUnits {
  const numerator = parseMoney(amount) * 10n ** BigInt(RATE_SCALE);
  const divisor = parseRate(rate);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / divisor;
  const rounded = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}
