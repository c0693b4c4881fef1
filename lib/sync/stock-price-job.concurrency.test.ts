import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { syncOutbox } from '@/lib/db/schema';
import { claimBatch } from './claim-outbox';
import { detectChanges } from './detect-changes';
import { FakeMarketplaceClient } from './fake-marketplace-client.test-helper';
import { readShopPricing } from './read-shop-stock-prices';
import { sendPendingItems, toStockPriceItem } from './send-pending-items';
import { CLAIM_LEASE_MS } from './sync-timing';
import {
  addAccount,
  addProducts,
  batchesOf,
  countByStatus,
  linkProducts,
  openFixture,
  outboxOf,
  runSync,
  skuOf,
  testClock,
  type SyncFixture,
} from './sync.test-helper';

let t: TestDatabase;
let fx: SyncFixture;
const clock = testClock();
let nextProductId = 3_000;

beforeAll(async () => {
  t = await createAppTestDatabase('syncconc');
  fx = await openFixture(t);
});
afterAll(async () => t?.drop());

async function queuedAccount(count: number) {
  const accountId = await addAccount(t.db, fx.tenantId);
  const products = await addProducts(t.db, count, nextProductId);
  nextProductId += count;
  await linkProducts(t.db, fx.tenantId, accountId, products);
  await detectChanges(t.db, fx.shop, {
    tenantId: fx.tenantId,
    accountId,
    pricing: await readShopPricing(fx.shop, clock.now()),
    thresholdPct: '30.00',
    now: clock.now(),
  });
  return { accountId, products };
}

/** Lets the other sender's queries interleave with this one's push. */
const yieldSoon = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));

describe('concurrent senders', () => {
  it('two sends at once never push one item twice, and together push every item', async () => {
    const { accountId, products } = await queuedAccount(600);
    const first = new FakeMarketplaceClient(40);
    const second = new FakeMarketplaceClient(40);
    first.onPush = yieldSoon;
    second.onPush = yieldSoon;
    const input = { tenantId: fx.tenantId, accountId, clock: clock.now, shouldStop: () => false };
    const [a, b] = await Promise.all([sendPendingItems(t.db, first, input), sendPendingItems(t.db, second, input)]);

    const pushed = [...first.pushedSkus(), ...second.pushedSkus()];
    expect(pushed).toHaveLength(600);
    expect(new Set(pushed).size).toBe(600);
    expect(pushed.sort()).toEqual(products.map(skuOf).sort());
    expect(a.sent + b.sent).toBe(600);
    // Both took part: the claims did not serialize behind one sender's locks.
    expect(first.pushes.length).toBeGreaterThan(0);
    expect(second.pushes.length).toBeGreaterThan(0);
    expect(await countByStatus(t.db, accountId)).toEqual({ sent: 600 });
    const batches = await batchesOf(t.db, accountId);
    expect(batches.reduce((sum, batch) => sum + batch.itemCount, 0)).toBe(600);
  });

  it('a claim skips the rows another claim holds and takes a full batch of the next ones', async () => {
    const { accountId } = await queuedAccount(120);
    const ids = (await outboxOf(t.db, accountId)).map((i) => i.id);
    await t.db.transaction(async (tx) => {
      // Another run in the middle of its claim holds the first 50.
      await tx.select({ id: syncOutbox.id }).from(syncOutbox).where(inArray(syncOutbox.id, ids.slice(0, 50))).for('update');
      const claimed = await claimBatch(t.db, { tenantId: fx.tenantId, accountId, limit: 50, now: clock.now() });
      expect(claimed?.items.map((i) => i.id)).toEqual(ids.slice(50, 100));
    });
  });

  it('two whole runs at once (as overlapping cron deliveries would be without the job lock) confirm each listing once', async () => {
    const { accountId, products } = await queuedAccount(200);
    const first = new FakeMarketplaceClient(25);
    const second = new FakeMarketplaceClient(25);
    first.onPush = yieldSoon;
    second.onPush = yieldSoon;
    first.pendingPolls = 0;
    second.pendingPolls = 0;
    await Promise.all([
      runSync(t, fx, new Map([[accountId, first]]), clock.now),
      runSync(t, fx, new Map([[accountId, second]]), clock.now),
    ]);
    const pushed = [...first.pushedSkus(), ...second.pushedSkus()];
    expect(new Set(pushed).size).toBe(200);
    expect(pushed).toHaveLength(200);
    // Each fake answers only for its own batches: one run per fake reads them.
    await runSync(t, fx, new Map([[accountId, first]]), clock.now);
    await runSync(t, fx, new Map([[accountId, second]]), clock.now);
    const confirmed = (await outboxOf(t.db, accountId)).filter((i) => i.status === 'confirmed').map((i) => i.marketplaceSku);
    expect(confirmed.sort()).toEqual(products.map(skuOf).sort());
  });
});

describe('crash recovery', () => {
  it('items claimed by a run that died before storing the batch id go out again after the lease, and nothing is lost or doubled', async () => {
    const { accountId, products } = await queuedAccount(30);
    // A run claims 10 items and dies before (or while) pushing them.
    const dead = await claimBatch(t.db, { tenantId: fx.tenantId, accountId, limit: 10, now: clock.now() });
    expect(dead?.items).toHaveLength(10);

    const marketplace = new FakeMarketplaceClient(100);
    marketplace.pendingPolls = 0;
    const clients = new Map([[accountId, marketplace]]);
    // Within the lease the claimed items are left alone; the rest go out.
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 20, queued: 0 });
    expect(await countByStatus(t.db, accountId)).toEqual({ sending: 10, sent: 20 });

    clock.advance(CLAIM_LEASE_MS + 1);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 20, sent: 10, queued: 0 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 10 });

    expect(marketplace.pushedSkus().sort()).toEqual(products.map(skuOf).sort());
    expect(await countByStatus(t.db, accountId)).toEqual({ confirmed: 30 });
    const batches = await batchesOf(t.db, accountId);
    expect(batches.map((b) => [b.status, b.itemCount])).toEqual([
      ['abandoned', 10],
      ['done', 20],
      ['done', 10],
    ]);
  });

  it('a push the marketplace took before the run died is sent again, but confirmed only once', async () => {
    const { accountId, products } = await queuedAccount(5);
    const marketplace = new FakeMarketplaceClient(100);
    marketplace.pendingPolls = 0;
    // Claimed and pushed, then the process died before recordBatchSent.
    const dead = await claimBatch(t.db, { tenantId: fx.tenantId, accountId, limit: 100, now: clock.now() });
    await marketplace.pushStockAndPrice(dead!.items.map(toStockPriceItem));

    clock.advance(CLAIM_LEASE_MS + 1);
    const clients = new Map([[accountId, marketplace]]);
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ sent: 5 });
    expect((await runSync(t, fx, clients, clock.now)).counts).toMatchObject({ confirmed: 5 });
    const confirmed = (await outboxOf(t.db, accountId)).filter((i) => i.status === 'confirmed');
    expect(confirmed.map((i) => i.marketplaceSku).sort()).toEqual(products.map(skuOf).sort());
    // The lost batch was never recorded, so only the resent one was read for results.
    expect(new Set(confirmed.map((i) => i.batchId)).size).toBe(1);
  });
});
