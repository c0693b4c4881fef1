import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ShopPricing } from '@/lib/sync/read-shop-stock-prices';
import type { TenantDb } from '@/lib/tenants/tenant-db';

export type PricedProduct = {
  productId: number;
  price: string;
  taxClassId: number;
  /** The special a guest sees now, as OpenCart's getProduct() picks it. */
  special: string | null;
  /** The lowest of its categories (0 for none): the one whose rules and elasticity it falls back on. */
  categoryId: number;
};

/**
 * Enabled products of the tenant's store, by id, after `afterProductId` (or exactly `productIds`).
 * The special is chosen as readShopStockPrices chooses it (default customer group, started, not ended,
 * priority then price).
 */
export async function readProductChunk(
  shop: TenantDb,
  pricing: ShopPricing,
  select: { afterProductId: number; limit: number } | { productIds: readonly number[] },
): Promise<PricedProduct[]> {
  const { product: p, productSpecial: ps, productToStore: pts, productToCategory: ptc } = shop.oc;
  const now = sql`CAST(${pricing.shopNow} AS DATETIME)`;
  const query = shop.db
    .select({
      productId: p.productId,
      price: p.price,
      taxClassId: p.taxClassId,
      special: sql<string | null>`(
        SELECT ps.price FROM ${ps} ps
        WHERE ps.product_id = ${p.productId}
          AND ps.customer_group_id = ${pricing.customerGroupId}
          AND (ps.date_start = '0000-00-00' OR ps.date_start < ${now})
          AND (ps.date_end = '0000-00-00' OR ps.date_end > ${now})
        ORDER BY ps.priority ASC, ps.price ASC
        LIMIT 1
      )`,
      categoryId: sql<number | null>`(SELECT MIN(c.category_id) FROM ${ptc} c WHERE c.product_id = ${p.productId})`,
    })
    .from(p)
    .innerJoin(pts, and(eq(pts.productId, p.productId), eq(pts.storeId, shop.tenant.storeId)));
  const rows =
    'productIds' in select
      ? await query.where(and(eq(p.status, 1), inArray(p.productId, [...select.productIds])))
      : await query.where(and(eq(p.status, 1), gt(p.productId, select.afterProductId))).orderBy(asc(p.productId)).limit(select.limit);
  return rows.map((r) => ({ ...r, special: r.special === null ? null : String(r.special), categoryId: Number(r.categoryId ?? 0) }));
}
