import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { auditLog, syncListingStates } from '@/lib/db/schema';
import { FakeMarketplaceClient } from './fake-marketplace-client.test-helper';
import { reviewHeldPrices } from './review-held-prices';
import { getSyncSettings, updateSyncSettings } from './sync-settings';
import { addAccount, addProducts, linkProducts, openFixture, runSync, setPrice, setQuantity, skuOf, testClock, type SyncFixture } from './sync.test-helper';

const actor = { userId: 1, username: 'admin' };
let t: TestDatabase;
let fx: SyncFixture;
let accountId: number;
let marketplace: FakeMarketplaceClient;
let a: number;
let b: number;
let c: number;
const clock = testClock();

const run = () => runSync(t, fx, new Map([[accountId, marketplace]]), clock.now);
const lastPush = () => marketplace.pushes.at(-1)?.items ?? [];
async function stateOf(productId: number) {
  const [state] = await t.db
    .select()
    .from(syncListingStates)
    .where(and(eq(syncListingStates.accountId, accountId), eq(syncListingStates.marketplaceSku, skuOf(productId))));
  return state!;
}

beforeAll(async () => {
  t = await createAppTestDatabase('synchold');
  fx = await openFixture(t);
  accountId = await addAccount(t.db, fx.tenantId);
  [a, b, c] = (await addProducts(t.db, 3)) as [number, number, number];
  await linkProducts(t.db, fx.tenantId, accountId, [a, b, c]);
  marketplace = new FakeMarketplaceClient(100);
  marketplace.pendingPolls = 0;
  await run();
  await run();
});
afterAll(async () => t?.drop());

describe('price safety threshold', () => {
  it('holds a price change above the threshold, sends one below it, and keeps stock flowing while a price waits', async () => {
    expect(await getSyncSettings(t.db, fx.tenantId)).toEqual({ priceChangeThresholdPct: '30.00' });
    await setPrice(t.db, [a], '140.0000');
    await setPrice(t.db, [b], '120.0000');
    const first = await run();
    expect(first.counts).toMatchObject({ held: 1, queued: 1, sent: 1 });
    expect(lastPush()).toEqual([{ sku: skuOf(b), quantity: 10, price: '120.00', listPrice: '120.00', currency: 'USD' }]);
    expect(await stateOf(a)).toMatchObject({ heldPrice: '140.0000', heldBasePrice: '100.0000', confirmedPrice: '100.0000' });

    // Still held: counted once, nothing sent.
    expect((await run()).counts).toMatchObject({ held: 0, queued: 0, sent: 0, confirmed: 1 });

    await setQuantity(t.db, [a], 8);
    expect((await run()).counts).toMatchObject({ queued: 1, sent: 1 });
    expect(lastPush()).toEqual([{ sku: skuOf(a), quantity: 8, price: '100.00', listPrice: '100.00', currency: 'USD' }]);
    expect(await stateOf(a)).toMatchObject({ heldPrice: '140.0000' });
  });

  it('an approved price goes out at once and is audited', async () => {
    const state = await stateOf(a);
    const review = await reviewHeldPrices(t.db, { accountId, stateIds: [state.id], decision: 'approve' }, { actor, shop: fx.shop, now: clock.now() });
    expect(review).toEqual({ reviewed: 1, queued: 1 });
    expect((await run()).counts).toMatchObject({ sent: 1, held: 0 });
    expect(lastPush()).toEqual([{ sku: skuOf(a), quantity: 8, price: '140.00', listPrice: '140.00', currency: 'USD' }]);
    await run();
    expect(await stateOf(a)).toMatchObject({ confirmedPrice: '140.0000', confirmedQuantity: 8, heldPrice: null, approvedPrice: null, reviewedBy: 'admin' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sync_price.approve'));
    expect(audit.map((row) => [row.targetId, row.before, row.after])).toEqual([
      [String(state.id), { marketplaceSku: skuOf(a), heldPrice: '140.0000', basePrice: '100.0000' }, { accountId, marketplaceSku: skuOf(a), decision: 'approve' }],
    ]);
  });

  it('a rejected price stays off the marketplace until the shop changes it again', async () => {
    await setPrice(t.db, [c], '50.0000');
    expect((await run()).counts).toMatchObject({ held: 1, sent: 0 });
    const state = await stateOf(c);
    await reviewHeldPrices(t.db, { accountId, stateIds: [state.id], decision: 'reject' }, { actor, shop: fx.shop, now: clock.now() });
    expect(await stateOf(c)).toMatchObject({ heldPrice: null, rejectedPrice: '50.0000' });
    expect((await run()).counts).toMatchObject({ held: 0, queued: 0, sent: 0 });

    await setQuantity(t.db, [c], 3);
    expect((await run()).counts).toMatchObject({ queued: 1, sent: 1 });
    expect(lastPush()).toEqual([{ sku: skuOf(c), quantity: 3, price: '100.00', listPrice: '100.00', currency: 'USD' }]);
    await run();

    await setPrice(t.db, [c], '55.0000');
    expect((await run()).counts).toMatchObject({ held: 1, sent: 0 });
    expect(await stateOf(c)).toMatchObject({ heldPrice: '55.0000', rejectedPrice: null });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'sync_price.reject'))).length).toBe(1);
  });

  it("a higher threshold releases what it no longer holds; the change is audited", async () => {
    await updateSyncSettings(t.db, fx.tenantId, { priceChangeThresholdPct: '60' }, { actor });
    expect(await getSyncSettings(t.db, fx.tenantId)).toEqual({ priceChangeThresholdPct: '60.00' });
    expect((await run()).counts).toMatchObject({ held: 0, sent: 1 });
    expect(lastPush()).toEqual([{ sku: skuOf(c), quantity: 3, price: '55.00', listPrice: '55.00', currency: 'USD' }]);
    expect(await stateOf(c)).toMatchObject({ heldPrice: null });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sync_settings.update'));
    expect(audit).toMatchObject({ before: { priceChangeThresholdPct: '30.00' }, after: { priceChangeThresholdPct: '60.00' } });
  });

  it('refuses a review of nothing held, of another account, and a threshold that is not a percentage', async () => {
    const state = await stateOf(b);
    await expect(reviewHeldPrices(t.db, { accountId, stateIds: [state.id], decision: 'approve' }, { actor, shop: fx.shop })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewHeldPrices(t.db, { accountId: accountId + 1, stateIds: [state.id], decision: 'approve' }, { actor, shop: fx.shop })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewHeldPrices(t.db, { accountId, stateIds: [], decision: 'approve' }, { actor, shop: fx.shop })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    for (const bad of ['0', '-5', 'abc', '12.345', '1001']) {
      await expect(updateSyncSettings(t.db, fx.tenantId, { priceChangeThresholdPct: bad }, { actor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});
