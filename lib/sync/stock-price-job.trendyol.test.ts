/**
 * The sync end to end through the real outbound client (rate limit, retries honouring Retry-After,
 * circuit breaker) against the fake Trendyol server: the acceptance cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { getMarketplaceClient, ManualClock } from '@/lib/marketplaces/outbound';
import { accountForFake, fastOptions, testKey } from '@/lib/marketplaces/outbound/outbound.test-helper';
import { startFakeMarketplace, type FakeMarketplace } from '@/scripts/fake-marketplaces/index';
import { runStockPriceSync } from './run-stock-price-sync';
import { addProducts, countByStatus, jobContext, linkProducts, openFixture, outboxOf, setQuantity, skuOf, type SyncFixture } from './sync.test-helper';

const LINKED = 10_000;
const CHANGED = 1_000;
const TRENDYOL_BATCH = 1_000;
const PUSH_PATH = 'price-and-inventory';
/** Generous: the test machine's cores are shared; nothing here asserts a duration. */
const SLOW_TEST_MS = 300_000;

let t: TestDatabase;
let fx: SyncFixture;
let fake: FakeMarketplace;
let accountId: number;
let products: number[];
const clock = new ManualClock(Date.now());
const options = fastOptions(clock);

const run = () =>
  runStockPriceSync(jobContext(t, fx), {
    clock: () => new Date(clock.now()),
    clientFor: (account) => getMarketplaceClient(t.db, account.id, testKey, options),
  });

/** SKUs of accepted batches after the first `from`, with repeats. */
const acceptedSkus = (from: number) => fake.accepted.slice(from).flatMap((batch) => batch.skus);

beforeAll(async () => {
  t = await createAppTestDatabase('synctrendyol');
  fx = await openFixture(t);
  fake = await startFakeMarketplace('trendyol', { now: () => clock.now(), seedOrders: false });
  accountId = await accountForFake(t.db, fake);
  products = await addProducts(t.db, LINKED);
  await linkProducts(t.db, fx.tenantId, accountId, products);
}, SLOW_TEST_MS);
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

describe('sync-stock-price against the Trendyol fake', () => {
  it('10,000 linked products with 1,000 changed quantities push exactly 1,000 items in the minimum number of batches', async () => {
    const initial = await run();
    expect(initial.counts).toMatchObject({ queued: LINKED, sent: LINKED, batches: LINKED / TRENDYOL_BATCH, failed: 0 });
    expect((await run()).counts).toMatchObject({ confirmed: LINKED });

    const changed = products.filter((_, i) => i % 10 === 7);
    await setQuantity(t.db, changed, 3);
    const before = fake.accepted.length;
    const changedRun = await run();
    expect(changedRun.counts).toMatchObject({ queued: CHANGED, sent: CHANGED, batches: Math.ceil(CHANGED / TRENDYOL_BATCH) });
    expect(fake.accepted.length - before).toBe(Math.ceil(CHANGED / TRENDYOL_BATCH));
    const pushed = acceptedSkus(before);
    expect(pushed).toHaveLength(CHANGED);
    expect([...pushed].sort()).toEqual(changed.map(skuOf).sort());
    const bodies = fake.accepted.slice(before).flatMap((batch) => batch.items) as Array<{ quantity: number; salePrice: number }>;
    expect(bodies.every((item) => item.quantity === 3 && item.salePrice === 100)).toBe(true);

    expect((await run()).counts).toMatchObject({ confirmed: CHANGED, queued: 0, sent: 0 });
    expect(await countByStatus(t.db, accountId)).toEqual({ confirmed: LINKED + CHANGED });
  }, SLOW_TEST_MS);

  it('a 429 storm ends in success with no item sent twice in a confirmed batch', async () => {
    const changed = products.filter((_, i) => i % 10 === 2);
    await setQuantity(t.db, changed, 6);
    const before = fake.accepted.length;
    // More 429s than the client's four attempts: the first run gives up (items wait), the next gets through.
    fake.behave({ kind: 'status', status: 429, retryAfter: '2', count: 6, path: PUSH_PATH });

    const stormy = await run();
    expect(stormy.counts).toMatchObject({ queued: CHANGED, sent: 0, deferred: CHANGED, failed: 0 });
    expect(fake.accepted.length).toBe(before);
    const waiting = (await outboxOf(t.db, accountId)).filter((i) => i.status === 'pending');
    expect(waiting).toHaveLength(CHANGED);
    expect(waiting.every((i) => i.attempts === 0 && /rate_limited/.test(i.lastError ?? ''))).toBe(true);

    const through = await run();
    expect(through.counts).toMatchObject({ sent: CHANGED, batches: 1, deferred: 0 });
    expect((await run()).counts).toMatchObject({ confirmed: CHANGED });

    const pushed = acceptedSkus(before);
    expect(pushed).toHaveLength(CHANGED);
    expect(new Set(pushed).size).toBe(CHANGED);
    const confirmed = (await outboxOf(t.db, accountId)).filter((i) => i.status === 'confirmed' && i.quantity === 6);
    expect(confirmed.map((i) => i.marketplaceSku).sort()).toEqual(changed.map(skuOf).sort());
  }, SLOW_TEST_MS);

  it('the circuit opens on a failing marketplace, the items wait without burning attempts, and it recovers', async () => {
    const changed = products.slice(0, 20);
    await setQuantity(t.db, changed, 1);
    const before = fake.accepted.length;
    const threshold = options.breaker!.failureThreshold!;
    fake.behave({ kind: 'status', status: 500, count: threshold, path: PUSH_PATH });

    // A push is not idempotent, so the client does not retry it on a 5xx: each run makes one failing call.
    for (let failing = 0; failing < threshold; failing++) {
      expect((await run()).counts).toMatchObject({ sent: 0, deferred: 20 });
    }
    // The breaker is open now: the next run does not even call.
    const received = fake.received.length;
    expect((await run()).counts).toMatchObject({ sent: 0, deferred: 20 });
    expect(fake.received.length).toBe(received);

    clock.advance(options.breaker!.openMs! + 1);
    expect((await run()).counts).toMatchObject({ sent: 20, deferred: 0 });
    expect((await run()).counts).toMatchObject({ confirmed: 20 });
    expect(acceptedSkus(before).sort()).toEqual(changed.map(skuOf).sort());
    const items = (await outboxOf(t.db, accountId)).filter((i) => i.quantity === 1);
    expect(items.map((i) => [i.status, i.attempts])).toEqual(Array(20).fill(['confirmed', 0]));
  }, SLOW_TEST_MS);

  it('an item Trendyol refuses keeps its reason and the others are confirmed', async () => {
    const changed = products.slice(100, 103);
    await setQuantity(t.db, changed, 2);
    fake.failSku(skuOf(changed[1]!), 'Ürün bulunamadı');
    expect((await run()).counts).toMatchObject({ sent: 3 });
    expect((await run()).counts).toMatchObject({ confirmed: 2, failed: 1 });
    const [refused] = (await outboxOf(t.db, accountId)).filter((i) => i.marketplaceSku === skuOf(changed[1]!) && i.quantity === 2);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Ürün bulunamadı' });
  }, SLOW_TEST_MS);
});
