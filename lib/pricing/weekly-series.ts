import { WEEK_MS, type WeeklySeries } from './demand-model';
import type { ProductWeeklySales } from './stream-weekly-sales';

/**
 * A product's weeks from its first sale on (weeks before it was on sale are not weeks of no demand),
 * with the average net price paid each week. OpenCart keeps no price history, so a week without sales
 * carries the last price paid (the first one, before any).
 */
export function toWeeklySeries(sales: ProductWeeklySales | undefined, firstWeekMs: number): WeeklySeries | null {
  if (!sales) return null;
  const first = sales.units.findIndex((u) => u > 0);
  if (first < 0) return null;
  const units: number[] = [];
  const prices: number[] = [];
  let price = sales.revenue[first]! / sales.units[first]!;
  for (let t = first; t < sales.units.length; t++) {
    const u = sales.units[t]!;
    if (u > 0 && sales.revenue[t]! > 0) price = sales.revenue[t]! / u;
    units.push(u);
    prices.push(price);
  }
  return { firstWeekMs: firstWeekMs + first * WEEK_MS, units, prices };
}
