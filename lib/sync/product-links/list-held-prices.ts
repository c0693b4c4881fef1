import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { productLinks, syncListingStates } from '@/lib/db/schema';

export type HeldPrice = {
  stateId: number;
  marketplaceSku: string;
  productId: number | null;
  /** The shop's new price, held for review. */
  price: string;
  /** What the marketplace holds (or is about to). */
  basePrice: string | null;
  heldAt: string | null;
};

/** A safe upper bound for one page's review list; the jobs page's outbox panel pages the rest. */
export const HELD_PRICES_LIMIT = 100;

/** Price changes of an account waiting for an admin's review, oldest first. */
export async function listHeldPrices(db: DbOrTx, tenantId: number, accountId: number): Promise<HeldPrice[]> {
  const rows = await db
    .select({
      stateId: syncListingStates.id,
      marketplaceSku: syncListingStates.marketplaceSku,
      productId: productLinks.ocProductId,
      price: syncListingStates.heldPrice,
      basePrice: syncListingStates.heldBasePrice,
      heldAt: syncListingStates.heldAt,
    })
    .from(syncListingStates)
    .leftJoin(
      productLinks,
      and(eq(productLinks.accountId, syncListingStates.accountId), sql`${productLinks.marketplaceSku} = ${syncListingStates.marketplaceSku}`),
    )
    .where(and(eq(syncListingStates.tenantId, tenantId), eq(syncListingStates.accountId, accountId), isNotNull(syncListingStates.heldPrice)))
    .orderBy(asc(syncListingStates.heldAt), asc(syncListingStates.id))
    .limit(HELD_PRICES_LIMIT);
  return rows.map((row) => ({ ...row, price: row.price ?? '0', heldAt: row.heldAt?.toISOString() ?? null }));
}
