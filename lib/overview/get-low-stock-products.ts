import { and, asc, eq, lte } from 'drizzle-orm';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/** A product with this many units or fewer is listed as low on stock. */
export const LOW_STOCK_THRESHOLD = 5;
export const LOW_STOCK_LIMIT = 20;

export type LowStockProduct = {
  productId: number;
  /** In the store's language, entities decoded; null when the product has no name in that language. */
  name: string | null;
  model: string;
  sku: string;
  /** May be negative: OpenCart subtracts stock without clamping. */
  quantity: number;
};

export type LowStockProductsOptions = { settings: StoreSettings; threshold?: number; limit?: number };

/** Enabled products of the tenant's store at or below the threshold, fewest units first. */
export async function getLowStockProducts(
  tdb: TenantDb,
  { settings, threshold = LOW_STOCK_THRESHOLD, limit = LOW_STOCK_LIMIT }: LowStockProductsOptions,
): Promise<LowStockProduct[]> {
  const { product: p, productDescription: pd, productToStore: p2s } = tdb.oc;
  const rows = await tdb.db
    .select({
      productId: p.productId,
      name: pd.name,
      model: p.model,
      sku: p.sku,
      quantity: p.quantity,
    })
    .from(p)
    .innerJoin(p2s, and(eq(p2s.productId, p.productId), eq(p2s.storeId, tdb.tenant.storeId)))
    .leftJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, settings.languageId)))
    .where(and(eq(p.status, 1), lte(p.quantity, threshold)))
    .orderBy(asc(p.quantity), asc(p.productId))
    .limit(limit);

  return rows.map((row) => ({
    productId: row.productId,
    name: row.name === null ? null : decodeHtmlEntities(row.name),
    model: decodeHtmlEntities(row.model),
    sku: decodeHtmlEntities(row.sku),
    quantity: row.quantity,
  }));
}
