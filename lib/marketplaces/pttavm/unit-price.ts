import { parseMoney } from '@/lib/shop/money';
import { decimalFromMoneyUnits } from '../shared/money';

/**
 * PttAVM gives each line's total only [sdk]: the unit price is that total shared out over the
 * quantity, to four decimals, half away from zero, and is informational (the total stays exact).
 */
export function unitPriceOfLine(total: string, quantity: number): string {
  const units = parseMoney(total);
  const count = BigInt(quantity);
  const magnitude = units < 0n ? -units : units;
  const share = (magnitude * 2n + count) / (2n * count);
  return decimalFromMoneyUnits(units < 0n ? -share : share);
}
