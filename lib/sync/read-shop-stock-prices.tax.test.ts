/**
 * Prices with tax on OpenCart 3.0.4.1's own install data: the store's address is Lancashire (UK), inside the
 * "UK VAT Zone"; class 9 "Taxable Goods" charges VAT 20 % and the 2.00 eco tax on the shipping address, which a
 * guest has because config_tax_default is 'shipping'. The storefront shows product 28 at 122.00 (ex tax 100.00)
 * and product 30 at 98.00 instead of 122.00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { readShopPricing, readShopStockPrices } from './read-shop-stock-prices';

const PREFIX = 'shop_';
const oc = openCartTables(PREFIX);
const TAXABLE_GOODS = 9;
const DOWNLOADABLE_PRODUCTS = 10;
const now = new Date('2025-06-02T09:00:00Z');

let t: TestDatabase;
const shopOf = (storeId: number): TenantDb =>
  tenantDb({ id: 1, slug: 'default', name: 'Your Store', prefix: PREFIX, storeId }, t.url);

beforeAll(async () => {
  t = await createOpenCartTestDatabase('synctax', PREFIX);
  // The install SQL has no untaxed product and none of class 10: make product 31 untaxed and 32 downloadable.
  await t.db.update(oc.product).set({ taxClassId: 0 }).where(eq(oc.product.productId, 31));
  await t.db.update(oc.product).set({ taxClassId: DOWNLOADABLE_PRODUCTS }).where(eq(oc.product.productId, 32));
});
afterAll(async () => t?.drop());

describe('prices pushed with tax, on the OpenCart 3.0.4.1 install data', () => {
  it("adds the tax the storefront shows a guest for the store's address, to the sale and the list price", async () => {
    const net = await t.db
      .select({ id: oc.product.productId, price: oc.product.price, taxClassId: oc.product.taxClassId })
      .from(oc.product)
      .where(inArray(oc.product.productId, [28, 29, 30, 31]))
      .orderBy(oc.product.productId);
    expect(net).toEqual([
      { id: 28, price: '100.0000', taxClassId: TAXABLE_GOODS },
      { id: 29, price: '279.9900', taxClassId: TAXABLE_GOODS },
      { id: 30, price: '100.0000', taxClassId: TAXABLE_GOODS },
      { id: 31, price: '80.0000', taxClassId: 0 },
    ]);

    const pricing = await readShopPricing(shopOf(0), now);
    expect(pricing.taxRates.get(TAXABLE_GOODS)).toEqual([
      { taxRateId: 86, rate: '20.0000', type: 'P' },
      { taxRateId: 87, rate: '2.0000', type: 'F' },
    ]);
    const values = await readShopStockPrices(shopOf(0), [28, 29, 30, 31, 32, 45], pricing);
    // 100 + 20 % + 2.00
    expect(values.get(28)).toEqual({ quantity: 939, price: '122.0000', listPrice: '122.0000' });
    // 279.99 + 55.998 + 2.00 = 337.988
    expect(values.get(29)).toMatchObject({ price: '337.9900', listPrice: '337.9900' });
    // The special 80.00 (priority 1) + 16.00 + 2.00; the list price 100.00 with its tax.
    expect(values.get(30)).toEqual({ quantity: 7, price: '98.0000', listPrice: '122.0000' });
    // Class 0: unchanged.
    expect(values.get(31)).toEqual({ quantity: 1000, price: '80.0000', listPrice: '80.0000' });
    // Class 10 charges VAT on the payment address (a guest has none) and the eco tax on the store's: 2.00 only.
    expect(values.get(32)).toMatchObject({ price: '102.0000', listPrice: '102.0000' });
    // Product 45 names tax class 100, which does not exist: no tax.
    expect(values.get(45)).toMatchObject({ price: '2000.0000', listPrice: '2000.0000' });
  });

  it("reads the tenant's store's settings, each falling back to store 0", async () => {
    // Store 1 taxes by the payment address; its country and zone are store 0's.
    await t.db
      .insert(oc.setting)
      .values({ storeId: 1, code: 'config', key: 'config_tax_default', value: 'payment', serialized: 0 });
    const values = await readShopStockPrices(shopOf(1), [28, 32], await readShopPricing(shopOf(1), now));
    // Class 9's rules are all shipping-based: none applies.
    expect(values.get(28)).toMatchObject({ price: '100.0000', listPrice: '100.0000' });
    // Class 10: VAT on the payment address and the eco tax on the store's.
    expect(values.get(32)).toMatchObject({ price: '122.0000', listPrice: '122.0000' });
  });
});
