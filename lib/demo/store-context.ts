/**
 * Everything about the shop an order needs, read once before generating: settings, currency,
 * language, order statuses, the Turkish address book and the catalogue with its specials and
 * reward points. Missing essentials stop the run with a message that names them.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { parseMoney, type MoneyUnits } from '@/lib/shop/money';
import type { DemoShop } from './demo-shop';
import { DEMO_ORDER_STATUS_IDS } from './order-status-path';
import { createDemoRegion, type DemoRegion } from './people';
import { loadTaxTable, type TaxAddress, type TaxTable } from './tax';

/** Store 0 has no `store` row and no URL in the database (it is HTTP_SERVER in config.php). */
export const DEFAULT_STORE_URL = 'https://demo.meschain.example/';
const DEMO_COUNTRY_ISO = 'TR';
/** OpenCart 3.0.4.1's install values, used where a catalogue-only database has no such setting. */
const SETTING_FALLBACKS: Record<string, string> = {
  config_name: 'Your Store',
  config_invoice_prefix: 'INV-00',
  total_sub_total_sort_order: '1',
  total_shipping_sort_order: '3',
  total_tax_sort_order: '5',
  total_total_sort_order: '9',
  shipping_flat_cost: '5.00',
  shipping_flat_tax_class_id: '0',
};
/** Payment extensions the demo knows the titles of (en-gb language files); COD when none is enabled. */
const PAYMENT_TITLES: Record<string, string> = {
  cod: 'Cash On Delivery',
  bank_transfer: 'Bank Transfer',
  cheque: 'Cheque / Money Order',
};
export const ORDER_TOTAL_TITLES = { subTotal: 'Sub-Total', total: 'Total' } as const;

export class DemoSetupError extends Error {
  readonly code = 'DEMO_SETUP';
}

export type SpecialPrice = { customerGroupId: number; priority: number; price: MoneyUnits; dateStart: string; dateEnd: string };

export type CatalogueProduct = {
  productId: number;
  /** OpenCart 4's master product of a variant, whose stock the variant's orders take too; 0 otherwise (always on 3.0). */
  masterId: number;
  name: string;
  model: string;
  price: MoneyUnits;
  taxClassId: number;
  subtract: boolean;
  quantity: number;
  specials: SpecialPrice[];
  /** Reward points per unit, by customer group (`product_reward`). */
  rewardPoints: Map<number, number>;
};

export type StoreContext = {
  storeId: number;
  storeName: string;
  storeUrl: string;
  invoicePrefix: string;
  languageId: number;
  languageCode: string;
  currency: { currencyId: number; code: string; value: string };
  customerGroupId: number;
  /** `config_processing_status` ∪ `config_complete_status`: the statuses that hold stock. */
  stockHoldingStatusIds: ReadonlySet<number>;
  region: DemoRegion;
  storeAddress: TaxAddress;
  shipping: { title: string; code: string; cost: MoneyUnits; taxClassId: number };
  paymentMethods: ReadonlyArray<{ title: string; code: string }>;
  totalSortOrders: { subTotal: number; shipping: number; tax: number; total: number };
  products: CatalogueProduct[];
  tax: TaxTable;
};

const statusListSchema = z.array(z.union([z.string(), z.number()]).transform(Number));

async function readSettings(db: Db, oc: OpenCartTables, storeId: number): Promise<Map<string, string>> {
  const rows = await db
    .select({ storeId: oc.setting.storeId, key: oc.setting.key, value: oc.setting.value })
    .from(oc.setting)
    .where(inArray(oc.setting.storeId, [0, storeId]))
    .orderBy(asc(oc.setting.storeId), asc(oc.setting.settingId));
  // A store's own value overrides store 0's, as OpenCart loads them.
  return new Map(rows.map((r) => [r.key, r.value]));
}

function statusList(settings: Map<string, string>, key: string): number[] {
  const value = settings.get(key);
  if (value === undefined) throw new DemoSetupError(`Setting ${key} is missing: stock cannot follow OpenCart's rule without it.`);
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (err) {
    throw new DemoSetupError(`Setting ${key} is not JSON: ${value}`, { cause: err });
  }
  const parsed = statusListSchema.safeParse(json);
  if (!parsed.success) throw new DemoSetupError(`Setting ${key} is not a list of status ids: ${value}`);
  return parsed.data;
}

function settingNumber(settings: Map<string, string>, key: string): number {
  const value = Number(settings.get(key) ?? SETTING_FALLBACKS[key]);
  return Number.isFinite(value) ? value : 0;
}

type RegionCountry = { countryId: number; name: string; addressFormat: string };

/** 3.0 keeps the address format on the country; 4.0 shares formats between countries (country.address_format_id). */
async function readDemoCountry(db: Db, shop: DemoShop): Promise<RegionCountry | undefined> {
  if (shop.version === '3.0') {
    const { country } = shop.oc;
    const [row] = await db
      .select({ countryId: country.countryId, name: country.name, addressFormat: country.addressFormat })
      .from(country)
      .where(eq(country.isoCode2, DEMO_COUNTRY_ISO))
      .limit(1);
    return row;
  }
  const { country, addressFormat } = shop.oc4;
  const [row] = await db
    .select({ countryId: country.countryId, name: country.name, addressFormat: addressFormat.addressFormat })
    .from(country)
    .leftJoin(addressFormat, eq(addressFormat.addressFormatId, country.addressFormatId))
    .where(eq(country.isoCode2, DEMO_COUNTRY_ISO))
    .limit(1);
  // A country without a format (id 0) gets OpenCart's default layout, stored as no format.
  return row && { ...row, addressFormat: row.addressFormat ?? '' };
}

async function readRegion(db: Db, shop: DemoShop): Promise<DemoRegion> {
  const { oc } = shop;
  const country = await readDemoCountry(db, shop);
  if (!country) return createDemoRegion(undefined, []);
  const zones = await db
    .select({ zoneId: oc.zone.zoneId, name: oc.zone.name })
    .from(oc.zone)
    .where(and(eq(oc.zone.countryId, country.countryId), eq(oc.zone.status, 1)));
  return createDemoRegion(country, zones);
}

/** Reward points per unit, by product id and then customer group. */
async function readRewardPoints(db: Db, oc: OpenCartTables): Promise<Map<number, Map<number, number>>> {
  const rows = await db
    .select({
      productId: oc.productReward.productId,
      customerGroupId: oc.productReward.customerGroupId,
      points: oc.productReward.points,
    })
    .from(oc.productReward)
    .orderBy(asc(oc.productReward.productRewardId));
  const byProduct = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const points = byProduct.get(row.productId) ?? new Map<number, number>();
    points.set(row.customerGroupId, row.points);
    byProduct.set(row.productId, points);
  }
  return byProduct;
}

/** Each variant's master product (4.0's product.master_id); 3.0 has no variants. */
async function readMasterIds(db: Db, shop: DemoShop, ids: number[]): Promise<Map<number, number>> {
  if (shop.version === '3.0') return new Map();
  const { product } = shop.oc4;
  const rows = await db
    .select({ productId: product.productId, masterId: product.masterId })
    .from(product)
    .where(inArray(product.productId, ids));
  return new Map(rows.map((r) => [r.productId, r.masterId]));
}

async function readProducts(db: Db, shop: DemoShop, storeId: number, languageId: number): Promise<CatalogueProduct[]> {
  const { oc } = shop;
  const rows = await db
    .select({
      productId: oc.product.productId,
      name: oc.productDescription.name,
      model: oc.product.model,
      price: oc.product.price,
      taxClassId: oc.product.taxClassId,
      subtract: oc.product.subtract,
      quantity: oc.product.quantity,
    })
    .from(oc.product)
    .innerJoin(oc.productToStore, and(eq(oc.productToStore.productId, oc.product.productId), eq(oc.productToStore.storeId, storeId)))
    .innerJoin(
      oc.productDescription,
      and(eq(oc.productDescription.productId, oc.product.productId), eq(oc.productDescription.languageId, languageId)),
    )
    .where(and(eq(oc.product.status, 1), gt(oc.product.price, '0')))
    .orderBy(asc(oc.product.productId));
  if (rows.length === 0) {
    throw new DemoSetupError(`Store ${storeId} has no enabled product with a price: load a catalogue first (npm run db:opencart).`);
  }
  const ids = rows.map((r) => r.productId);
  const specials = await db
    .select({
      productId: oc.productSpecial.productId,
      customerGroupId: oc.productSpecial.customerGroupId,
      priority: oc.productSpecial.priority,
      price: oc.productSpecial.price,
      dateStart: oc.productSpecial.dateStart,
      dateEnd: oc.productSpecial.dateEnd,
    })
    .from(oc.productSpecial)
    .where(inArray(oc.productSpecial.productId, ids))
    .orderBy(asc(oc.productSpecial.priority), asc(oc.productSpecial.price));
  const rewards = await readRewardPoints(db, oc);
  const masterIds = await readMasterIds(db, shop, ids);

  return rows.map((r) => ({
    productId: r.productId,
    masterId: masterIds.get(r.productId) ?? 0,
    name: r.name,
    model: r.model,
    price: parseMoney(r.price),
    taxClassId: r.taxClassId,
    subtract: r.subtract === 1,
    quantity: r.quantity,
    specials: specials
      .filter((s) => s.productId === r.productId)
      .map((s) => ({
        customerGroupId: s.customerGroupId,
        priority: s.priority,
        price: parseMoney(s.price),
        dateStart: s.dateStart,
        dateEnd: s.dateEnd,
      })),
    rewardPoints: rewards.get(r.productId) ?? new Map(),
  }));
}

export async function readStoreContext(db: Db, shop: DemoShop, storeId: number): Promise<StoreContext> {
  const { oc } = shop;
  const settings = await readSettings(db, oc, storeId);
  const setting = (key: string) => settings.get(key) ?? SETTING_FALLBACKS[key] ?? '';

  const currencyCode = settings.get('config_currency');
  const [currency] = currencyCode
    ? await db
      .select({ currencyId: oc.currency.currencyId, code: oc.currency.code, value: oc.currency.value })
      .from(oc.currency)
      .where(eq(oc.currency.code, currencyCode))
      .limit(1)
    : [];
  if (!currency) throw new DemoSetupError(`The store's default currency (config_currency=${currencyCode ?? 'unset'}) has no currency row.`);

  const languageCode = settings.get('config_language');
  const [language] = languageCode
    ? await db
      .select({ languageId: oc.language.languageId, code: oc.language.code })
      .from(oc.language)
      .where(eq(oc.language.code, languageCode))
      .limit(1)
    : [];
  if (!language) throw new DemoSetupError(`The store's language (config_language=${languageCode ?? 'unset'}) has no language row.`);

  const statuses = await db
    .select({ id: oc.orderStatus.orderStatusId })
    .from(oc.orderStatus)
    .where(eq(oc.orderStatus.languageId, language.languageId));
  const known = new Set(statuses.map((s) => s.id));
  const missing = DEMO_ORDER_STATUS_IDS.filter((id) => !known.has(id));
  if (missing.length > 0) throw new DemoSetupError(`Order statuses ${missing.join(', ')} are missing for language ${language.code}.`);

  let storeName = setting('config_name');
  let storeUrl = DEFAULT_STORE_URL;
  if (storeId !== 0) {
    const [store] = await db
      .select({ name: oc.store.name, url: oc.store.url })
      .from(oc.store)
      .where(eq(oc.store.storeId, storeId))
      .limit(1);
    if (!store) throw new DemoSetupError(`Store ${storeId} does not exist.`);
    storeName = store.name;
    storeUrl = store.url;
  }

  const storeAddress = { countryId: settingNumber(settings, 'config_country_id'), zoneId: settingNumber(settings, 'config_zone_id') };
  const enabledPayments = Object.keys(PAYMENT_TITLES).filter((code) => settings.get(`payment_${code}_status`) === '1');

  return {
    storeId,
    storeName,
    storeUrl,
    invoicePrefix: setting('config_invoice_prefix'),
    languageId: language.languageId,
    languageCode: language.code,
    currency: { currencyId: currency.currencyId, code: currency.code, value: currency.value.toFixed(8) },
    customerGroupId: settingNumber(settings, 'config_customer_group_id') || 1,
    stockHoldingStatusIds: new Set([
      ...statusList(settings, 'config_processing_status'),
      ...statusList(settings, 'config_complete_status'),
    ]),
    region: await readRegion(db, shop),
    storeAddress,
    shipping: {
      title: 'Flat Shipping Rate',
      code: 'flat.flat',
      cost: parseMoney(setting('shipping_flat_cost') || '0'),
      taxClassId: settingNumber(settings, 'shipping_flat_tax_class_id'),
    },
    paymentMethods: (enabledPayments.length > 0 ? enabledPayments : ['cod']).map((code) => ({ code, title: PAYMENT_TITLES[code]! })),
    totalSortOrders: {
      subTotal: settingNumber(settings, 'total_sub_total_sort_order'),
      shipping: settingNumber(settings, 'total_shipping_sort_order'),
      tax: settingNumber(settings, 'total_tax_sort_order'),
      total: settingNumber(settings, 'total_total_sort_order'),
    },
    products: await readProducts(db, shop, storeId, language.languageId),
    tax: await loadTaxTable(db, oc, storeAddress),
  };
}
