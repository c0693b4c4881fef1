import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { productLinks, syncListingStates } from '@/lib/db/schema';
import { apiError, FakeMarketplaceClient } from './fake-marketplace-client.test-helper';
import { detectChanges } from './detect-changes';
import { readShopPricing } from './read-shop-stock-prices';
import { BATCH_RESULT_TTL_MS, MAX_SEND_ATTEMPTS, RETRY_MAX_DELAY_MS } from './sync-timing';
import {
  addAccount,
  addProducts,
  batchesOf,
  countByStatus,
  linkProducts,
  openFixture,
  outboxOf,
  runSync,
  setQuantity,
  skuOf,
  testClock,
  type SyncFixture,
} from './sync.test-helper';

let t: TestDatabase;
let fx: SyncFixture;
const clock = testClock();
let nextProductId = 5_000;

beforeAll(async () => {
  t = await createAppTestDatabase('syncfail');
  fx = await openFixture(t);
});
afterAll(async () => t?.drop());

/** A fresh account with `count` linked products of its own. */
async function freshAccount(count: number) {
  const accountId = await addAccount(t.db, fx.tenantId);
  const products = await addProducts(t.db, count, nextProductId);
  nextProductId += count;
  await linkProducts(t.db, fx.tenantId, accountId, products);
  return { accountId, products };
}

/** SKUs of the batches whose result confirmed them, with repeats. */
async function confirmedSkus(accountId: number): Promise<string[]> {
  const items = await outboxOf(t.db, accountId);
  return items.filter((i) => i.status === 'confirmed').map((i) => i.marketplaceSku);
}

describe('rate limits and an open circuit', () => {
  let marketplace: FakeMarketplaceClient;
  beforeEach(() => {
    marketplace = new FakeMarketplaceClient(20);
    marketplace.pendingPolls = 0;
  });

  it('a 429 storm leaves the items waiting without counting attempts, and a later run sends each exactly once', async () => {
    const { accountId, products } = await freshAccount(50);
    const clients = new Map([[accountId, marketplace]]);

    for (let run = 0; run < 3; run++) {
      marketplace.pushFailures.push(apiError('rate_limited', 'trendyol: 429 Too Many Requests (Retry-After 10)'));
      const stormy = await runSync(t, fx, clients, clock.now);
      expect(stormy.counts).toMatchObject({ sent: 0, deferred: 20, failed: 0 });
      clock.advance(10_000);
    }
    const waiting = await outboxOf(t.db, accountId);
    expect(waiting).toHaveLength(50);
    expect(waiting.every((i) => i.status === 'pending' && i.attempts === 0 && i.openSlot === 1)).toBe(true);
    expect(waiting[0]?.lastError).toMatch(/rate_limited/);
    expect((await batchesOf(t.db, accountId)).map((b) => b.status)).toEqual(['failed', 'failed', 'failed']);

    const calm = await runSync(t, fx, clients, clock.now);
    expect(calm.counts).toMatchObject({ sent: 50, batches: 3, deferred: 0 });
    const confirm = await runSync(t, fx, clients, clock.now);
    expect(confirm.counts).toMatchObject({ confirmed: 50, sent: 0 });

    expect(marketplace.pushedSkus()).toHaveLength(50);
    expect((await confirmedSkus(accountId)).sort()).toEqual(products.map(skuOf).sort());
    expect(await countByStatus(t.db, accountId)).toEqual({ confirmed: 50 });
  });

  it('an open circuit or a marketplace outage leaves the items waiting, and so does a rate limit while reading results', async () => {
    const { accountId, products } = await freshAccount(5);
    const clients = new Map([[accountId, marketplace]]);
    marketplace.pushFailures.push(apiError('circuit_open'));
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ deferred: 5, sent: 0 });
    marketplace.pushFailures.push(apiError('server', 'trendyol: 503 Service Unavailable'));
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ deferred: 5, sent: 0 });
    expect((await outboxOf(t.db, accountId)).map((i) => [i.status, i.attempts])).toEqual(Array(5).fill(['pending', 0]));

    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 5 });
    marketplace.pollFailures.push(apiError('rate_limited'));
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 0, sent: 0 });
    expect(await countByStatus(t.db, accountId)).toEqual({ sent: 5 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 5 });
    expect((await confirmedSkus(accountId)).sort()).toEqual(products.map(skuOf).sort());
  });

  it('another account keeps syncing while one is rate limited', async () => {
    const limited = await freshAccount(3);
    const healthy = await freshAccount(3);
    const other = new FakeMarketplaceClient(20);
    marketplace.pushFailures.push(apiError('rate_limited'));
    const run = await runSync(t, fx, new Map([[limited.accountId, marketplace], [healthy.accountId, other]]), clock.now);
    expect(run.counts).toMatchObject({ deferred: 3, sent: 3 });
    expect(other.pushedSkus().sort()).toEqual(healthy.products.map(skuOf).sort());
  });
});

describe('refused items', () => {
  it("keeps the marketplace's reason, backs off, and retries only the refused item", async () => {
    const { accountId, products } = await freshAccount(3);
    const marketplace = new FakeMarketplaceClient(20);
    marketplace.pendingPolls = 0;
    const clients = new Map([[accountId, marketplace]]);
    const refusedSku = skuOf(products[1]!);
    marketplace.refusals.set(refusedSku, 'Ürün bulunamadı (barcode not found)');

    await runSync(t, fx, clients, clock.now);
    const polled = await runSync(t, fx, clients, clock.now);
    expect(polled.counts).toMatchObject({ confirmed: 2, failed: 1, sent: 0 });
    const [refused] = (await outboxOf(t.db, accountId)).filter((i) => i.marketplaceSku === refusedSku);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, openSlot: 1, lastError: 'Ürün bulunamadı (barcode not found)' });
    expect(refused!.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now().getTime());

    // Not due yet: nothing goes out.
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 0 });

    clock.advance(RETRY_MAX_DELAY_MS * 2);
    marketplace.refusals.clear();
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 1 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 1 });
    expect(marketplace.pushedSkus()).toEqual([...products.map(skuOf), refusedSku]);
    expect(await countByStatus(t.db, accountId)).toEqual({ confirmed: 3 });
    const [state] = await t.db.select().from(syncListingStates).where(eq(syncListingStates.marketplaceSku, refusedSku));
    expect(state).toMatchObject({ confirmedQuantity: 10, confirmedPrice: '100.0000' });
  });

  it('stops retrying after the last allowed attempt until the shop changes the listing again', async () => {
    const { accountId, products } = await freshAccount(1);
    const sku = skuOf(products[0]!);
    const marketplace = new FakeMarketplaceClient(20);
    marketplace.pendingPolls = 0;
    marketplace.refusals.set(sku, 'Price below the category minimum');
    const clients = new Map([[accountId, marketplace]]);

    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      await runSync(t, fx, clients, clock.now); // sends
      await runSync(t, fx, clients, clock.now); // reads the refusal
      clock.advance(RETRY_MAX_DELAY_MS * 2);
    }
    const [item] = await outboxOf(t.db, accountId);
    expect(item).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, nextAttemptAt: null, openSlot: 1 });
    expect(marketplace.pushes).toHaveLength(MAX_SEND_ATTEMPTS);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 0 });

    marketplace.refusals.clear();
    await setQuantity(t.db, products, 9);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ queued: 1, sent: 1 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 1 });
    const [revived] = await outboxOf(t.db, accountId);
    expect(revived).toMatchObject({ id: item!.id, status: 'confirmed', quantity: 9, attempts: 0 });
  });

  it('a push refused as a whole counts an attempt for each item and keeps the reason', async () => {
    const { accountId } = await freshAccount(2);
    const marketplace = new FakeMarketplaceClient(20);
    marketplace.pushFailures.push(apiError('client', 'trendyol: 400 Bad Request: invalid currency'));
    const run = await runSync(t, fx, new Map([[accountId, marketplace]]), clock.now);
    expect(run.counts).toMatchObject({ failed: 2, sent: 0 });
    const items = await outboxOf(t.db, accountId);
    expect(items.map((i) => [i.status, i.attempts, i.lastError])).toEqual([
      ['failed', 1, 'client: trendyol: 400 Bad Request: invalid currency'],
      ['failed', 1, 'client: trendyol: 400 Bad Request: invalid currency'],
    ]);
  });

  it('a batch that never gets a result is given up after the marketplace stops keeping it, and its items go out again', async () => {
    const { accountId, products } = await freshAccount(2);
    const marketplace = new FakeMarketplaceClient(20);
    marketplace.pendingPolls = Number.POSITIVE_INFINITY;
    const clients = new Map([[accountId, marketplace]]);
    await runSync(t, fx, clients, clock.now);
    clock.advance(BATCH_RESULT_TTL_MS + 1);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ failed: 2, sent: 0 });
    expect((await batchesOf(t.db, accountId)).map((b) => b.status)).toEqual(['expired']);

    marketplace.pendingPolls = 0;
    clock.advance(RETRY_MAX_DELAY_MS * 2);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 2 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 2 });
    expect(marketplace.pushedSkus()).toEqual([...products.map(skuOf), ...products.map(skuOf)]);
  });

  it('a refused item whose listing changed meanwhile gives way to the newer change', async () => {
    const { accountId, products } = await freshAccount(1);
    const sku = skuOf(products[0]!);
    const marketplace = new FakeMarketplaceClient(20);
    marketplace.pendingPolls = 0;
    const clients = new Map([[accountId, marketplace]]);
    await runSync(t, fx, clients, clock.now);
    await setQuantity(t.db, products, 7);
    await detectChanges(t.db, fx.shop, {
      tenantId: fx.tenantId,
      accountId,
      pricing: await readShopPricing(fx.shop, clock.now()),
      thresholdPct: '30.00',
      now: clock.now(),
    });
    marketplace.refusals.set(sku, 'Geçici hata');
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ failed: 1, sent: 1 });
    const items = await outboxOf(t.db, accountId);
    expect(items.map((i) => [i.quantity, i.status, i.openSlot])).toEqual([
      [10, 'superseded', null],
      [7, 'sent', null],
    ]);
  });

  it('an unlinked listing is no longer compared', async () => {
    const { accountId, products } = await freshAccount(1);
    await t.db.delete(productLinks).where(eq(productLinks.accountId, accountId));
    await setQuantity(t.db, products, 1);
    const marketplace = new FakeMarketplaceClient(20);
    expect((await runSync(t, fx, new Map([[accountId, marketplace]]), clock.now)).counts).toMatchObject({ queued: 0, sent: 0 });
  });
});
