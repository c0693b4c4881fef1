import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries/shop-time-zone';
import { toShopDateTime } from '@/lib/orders/shop-clock';
import { compareMoney } from '@/lib/shop/money';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { toMarketplacePrice } from './marketplace-price';

/** OpenCart's installer sets config_customer_group_id to 1 ("Default"). */
const DEFAULT_CUSTOMER_GROUP_ID = 1;

/** What the shop's prices depend on, read once per run. */
export type ShopPricing = {
  /** config_currency: the currency oc_product.price is in. */
  currency: string;
  /** config_customer_group_id: whose specials a guest (and so a marketplace buyer) would see. */
  customerGroupId: number;
  /** The shop's wall clock, `YYYY-MM-DD HH:MM:SS`, as OpenCart's NOW() would read it. */
  shopNow: string;
};

/** A product's stock and price as the marketplaces should show them. */
export type ShopStockPrice = {
  /** OpenCart lets stock go negative; a marketplace cannot list less than nothing. */
  quantity: number;
  /** The effective sale price, rounded to the marketplace's two decimals (`"80.0000"`). */
  price: string;
  /** The price before a special: never below the sale price (Trendyol refuses a list price under it). */
  listPrice: string;
};

const customerGroupSchema = z.coerce.number().int().positive();

export async function readShopPricing(shop: TenantDb, now: Date): Promise<ShopPricing> {
  const settings = await getStoreSettings(shop);
  const { db, oc, tenant } = shop;
  const rows = await db
    .select({ storeId: oc.setting.storeId, value: oc.setting.value })
    .from(oc.setting)
    .where(
      and(
        eq(oc.setting.code, 'config'),
        eq(oc.setting.key, 'config_customer_group_id'),
        inArray(oc.setting.storeId, [...new Set([tenant.storeId, 0])]),
      ),
    );
  const row = rows.find((r) => r.storeId === tenant.storeId) ?? rows[0];
  const group = customerGroupSchema.safeParse(row?.value);
  return {
    currency: settings.currencyCode.slice(0, 3).toUpperCase(),
    customerGroupId: group.success ? group.data : DEFAULT_CUSTOMER_GROUP_ID,
    shopNow: toShopDateTime(now, shopTimeZone(settings)),
  };
}

/**
 * Quantity and effective price of products, in one query. The special is chosen as OpenCart 3's
 * catalog/model/catalog/product.php getProduct() chooses it: the shop's default customer group,
 * started (`date_start` '0000-00-00' or before now) and not ended (`date_end` '0000-00-00' or after
 * now), lowest priority first, then lowest price. Products that no longer exist are absent.
 */
export async function readShopStockPrices(
  shop: TenantDb,
  productIds: readonly number[],
  pricing: ShopPricing,
): Promise<Map<number, ShopStockPrice>> {
  const result = new Map<number, ShopStockPrice>();
  if (productIds.length === 0) return result;
  const { product: p, productSpecial: ps } = shop.oc;
  const now = sql`CAST(${pricing.shopNow} AS DATETIME)`;
  const rows = await shop.db
    .select({
      productId: p.productId,
      quantity: p.quantity,
      price: p.price,
      // Spelled out with an alias: Drizzle leaves columns unqualified in a one-table select, which
      // would make the correlation compare the special's product_id with itself.
      special: sql<string | null>`(
        SELECT ps.price FROM ${ps} ps
        WHERE ps.product_id = ${p}.product_id
          AND ps.customer_group_id = ${pricing.customerGroupId}
          AND (ps.date_start = '0000-00-00' OR ps.date_start < ${now})
          AND (ps.date_end = '0000-00-00' OR ps.date_end > ${now})
        ORDER BY ps.priority ASC, ps.price ASC
        LIMIT 1
      )`,
    })
    .from(p)
    .where(inArray(p.productId, [...productIds]));
  for (const row of rows) {
    const base = toMarketplacePrice(row.price);
    const price = row.special === null ? base : toMarketplacePrice(String(row.special));
    result.set(row.productId, {
      quantity: Math.max(0, row.quantity),
      price,
      listPrice: compareMoney(base, price) >= 0 ? base : price,
    });
  }
  return result;
}
