/**
 * The sync's only reads of OpenCart tables (settings, tax rules, product stock, price and special), on the real
 * install data of both lines: 3.0.4.1 (MyISAM, utf8) and 4.0.2.3 (InnoDB, utf8mb4, variants). The sample
 * catalogue, tax classes and store address are the same in both, and so are the prices a guest sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openCart4Tables, openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabaseFor, OPENCART_TEST_VERSIONS, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { readShopPricing, readShopStockPrices } from './read-shop-stock-prices';

const PREFIX = 'shop_';
const oc = openCartTables(PREFIX);
const now = new Date('2025-06-02T09:00:00Z');

describe.each(OPENCART_TEST_VERSIONS)('stock and prices read from OpenCart %s', (version) => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createOpenCartTestDatabaseFor(version, `syncread${version.replace('.', '')}`, PREFIX);
    shop = tenantDb({ id: 1, slug: 'default', name: 'Your Store', prefix: PREFIX, storeId: 0 }, t.url);
  });
  afterAll(async () => t?.drop());

  it("reads quantity, price with the guest's tax and the current special", async () => {
    const pricing = await readShopPricing(shop, now);
    expect(pricing).toMatchObject({ currency: 'USD', customerGroupId: 1, shopNow: '2025-06-02 09:00:00' });
    const values = await readShopStockPrices(shop, [28, 30, 31, 9999], pricing);
    // 100 + 20 % VAT + 2.00 eco tax.
    expect(values.get(28)).toEqual({ quantity: 939, price: '122.0000', listPrice: '122.0000' });
    // The special 80.00 with its tax; the list price 100.00 with its tax.
    expect(values.get(30)).toEqual({ quantity: 7, price: '98.0000', listPrice: '122.0000' });
    expect(values.has(9999)).toBe(false);
  });

  it('sees a special that ended, and stock below zero, as OpenCart would', async () => {
    await t.db.update(oc.productSpecial).set({ dateEnd: '2025-06-01' }).where(eq(oc.productSpecial.productId, 30));
    await t.db.update(oc.product).set({ quantity: -3 }).where(eq(oc.product.productId, 28));
    const values = await readShopStockPrices(shop, [28, 30], await readShopPricing(shop, now));
    expect(values.get(30)).toMatchObject({ price: '122.0000', listPrice: '122.0000' });
    expect(values.get(28)).toMatchObject({ quantity: 0 });
  });

  it.runIf(version === '4.0')("reads a variant's own stock and price, not its master's", async () => {
    const oc4 = openCart4Tables(PREFIX);
    await t.db.update(oc4.product).set({ masterId: 29, quantity: 4, price: '50.0000' }).where(eq(oc4.product.productId, 31));
    const values = await readShopStockPrices(shop, [31], await readShopPricing(shop, now));
    // 50.00 + 20 % + 2.00, from the variant's row.
    expect(values.get(31)).toEqual({ quantity: 4, price: '62.0000', listPrice: '62.0000' });
  });
});
