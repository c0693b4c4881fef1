/** The stock and price sync end to end on OpenCart 4.0.2.3's own database, through the real client and the fake Trendyol. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { openCart4Tables } from '@/lib/db/opencart';
import { getMarketplaceClient, ManualClock } from '@/lib/marketplaces/outbound';
import { accountForFake, fastOptions, testKey } from '@/lib/marketplaces/outbound/outbound.test-helper';
import { startFakeMarketplace, type FakeMarketplace } from '@/scripts/fake-marketplaces/index';
import { runStockPriceSync } from './run-stock-price-sync';
import { jobContext, linkProducts, openFixture, setQuantity, skuOf, type SyncFixture } from './sync.test-helper';

// Sample products of the 4.0 installer, without tax class or specials so the pushed price is the shelf price.
const PRODUCTS = [28, 32, 43];
const oc4 = openCart4Tables('oc_');

let t: TestDatabase;
let fx: SyncFixture;
let fake: FakeMarketplace;
const clock = new ManualClock(Date.now());
const options = fastOptions(clock);
const run = () =>
  runStockPriceSync(jobContext(t, fx), { clock: () => new Date(clock.now()), clientFor: (account) => getMarketplaceClient(t.db, account.id, testKey, options) });
const pushedSince = (from: number) => fake.accepted.slice(from).flatMap((batch) => batch.items) as Array<{ barcode?: string; quantity: number; salePrice: number }>;

beforeAll(async () => {
  t = await createAppTestDatabaseFor('4.0', 'syncoc4');
  fx = await openFixture(t);
  await fx.shop.db.update(oc4.product).set({ taxClassId: 0, quantity: 7, price: '250.0000' }).where(inArray(oc4.product.productId, PRODUCTS));
  await fx.shop.db.delete(oc4.productSpecial).where(inArray(oc4.productSpecial.productId, PRODUCTS));
  fake = await startFakeMarketplace('trendyol', { now: () => clock.now(), seedOrders: false });
  const accountId = await accountForFake(t.db, fake);
  await linkProducts(t.db, fx.tenantId, accountId, PRODUCTS);
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

describe('sync-stock-price on an OpenCart 4 shop', () => {
  it('pushes every linked product once, then only the one whose 4.0 quantity changed', async () => {
    expect((await run()).counts).toMatchObject({ queued: PRODUCTS.length, sent: PRODUCTS.length, failed: 0 });
    const first = pushedSince(0);
    expect(first).toHaveLength(PRODUCTS.length);
    expect(first.every((item) => item.quantity === 7 && item.salePrice === 250)).toBe(true);
    await run();

    await setQuantity(t.db, [32], 2);
    const before = fake.accepted.length;
    expect((await run()).counts).toMatchObject({ queued: 1, sent: 1 });
    expect(fake.accepted.slice(before).flatMap((batch) => batch.skus)).toEqual([skuOf(32)]);
    expect(pushedSince(before)).toMatchObject([{ quantity: 2, salePrice: 250 }]);
    const [row] = await fx.shop.db.select({ quantity: oc4.product.quantity }).from(oc4.product).where(eq(oc4.product.productId, 32));
    expect(row!.quantity).toBe(2);
  });
});
