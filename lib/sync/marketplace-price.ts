import { formatMoneyUnits, parseMoney, roundMoney, type MoneyUnits } from '@/lib/shop/money';

/**
 * Marketplaces take prices with two decimals (kuruş, cents): OpenCart's four are rounded half away
 * from zero, as OpenCart's own currency format does, and a change below a cent is no change.
 */
export const MARKETPLACE_PRICE_DECIMALS = 2;

/** An OpenCart `decimal(15,4)` amount as the marketplace will receive it, stored back with four decimals: `"12.3456"` → `"12.3500"`. */
export function toMarketplacePrice(value: string): string {
  return formatMoneyUnits(roundMoney(parseMoney(value), MARKETPLACE_PRICE_DECIMALS));
}

/** `"12.3500"` → `"12.35"`: the decimal string a client puts on the wire. */
export function marketplacePriceText(value: string): string {
  const units: MoneyUnits = roundMoney(parseMoney(value), MARKETPLACE_PRICE_DECIMALS);
  const text = formatMoneyUnits(units);
  return text.slice(0, text.length - (4 - MARKETPLACE_PRICE_DECIMALS));
}

/** Equal amounts, whatever their number of decimals (`"12.35"` and `"12.3500"`); null equals only null. */
export function samePrice(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return parseMoney(a) === parseMoney(b);
}
