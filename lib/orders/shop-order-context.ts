import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import type { OpenCartVersion } from '@/lib/db/opencart';
import { openCartVersionOf } from '@/lib/opencart-version/shop-version';
import { getStoreSettings, DEFAULT_STORE_ID, type StoreSettings } from '@/lib/shop/store-settings';
import type { OpenCartCharset } from './opencart-text';
import { selectRows } from './raw-sql';

/** OpenCart 3.0.4.1's install values, for a shop whose settings lack a key (an old or trimmed install). */
const SETTING_FALLBACKS = {
  config_name: 'Your Store',
  config_invoice_prefix: 'INV-00',
  config_customer_group_id: '1',
  total_sub_total_sort_order: '1',
  total_shipping_sort_order: '3',
  total_total_sort_order: '9',
} as const;
type OrderSettingKey = keyof typeof SETTING_FALLBACKS;
const ORDER_SETTING_KEYS: readonly string[] = Object.keys(SETTING_FALLBACKS);
const isOrderSettingKey = (key: string): key is OrderSettingKey => ORDER_SETTING_KEYS.includes(key);

export type ShopCurrency = { currencyId: number; code: string; value: string };

/** What writing an order into one shop needs to know, read once per worker batch. */
export type ShopOrderContext = {
  tdb: TenantDb;
  settings: StoreSettings;
  storeName: string;
  /** Store 0's URL lives in config.php, not in the database: the URL OpenCart wrote on its latest order. */
  storeUrl: string;
  invoicePrefix: string;
  customerGroupId: number;
  totalSortOrders: { subTotal: number; shipping: number; total: number };
  currencies: ReadonlyMap<string, ShopCurrency>;
  charset: OpenCartCharset;
  /** The shop's OpenCart line: 4.0 orders keep payment and shipping methods as JSON, lines their master product. */
  opencartVersion: OpenCartVersion;
};

async function readOrderSettings(tdb: TenantDb): Promise<Record<OrderSettingKey, string>> {
  const { db, oc, tenant } = tdb;
  const rows = await db
    .select({ storeId: oc.setting.storeId, key: oc.setting.key, value: oc.setting.value })
    .from(oc.setting)
    .where(and(inArray(oc.setting.key, [...ORDER_SETTING_KEYS]), inArray(oc.setting.storeId, [tenant.storeId, DEFAULT_STORE_ID])));
  const values: Record<OrderSettingKey, string> = { ...SETTING_FALLBACKS };
  // Store 0's value first, then the store's own override, as OpenCart loads them.
  for (const storeId of [DEFAULT_STORE_ID, tenant.storeId]) {
    for (const row of rows) {
      if (row.storeId === storeId && isOrderSettingKey(row.key)) values[row.key] = row.value;
    }
  }
  return values;
}

function settingInt(value: string, fallback: string): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : Number.parseInt(fallback, 10);
}

async function readStore(tdb: TenantDb, configName: string): Promise<{ name: string; url: string }> {
  const { db, oc, tenant } = tdb;
  if (tenant.storeId !== DEFAULT_STORE_ID) {
    const [store] = await db
      .select({ name: oc.store.name, url: oc.store.url })
      .from(oc.store)
      .where(eq(oc.store.storeId, tenant.storeId))
      .limit(1);
    if (store) return { name: store.name, url: store.url };
  }
  const [latest] = await db
    .select({ url: oc.order.storeUrl })
    .from(oc.order)
    .where(and(eq(oc.order.storeId, tenant.storeId), gt(oc.order.orderStatusId, 0)))
    .orderBy(desc(oc.order.orderId))
    .limit(1);
  return { name: configName, url: latest?.url ?? '' };
}

/** utf8mb4 only when the order table's text columns are: converted or newer shops keep emoji. */
async function readCharset(tdb: TenantDb): Promise<OpenCartCharset> {
  const rows = await selectRows(
    tdb.db,
    sql`SELECT CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${`${tdb.tenant.prefix}order`} AND COLUMN_NAME = 'firstname'`,
    z.object({ charset: z.string().nullable() }),
  );
  return rows[0]?.charset?.toLowerCase().startsWith('utf8mb4') ? 'utf8mb4' : 'utf8mb3';
}

export async function loadShopOrderContext(tdb: TenantDb): Promise<ShopOrderContext> {
  const { currency } = tdb.oc;
  const [settings, orderSettings, currencyRows, charset, opencartVersion] = await Promise.all([
    getStoreSettings(tdb),
    readOrderSettings(tdb),
    tdb.db.select({ currencyId: currency.currencyId, code: currency.code, value: currency.value }).from(currency),
    readCharset(tdb),
    openCartVersionOf(tdb),
  ]);
  const store = await readStore(tdb, orderSettings.config_name);
  return {
    tdb,
    settings,
    storeName: store.name,
    storeUrl: store.url,
    invoicePrefix: orderSettings.config_invoice_prefix,
    customerGroupId: settingInt(orderSettings.config_customer_group_id, SETTING_FALLBACKS.config_customer_group_id),
    totalSortOrders: {
      subTotal: settingInt(orderSettings.total_sub_total_sort_order, SETTING_FALLBACKS.total_sub_total_sort_order),
      shipping: settingInt(orderSettings.total_shipping_sort_order, SETTING_FALLBACKS.total_shipping_sort_order),
      total: settingInt(orderSettings.total_total_sort_order, SETTING_FALLBACKS.total_total_sort_order),
    },
    currencies: new Map(
      currencyRows.map((c) => [c.code, { currencyId: c.currencyId, code: c.code, value: c.value.toFixed(8) }]),
    ),
    charset,
    opencartVersion,
  };
}
