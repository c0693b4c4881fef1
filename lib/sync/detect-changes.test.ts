import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { productLinks, syncListingStates, syncOutbox } from '@/lib/db/schema';
import { claimBatch } from './claim-outbox';
import { detectChanges } from './detect-changes';
import { readShopPricing, readShopStockPrices } from './read-shop-stock-prices';
import {
  addAccount,
  addProducts,
  linkProducts,
  oc,
  openFixture,
  outboxOf,
  setPrice,
  setQuantity,
  skuOf,
  testClock,
  type SyncFixture,
} from './sync.test-helper';

let t: TestDatabase;
let fx: SyncFixture;
const clock = testClock(new Date('2025-06-01T22:30:00Z'));

async function setSetting(key: string, value: string) {
  await t.db.delete(oc.setting).where(and(eq(oc.setting.storeId, 0), eq(oc.setting.key, key)));
  await t.db.insert(oc.setting).values({ storeId: 0, code: 'config', key, value, serialized: 0 });
}

beforeAll(async () => {
  t = await createAppTestDatabase('syncdetect');
  fx = await openFixture(t);
  // 22:30 UTC is already 01:30 on 2 June in Istanbul: OpenCart compares specials' dates with that wall clock.
  await setSetting('config_timezone', 'Europe/Istanbul');
});
afterAll(async () => t?.drop());

describe('effective price', () => {
  it("takes the active special of the shop's default customer group, lowest priority then lowest price, on the shop's calendar", async () => {
    const [a, b, c, d, e, f, g] = await addProducts(t.db, 7, 100);
    await t.db.insert(oc.productSpecial).values([
      // a: priority beats price
      { productId: a!, customerGroupId: 1, priority: 2, price: '70.0000', dateStart: '0000-00-00', dateEnd: '0000-00-00' },
      { productId: a!, customerGroupId: 1, priority: 1, price: '80.0000', dateStart: '0000-00-00', dateEnd: '0000-00-00' },
      // b: same priority, lowest price
      { productId: b!, customerGroupId: 1, priority: 1, price: '60.0000', dateStart: '0000-00-00', dateEnd: '0000-00-00' },
      { productId: b!, customerGroupId: 1, priority: 1, price: '50.0000', dateStart: '0000-00-00', dateEnd: '0000-00-00' },
      // c: another customer group's special does not count
      { productId: c!, customerGroupId: 2, priority: 1, price: '10.0000', dateStart: '0000-00-00', dateEnd: '0000-00-00' },
      // d: starts today in Istanbul (still 1 June in UTC): active
      { productId: d!, customerGroupId: 1, priority: 1, price: '40.0000', dateStart: '2025-06-02', dateEnd: '0000-00-00' },
      // e: ends today (date_end must be after now) and one that starts tomorrow: neither is active
      { productId: e!, customerGroupId: 1, priority: 1, price: '30.0000', dateStart: '0000-00-00', dateEnd: '2025-06-02' },
      { productId: e!, customerGroupId: 1, priority: 1, price: '20.0000', dateStart: '2025-06-03', dateEnd: '0000-00-00' },
      // f: a dated window around today
      { productId: f!, customerGroupId: 1, priority: 1, price: '90.5000', dateStart: '2025-05-01', dateEnd: '2025-07-01' },
    ]);
    await t.db.update(oc.product).set({ price: '99.9950', quantity: -3 }).where(eq(oc.product.productId, g!));

    const pricing = await readShopPricing(fx.shop, clock.now());
    expect(pricing).toMatchObject({ currency: 'USD', customerGroupId: 1, shopNow: '2025-06-02 01:30:00' });
    const values = await readShopStockPrices(fx.shop, [a!, b!, c!, d!, e!, f!, g!, 99_999], pricing);
    expect(Object.fromEntries([...values].map(([id, v]) => [id, v.price]))).toEqual({
      [a!]: '80.0000',
      [b!]: '50.0000',
      [c!]: '100.0000',
      [d!]: '40.0000',
      [e!]: '100.0000',
      [f!]: '90.5000',
      // Rounded half away from zero to the marketplace's two decimals.
      [g!]: '100.0000',
    });
    expect(values.get(a!)).toEqual({ quantity: 10, price: '80.0000', listPrice: '100.0000' });
    // OpenCart's stock may go negative; a listing cannot.
    expect(values.get(g!)?.quantity).toBe(0);

    await setSetting('config_customer_group_id', '2');
    const wholesale = await readShopStockPrices(fx.shop, [c!], await readShopPricing(fx.shop, clock.now()));
    expect(wholesale.get(c!)?.price).toBe('10.0000');
    await setSetting('config_customer_group_id', '1');
  });
});

describe('detection', () => {
  let accountId: number;
  let products: number[];

  beforeAll(async () => {
    accountId = await addAccount(t.db, fx.tenantId);
    products = await addProducts(t.db, 5, 200);
    await linkProducts(t.db, fx.tenantId, accountId, products);
  });

  const detect = async () =>
    detectChanges(t.db, fx.shop, {
      tenantId: fx.tenantId,
      accountId,
      pricing: await readShopPricing(fx.shop, clock.now()),
      thresholdPct: '30.00',
      now: clock.now(),
    });

  it('queues every listing the marketplace has not confirmed yet, once', async () => {
    expect(await detect()).toMatchObject({ compared: 5, queued: 5 });
    expect(await detect()).toMatchObject({ compared: 5, queued: 0 });
    const items = await outboxOf(t.db, accountId);
    expect(items.map((i) => [i.marketplaceSku, i.quantity, i.price, i.status, i.openSlot])).toEqual(
      products.map((id) => [skuOf(id), 10, '100.0000', 'pending', 1]),
    );
  });

  it('queues only the listings whose stock or price differ from what the marketplace confirmed', async () => {
    await t.db.delete(syncOutbox).where(eq(syncOutbox.accountId, accountId));
    await t.db.insert(syncListingStates).values(
      products.map((id) => ({
        tenantId: fx.tenantId,
        accountId,
        marketplaceSku: skuOf(id),
        confirmedQuantity: 10,
        confirmedPrice: '100.0000',
        confirmedListPrice: '100.0000',
      })),
    );
    expect(await detect()).toMatchObject({ compared: 5, queued: 0 });

    await setQuantity(t.db, [products[0]!], 7);
    await setPrice(t.db, [products[1]!], '110.0000');
    // Below a cent is no change on a marketplace.
    await setPrice(t.db, [products[2]!], '100.0040');
    expect(await detect()).toMatchObject({ queued: 2 });
    const items = await outboxOf(t.db, accountId);
    expect(items.map((i) => [i.marketplaceSku, i.quantity, i.price])).toEqual([
      [skuOf(products[0]!), 7, '100.0000'],
      [skuOf(products[1]!), 10, '110.0000'],
    ]);
  });

  it('coalesces repeated changes into the waiting item, and leaves an item in flight alone', async () => {
    const product = products[0]!;
    const sku = skuOf(product);
    const openItems = async () =>
      (await outboxOf(t.db, accountId)).filter((i) => i.marketplaceSku === sku && !['cancelled', 'superseded'].includes(i.status));

    await setQuantity(t.db, [product], 6);
    await detect();
    await setQuantity(t.db, [product], 5);
    await detect();
    const [waiting, ...others] = await openItems();
    expect(others).toEqual([]);
    expect(waiting).toMatchObject({ quantity: 5, status: 'pending', openSlot: 1 });

    const claimed = await claimBatch(t.db, { tenantId: fx.tenantId, accountId, limit: 100, now: clock.now() });
    expect(claimed?.items.map((i) => i.id)).toContain(waiting!.id);

    await setQuantity(t.db, [product], 4);
    expect(await detect()).toMatchObject({ queued: 1 });
    const [inFlight, behind] = await openItems();
    expect(inFlight).toMatchObject({ id: waiting!.id, quantity: 5, status: 'sending', openSlot: null });
    expect(behind).toMatchObject({ quantity: 4, status: 'pending', openSlot: 1 });

    // Back to what is in flight: the marketplace will hold that, so the waiting item is obsolete.
    await setQuantity(t.db, [product], 5);
    expect(await detect()).toMatchObject({ queued: 0, cancelled: 1 });
    const [cancelled] = await t.db.select().from(syncOutbox).where(eq(syncOutbox.id, behind!.id));
    expect(cancelled).toMatchObject({ status: 'cancelled', openSlot: null });
  });

  it('skips a link whose product was deleted from the shop', async () => {
    await t.db.insert(productLinks).values({ tenantId: fx.tenantId, accountId, marketplaceSku: 'GONE-1', ocProductId: 987_654, createdBy: 'test' });
    const before = (await outboxOf(t.db, accountId)).length;
    expect(await detect()).toMatchObject({ compared: 5 });
    expect((await outboxOf(t.db, accountId)).length).toBe(before);
  });
});
