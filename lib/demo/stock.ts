/**
 * Stock as OpenCart leaves it after the history: for products with subtract = 1, every order whose
 * last status is in config_processing_status ∪ config_complete_status took its units (orders that
 * were canceled or refunded were restocked when they left those statuses). Restocking deliveries are
 * not modelled; instead the opening stock is chosen so the closing stock lands where a real shop's
 * would: most products comfortably stocked, a few at 5 units or fewer for the low-stock list, none
 * negative. Products with subtract = 0 are left as they were, as OpenCart leaves them.
 */
import { and, eq } from 'drizzle-orm';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { rngFor } from './prng';
import type { CatalogueProduct } from './store-context';

/** The dashboard's low-stock threshold the demo aims under. */
export const LOW_STOCK_THRESHOLD = 5;
const LOW_STOCK_SHARE = 0.15;
const MIN_LOW_STOCK_PRODUCTS = 2;
/** Other products end holding this many months of their average sales, plus a little. */
const COVER_MONTHS_MIN = 1;
const COVER_MONTHS_MAX = 4;
const MIN_COMFORTABLE_STOCK = 12;

export type StockMove = { productId: number; openingQuantity: number; soldQuantity: number; closingQuantity: number };

export function planClosingStock(args: {
  seed: number;
  products: readonly CatalogueProduct[];
  soldUnits: ReadonlyMap<number, number>;
  months: number;
}): StockMove[] {
  const rng = rngFor(args.seed, 'stock');
  const tracked = args.products.filter((p) => p.subtract);
  const lowCount = Math.min(tracked.length, Math.max(MIN_LOW_STOCK_PRODUCTS, Math.round(tracked.length * LOW_STOCK_SHARE)));
  // A seeded shuffle picks which products run low.
  const order = tracked.map((p) => ({ p, key: rng.next() })).sort((a, b) => a.key - b.key);
  return order.map(({ p }, i) => {
    const sold = args.soldUnits.get(p.productId) ?? 0;
    const cover = COVER_MONTHS_MIN + rng.next() * (COVER_MONTHS_MAX - COVER_MONTHS_MIN);
    const closing = i < lowCount
      ? rng.int(0, LOW_STOCK_THRESHOLD)
      : Math.max(MIN_COMFORTABLE_STOCK, Math.round((sold / args.months) * cover)) + rng.int(0, 20);
    return { productId: p.productId, openingQuantity: closing + sold, soldQuantity: sold, closingQuantity: closing };
  }).sort((a, b) => a.productId - b.productId);
}

/** Sets each tracked product's quantity to its closing stock; the `subtract = 1` guard is OpenCart's own. */
export async function writeClosingStock(db: Db, oc: OpenCartTables, moves: readonly StockMove[]) {
  for (const move of moves) {
    await db
      .update(oc.product)
      .set({ quantity: move.closingQuantity })
      .where(and(eq(oc.product.productId, move.productId), eq(oc.product.subtract, 1)));
  }
}
