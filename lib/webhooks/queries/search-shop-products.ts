import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/** The "map this SKU" picker shows this many matches; a longer list means the search needs narrowing. */
export const PRODUCT_SEARCH_LIMIT = 10;

export const productSearchSchema = z.string().trim().min(1).max(64);

export type ShopProductMatch = {
  productId: number;
  /** In the store's language, entities decoded; null when it has none in that language. */
  name: string | null;
  model: string;
  sku: string;
};

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Products of the tenant's store matching a search: the product id exactly, or the text within the
 * model, SKU or name. OpenCart stores text HTML-escaped, so the search text is escaped the same way.
 */
export async function searchShopProducts(
  tdb: TenantDb,
  { query, languageId, limit = PRODUCT_SEARCH_LIMIT }: { query: string; languageId: number; limit?: number },
): Promise<ShopProductMatch[]> {
  const { product: p, productDescription: pd, productToStore: p2s } = tdb.oc;
  const text = productSearchSchema.parse(query);
  const pattern = likeContains(encodeOpenCartText(text));
  const matches: SQL[] = [like(p.model, pattern), like(p.sku, pattern), like(pd.name, pattern)];
  if (/^\d{1,10}$/.test(text)) matches.push(eq(p.productId, Number(text)));
  const rows = await tdb.db
    .select({ productId: p.productId, name: pd.name, model: p.model, sku: p.sku })
    .from(p)
    .innerJoin(p2s, and(eq(p2s.productId, p.productId), eq(p2s.storeId, tdb.tenant.storeId)))
    .leftJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, languageId)))
    .where(or(...matches))
    .orderBy(asc(p.productId))
    .limit(limit);
  return rows.map((row) => ({
    productId: row.productId,
    name: row.name === null ? null : decodeHtmlEntities(row.name),
    model: decodeHtmlEntities(row.model),
    sku: decodeHtmlEntities(row.sku),
  }));
}
