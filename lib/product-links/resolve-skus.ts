import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { productLinks } from '@/lib/db/schema';
import type { SkuMatchField } from '@/lib/marketplaces/names';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';

export type MatchedProduct = { productId: number; model: string; via: 'link' | SkuMatchField };

export type SkuResolution = {
  products: Map<string, MatchedProduct>;
  /** Neither a link nor the account's rule finds a product. */
  unknown: string[];
  /** The rule finds several products of the store: only a link can say which. */
  ambiguous: Array<{ sku: string; productIds: number[] }>;
  /** A link whose product has since been deleted from the shop. */
  brokenLinks: Array<{ sku: string; productId: number }>;
};

/**
 * msc_product_link compares SKUs with its utf8mb4_unicode_ci collation (so does its unique key):
 * a link saved as `ABC-1` is the one for `abc-1`. Mapped back with the same leniency.
 */
const sameLinkSku = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

async function readLinks(db: DbOrTx, accountId: number, skus: string[]) {
  if (skus.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ sku: productLinks.marketplaceSku, productId: productLinks.ocProductId })
    .from(productLinks)
    .where(and(eq(productLinks.accountId, accountId), inArray(productLinks.marketplaceSku, skus)));
  const linked = new Map<string, number>();
  for (const sku of skus) {
    const row = rows.find((r) => sameLinkSku(r.sku, sku));
    if (row) linked.set(sku, row.productId);
  }
  return linked;
}

/**
 * The account's rule: the OpenCart column named by `skuMatch`, compared exactly (byte for byte, where
 * the shop's utf8_general_ci would ignore case and trailing spaces) with the SKU as OpenCart stores
 * text, HTML-escaped. Any product status counts (a disabled product still sells on the marketplace);
 * only products of the tenant's store do.
 */
async function matchByRule(tdb: TenantDb, field: SkuMatchField, skus: string[]) {
  const matches = new Map<string, Array<{ productId: number; model: string }>>();
  const stored = new Map(skus.filter((s) => s.trim() !== '').map((s) => [encodeOpenCartText(s), s]));
  if (stored.size === 0) return matches;
  const { db, oc, tenant } = tdb;
  const column = oc.product[field];
  const rows = await db
    .select({ productId: oc.product.productId, model: oc.product.model, value: column })
    .from(oc.product)
    .innerJoin(oc.productToStore, and(eq(oc.productToStore.productId, oc.product.productId), eq(oc.productToStore.storeId, tenant.storeId)))
    .where(inArray(sql`CAST(${column} AS BINARY)`, [...stored.keys()]));
  for (const row of rows) {
    const sku = stored.get(row.value);
    if (sku === undefined) continue;
    matches.set(sku, [...(matches.get(sku) ?? []), { productId: row.productId, model: row.model }]);
  }
  return matches;
}

/**
 * OpenCart products for marketplace SKUs: an explicit msc_product_link first, else the account's
 * matching rule. Reads only; the caller decides whether an unknown SKU stops it.
 */
export async function resolveSkus(
  db: DbOrTx,
  tdb: TenantDb,
  input: { accountId: number; skuMatch: SkuMatchField; skus: readonly string[] },
): Promise<SkuResolution> {
  const skus = [...new Set(input.skus)];
  const result: SkuResolution = { products: new Map(), unknown: [], ambiguous: [], brokenLinks: [] };
  const linked = await readLinks(db, input.accountId, skus);

  const linkedIds = [...new Set(linked.values())];
  const linkedProducts = linkedIds.length
    ? await tdb.db
        .select({ productId: tdb.oc.product.productId, model: tdb.oc.product.model })
        .from(tdb.oc.product)
        .where(inArray(tdb.oc.product.productId, linkedIds))
    : [];
  for (const [sku, productId] of linked) {
    const product = linkedProducts.find((p) => p.productId === productId);
    if (product) result.products.set(sku, { ...product, via: 'link' });
    else result.brokenLinks.push({ sku, productId });
  }

  const byRule = await matchByRule(tdb, input.skuMatch, skus.filter((s) => !linked.has(s)));
  for (const sku of skus) {
    if (linked.has(sku)) continue;
    const candidates = byRule.get(sku) ?? [];
    const [only, ...others] = candidates;
    if (!only) result.unknown.push(sku);
    else if (others.length > 0) result.ambiguous.push({ sku, productIds: candidates.map((c) => c.productId) });
    else result.products.set(sku, { ...only, via: input.skuMatch });
  }
  return result;
}
