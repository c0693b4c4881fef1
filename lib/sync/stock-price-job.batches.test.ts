import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { FakeMarketplaceClient } from './fake-marketplace-client.test-helper';
import {
  addAccount,
  addProducts,
  batchesOf,
  countByStatus,
  linkProducts,
  openFixture,
  runSync,
  setQuantity,
  skuOf,
  testClock,
  type SyncFixture,
} from './sync.test-helper';

const LINKED = 10_000;
/** Generous: the test machine's cores are shared; nothing here asserts a duration. */
const SLOW_TEST_MS = 300_000;
const CHANGED = 1_000;

let t: TestDatabase;
let fx: SyncFixture;
let accountId: number;
let products: number[];
const clock = testClock();

beforeAll(async () => {
  t = await createAppTestDatabase('syncbatches');
  fx = await openFixture(t);
  accountId = await addAccount(t.db, fx.tenantId);
  products = await addProducts(t.db, LINKED);
  await linkProducts(t.db, fx.tenantId, accountId, products);
});
afterAll(async () => t?.drop());

describe('minimum batches', () => {
  it('sends a first sync of 10,000 listings in full batches and confirms them all', async () => {
    const marketplace = new FakeMarketplaceClient(1_000);
    marketplace.pendingPolls = 0;
    const first = await runSync(t, fx, marketplace, clock.now);
    expect(first.counts).toMatchObject({ queued: LINKED, sent: LINKED, batches: 10, failed: 0 });
    expect(marketplace.pushes.map((p) => p.items.length)).toEqual(Array(10).fill(1_000));

    const second = await runSync(t, fx, marketplace, clock.now);
    expect(second.counts).toMatchObject({ confirmed: LINKED, queued: 0, sent: 0 });
    expect(await countByStatus(t.db, accountId)).toEqual({ confirmed: LINKED });
  }, SLOW_TEST_MS);

  it('pushes exactly the 1,000 changed quantities in ceil(1000 / maxBatchSize) batches', async () => {
    const changed = products.filter((_, i) => i % 10 === 3);
    expect(changed).toHaveLength(CHANGED);
    await setQuantity(t.db, changed, 4);

    const marketplace = new FakeMarketplaceClient(300);
    marketplace.pendingPolls = 0;
    const run = await runSync(t, fx, marketplace, clock.now);
    expect(run.counts).toMatchObject({ queued: CHANGED, sent: CHANGED, batches: Math.ceil(CHANGED / 300) });
    expect(marketplace.pushes.map((p) => p.items.length)).toEqual([300, 300, 300, 100]);
    const pushed = marketplace.pushedSkus();
    expect(new Set(pushed).size).toBe(CHANGED);
    expect([...pushed].sort()).toEqual(changed.map(skuOf).sort());
    expect(marketplace.pushes.flatMap((p) => p.items).every((i) => i.quantity === 4 && i.price === '100.00')).toBe(true);

    const confirmRun = await runSync(t, fx, marketplace, clock.now);
    expect(confirmRun.counts).toMatchObject({ confirmed: CHANGED, queued: 0, sent: 0 });
    const batches = await batchesOf(t.db, accountId);
    expect(batches.slice(-4).map((b) => [b.status, b.itemCount, b.okCount])).toEqual([
      ['done', 300, 300],
      ['done', 300, 300],
      ['done', 300, 300],
      ['done', 100, 100],
    ]);
  }, SLOW_TEST_MS);

  it('sends nothing when nothing changed', async () => {
    const marketplace = new FakeMarketplaceClient(1_000);
    const run = await runSync(t, fx, marketplace, clock.now);
    expect(run.counts).toMatchObject({ queued: 0, sent: 0, batches: 0 });
    expect(marketplace.pushes).toEqual([]);
  }, SLOW_TEST_MS);

  it('stops on its time budget and the next run carries on', async () => {
    await setQuantity(t.db, products.slice(0, 50), 2);
    const marketplace = new FakeMarketplaceClient(10);
    marketplace.pendingPolls = 0;
    let pushesAllowed = 2;
    const stopAfterTwoPushes = () => marketplace.pushes.length >= pushesAllowed;
    const partial = await runSync(t, fx, marketplace, clock.now, { shouldStop: stopAfterTwoPushes });
    expect(partial).toMatchObject({ more: true, counts: { queued: 50, sent: 20, batches: 2 } });

    pushesAllowed = Number.POSITIVE_INFINITY;
    const rest = await runSync(t, fx, marketplace, clock.now);
    expect(rest.counts).toMatchObject({ confirmed: 20, sent: 30, batches: 3 });
    expect(new Set(marketplace.pushedSkus()).size).toBe(50);
    expect(marketplace.pushedSkus()).toHaveLength(50);
  }, SLOW_TEST_MS);
});
