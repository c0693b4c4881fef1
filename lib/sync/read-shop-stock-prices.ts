import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries/shop-time-zone';
import { toShopDateTime } from '@/lib/orders/shop-clock';
import { compareMoney } from '@/lib/shop/money';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { guestTaxRates, marketplacePriceWithTax, readTaxRuleRows, type ShopTaxRates } from './shop-tax';

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
  /** The tax a guest pays per tax class, for the store's address (see `shop-tax.ts`). */
  taxRates: ShopTaxRates;
};

/** A product's stock and price as the marketplaces should show them. */
export type ShopStockPrice = {
  /** OpenCart lets stock go negative; a marketplace cannot list less than nothing. */
  quantity: number;
  /** The effective sale price with the guest's tax, rounded to the marketplace's two decimals (`"80.0000"`). */
  price: string;
  /** The price before a special, with tax: never below the sale price (Trendyol refuses a list price under it). */
  listPrice: string;
};

const customerGroupSchema = z.coerce.number().int().positive();
const idSchema = z.coerce.number().int().nonnegative();

const PRICING_KEYS = ['config_customer_group_id', 'config_country_id', 'config_zone_id', 'config_tax_default'] as const;

function settingId(value: string | undefined): number {
  const parsed = idSchema.safeParse(value?.trim() || undefined);
  return parsed.success ? parsed.data : 0;
}

export async function readShopPricing(shop: TenantDb, now: Date): Promise<ShopPricing> {
  const { db, oc, tenant } = shop;
  const [settings, rows, taxRules] = await Promise.all([
    getStoreSettings(shop),
    db
      .select({ storeId: oc.setting.storeId, key: oc.setting.key, value: oc.setting.value })
      .from(oc.setting)
      .where(
        and(
          eq(oc.setting.code, 'config'),
          inArray(oc.setting.key, [...PRICING_KEYS]),
          inArray(oc.setting.storeId, [...new Set([tenant.storeId, 0])]),
        ),
      ),
    readTaxRuleRows(shop),
  ]);
  // The tenant's store overrides store 0, key by key.
  const value = (key: (typeof PRICING_KEYS)[number]) =>
    (rows.find((r) => r.key === key && r.storeId === tenant.storeId) ?? rows.find((r) => r.key === key))?.value;
  const group = customerGroupSchema.safeParse(value('config_customer_group_id'));
  const customerGroupId = group.success ? group.data : DEFAULT_CUSTOMER_GROUP_ID;
  return {
    currency: settings.currencyCode.slice(0, 3).toUpperCase(),
    customerGroupId,
    shopNow: toShopDateTime(now, shopTimeZone(settings)),
    taxRates: guestTaxRates(taxRules, {
      countryId: settingId(value('config_country_id')),
      zoneId: settingId(value('config_zone_id')),
      taxDefault: value('config_tax_default')?.trim() ?? '',
      customerGroupId,
    }),
  };
}

/**
 * Quantity and effective price of products, in one query. The special is chosen as OpenCart 3's
 * catalog/model/catalog/product.php getProduct() chooses it: the shop's default customer group,
 * started (`date_start` '0000-00-00' or before now) and not ended (`date_end` '0000-00-00' or after
 * now), lowest priority first, then lowest price. Both the price and the special get the tax a guest
 * pays for the product's tax class (`shop-tax.ts`). Products that no longer exist are absent.
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
      taxClassId: p.taxClassId,
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
    const base = marketplacePriceWithTax(row.price, row.taxClassId, pricing.taxRates);
    const price =
      row.special === null ? base : marketplacePriceWithTax(String(row.special), row.taxClassId, pricing.taxRates);
    result.set(row.productId, {
      quantity: Math.max(0, row.quantity),
      price,
      listPrice: compareMoney(base, price) >= 0 ? base : price,
    });
  }
  return result;
}
