import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceApiCalls } from '@/lib/db/schema';
import { startFakeMarketplace, type FakeMarketplace } from '@/scripts/fake-marketplaces/index';
import { getMarketplaceClient, ManualClock, MarketplaceApiError } from '@/lib/marketplaces/outbound';
import { accountForFake, defaultTenantId, fastOptions, testKey } from '@/lib/marketplaces/outbound/outbound.test-helper';
import { setQuotaLimit } from './set-quota-limit';
import { MS_PER_MINUTE, windowStart } from './windows';

let t: TestDatabase;
let fake: FakeMarketplace;
let clock: ManualClock;
let tenantId: number;

beforeAll(async () => {
  t = await createAppTestDatabase('quotaapi');
  tenantId = await defaultTenantId(t.db);
  // Minute-aligned, so the first window is a whole one.
  clock = new ManualClock(windowStart('minute', Date.now()).getTime() + MS_PER_MINUTE);
  fake = await startFakeMarketplace('trendyol', { now: () => clock.now() });
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

const oneItem = (n: number) => [{ sku: `SKU-${n}`, quantity: n, price: '10.00', currency: 'TRY' }];

describe('outbound calls and the per-minute quota', () => {
  it('slow down to the tenant’s quota per marketplace instead of failing', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'api_calls_per_minute', scope: 'trendyol', limit: 3 }, { actor: { userId: 1, username: 'boss' } });
    const accountId = await accountForFake(t.db, fake);
    const client = await getMarketplaceClient(t.db, accountId, testKey, fastOptions(clock));
    const started = clock.now();
    for (let n = 0; n < 7; n++) await client.pushStockAndPrice(oneItem(n));

    const calls = await t.db.select().from(marketplaceApiCalls).where(eq(marketplaceApiCalls.accountId, accountId)).orderBy(asc(marketplaceApiCalls.id));
    expect(calls).toHaveLength(7);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const c of calls) {
      const minute = windowStart('minute', new Date(c.createdAt)).getTime();
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect([...perMinute.values()]).toEqual([3, 3, 1]);
    expect(clock.now() - started).toBeGreaterThanOrEqual(2 * MS_PER_MINUTE);
  });

  it('fails as rate_limited, to be retried by the next run, when the next slot is after the run’s deadline', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'api_calls_per_minute', scope: 'trendyol', limit: 1 }, { actor: { userId: 1, username: 'boss' } });
    clock.advance(MS_PER_MINUTE);
    const accountId = await accountForFake(t.db, fake);
    const client = await getMarketplaceClient(t.db, accountId, testKey, { ...fastOptions(clock), deadline: clock.now() + 5_000 });
    // Trendyol refuses the same request twice within 15 minutes: new SKUs.
    await client.pushStockAndPrice(oneItem(101));
    const err = await client.pushStockAndPrice(oneItem(102)).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(MarketplaceApiError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect((err as MarketplaceApiError).retryAfterMs).toBeGreaterThan(0);
  });
});
