import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { circuitBreakers, marketplaceApiCalls } from '@/lib/db/schema';
import { FAKE_CREDENTIALS, startFakeMarketplace, type FakeMarketplace } from '@/scripts/fake-marketplaces/index';
import { getMarketplaceClient, ManualClock, MarketplaceApiError, TokenBucketLimiter, type MarketplaceClient, type StockPriceItem } from './index';
import { accountForFake, fastOptions, testKey } from './outbound.test-helper';

let t: TestDatabase;
let fake: FakeMarketplace;
let clock: ManualClock;

beforeAll(async () => {
  t = await createAppTestDatabase('outresil');
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

/** A fresh Trendyol fake, account and client per test, on one virtual clock. */
async function trendyol(extra: Parameters<typeof fastOptions>[1] = {}): Promise<{ client: MarketplaceClient; accountId: number }> {
  await fake?.close();
  clock = new ManualClock(Date.now());
  fake = await startFakeMarketplace('trendyol', { now: () => clock.now() });
  const accountId = await accountForFake(t.db, fake);
  return { client: await getMarketplaceClient(t.db, accountId, testKey, fastOptions(clock, extra)), accountId };
}

const items = (from: number, count: number): StockPriceItem[] =>
  Array.from({ length: count }, (_, i) => ({ sku: `SKU-${from + i}`, quantity: i, price: `${10 + i}.50`, currency: 'TRY' }));

async function calls(accountId: number) {
  return t.db.select().from(marketplaceApiCalls).where(eq(marketplaceApiCalls.accountId, accountId)).orderBy(asc(marketplaceApiCalls.id));
}

async function failure(promise: Promise<unknown>): Promise<MarketplaceApiError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(MarketplaceApiError);
  return err as MarketplaceApiError;
}

const PUSH_PATH = 'price-and-inventory';
const BATCH_PATH = 'batch-requests';

describe('429 with Retry-After', () => {
  it('waits what Retry-After says, ends in success, and no item is in two accepted batches', async () => {
    const { client, accountId } = await trendyol();
    fake.behave({ kind: 'status', status: 429, retryAfter: '2', count: 3, path: PUSH_PATH });
    const first = await client.pushStockAndPrice(items(0, 500));
    fake.behave({ kind: 'status', status: 429, retryAfter: new Date(clock.now() + 5_000).toUTCString(), count: 2, path: PUSH_PATH });
    const second = await client.pushStockAndPrice(items(500, 500));

    expect(first.batchId).not.toBe(second.batchId);
    expect(fake.received.filter((r) => r.path.endsWith(PUSH_PATH))).toHaveLength(7);
    expect(fake.accepted).toHaveLength(2);
    const sent = fake.accepted.flatMap((b) => b.skus);
    expect(sent).toHaveLength(1000);
    expect(new Set(sent).size).toBe(1000);
    expect(clock.sleeps.slice(0, 3)).toEqual([2000, 2000, 2000]);
    // An HTTP date is a moment: the first wait runs up to it (whole seconds), the second finds it passed.
    expect(clock.sleeps[3]).toBeGreaterThan(4_000);
    expect(clock.sleeps[4]).toBe(0);
    const kinds = (await calls(accountId)).map((c) => c.errorKind);
    expect(kinds).toEqual(['rate_limited', 'rate_limited', 'rate_limited', null, 'rate_limited', 'rate_limited', null]);
  });

  it('does not wait past the run deadline: the call fails as retryable with the wait it was told', async () => {
    const { accountId } = await trendyol();
    const bounded = await getMarketplaceClient(t.db, accountId, testKey, fastOptions(clock, { deadline: clock.now() + 1_000 }));
    fake.behave({ kind: 'status', status: 429, retryAfter: '30', count: 1, path: PUSH_PATH });
    const err = await failure(bounded.pushStockAndPrice(items(0, 2)));
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 30_000, status: 429 });
    expect(fake.accepted).toHaveLength(0);
  });
});

describe('5xx', () => {
  it('retries a read with full-jitter exponential backoff', async () => {
    const { client, accountId } = await trendyol();
    const { batchId } = await client.pushStockAndPrice(items(0, 3));
    fake.behave({ kind: 'status', status: 500, count: 2, path: BATCH_PATH });
    const status = await client.batchStatus(batchId);
    expect(status.state).toBe('done');
    // random() = 0.5 of min(cap, 100 · 2^(retry−1)): 50, then 100.
    expect(clock.sleeps).toEqual([50, 100]);
    expect((await calls(accountId)).map((c) => [c.endpoint.endsWith('{batchRequestId}'), c.status, c.attempt])).toEqual([
      [false, 200, 1],
      [true, 500, 1],
      [true, 500, 2],
      [true, 200, 3],
    ]);
  });

  it('does not repeat a push answered 500 (it may have been taken), but does after 503', async () => {
    const { client } = await trendyol();
    fake.behave({ kind: 'status', status: 500, count: 1, path: PUSH_PATH });
    const err = await failure(client.pushStockAndPrice(items(0, 3)));
    expect(err).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(fake.received).toHaveLength(1);

    fake.behave({ kind: 'status', status: 503, count: 1, path: PUSH_PATH });
    await client.pushStockAndPrice(items(10, 3));
    expect(fake.received).toHaveLength(3);
    expect(fake.accepted).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('gives up on a silent server after the request timeout and retries a read', async () => {
    const { client, accountId } = await trendyol();
    const { batchId } = await client.pushStockAndPrice(items(0, 3));
    fake.behave({ kind: 'timeout', count: 1, path: BATCH_PATH });
    const started = performance.now();
    expect((await client.batchStatus(batchId)).state).toBe('done');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await calls(accountId)).map((c) => c.errorKind)).toEqual([null, 'timeout', null]);
  });

  it('counts a body that trickles in past the timeout as a timeout', async () => {
    const { client, accountId } = await trendyol();
    const { batchId } = await client.pushStockAndPrice(items(0, 3));
    fake.behave({ kind: 'slow-body', delayMs: 2_000, count: 1, path: BATCH_PATH });
    expect((await client.batchStatus(batchId)).state).toBe('done');
    const rows = await calls(accountId);
    expect(rows[1]).toMatchObject({ status: 200, errorKind: 'timeout' });
  });

  it('waits for a slow answer inside the timeout, and does not resend a push that timed out', async () => {
    const { client } = await trendyol();
    fake.behave({ kind: 'slow', delayMs: 100, count: 1, path: PUSH_PATH });
    await client.pushStockAndPrice(items(0, 3));
    expect(fake.received).toHaveLength(1);
    fake.behave({ kind: 'timeout', count: 1, path: PUSH_PATH });
    const err = await failure(client.pushStockAndPrice(items(10, 3)));
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    expect(fake.received).toHaveLength(2);
  });
});

describe('malformed answers', () => {
  it('become an invalid_response error naming what did not fit, not a crash, and are not retried', async () => {
    const { client } = await trendyol();
    fake.behave({ kind: 'status', status: 200, count: 1, path: PUSH_PATH, body: JSON.stringify({ batchId: 42 }) });
    const wrongShape = await failure(client.pushStockAndPrice(items(0, 2)));
    expect(wrongShape).toMatchObject({ kind: 'invalid_response', retryable: false, status: 200 });
    expect(wrongShape.message).toContain('batchRequestId');
    fake.behave({ kind: 'status', status: 200, count: 1, path: 'orders/stream', body: '<html>maintenance</html>' });
    const notJson = await failure(client.listOrders(new Date(clock.now() - 60_000), null));
    expect(notJson).toMatchObject({ kind: 'invalid_response' });
    expect(fake.received.filter((r) => r.path.endsWith('orders/stream'))).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, refuses calls of every instance, probes once after the pause and closes on success', async () => {
    const { client: a, accountId } = await trendyol();
    const { batchId } = await a.pushStockAndPrice(items(0, 3));
    // A second instance: its own token buckets, the same database.
    const b = await getMarketplaceClient(t.db, accountId, testKey, { ...fastOptions(clock), limiter: new TokenBucketLimiter(clock) });

    fake.behave({ kind: 'status', status: 500, count: 100, path: BATCH_PATH });
    const opened = await failure(a.batchStatus(batchId));
    expect(opened.kind).toBe('circuit_open');
    const sent = fake.received.length;
    expect(sent).toBe(4); // the push and three failures: the fourth attempt was refused
    const [row] = await t.db.select().from(circuitBreakers).where(eq(circuitBreakers.accountId, accountId));
    expect(row).toMatchObject({ state: 'open', consecutiveFailures: 3, lastErrorKind: 'server' });

    const refused = await failure(b.batchStatus(batchId));
    expect(refused).toMatchObject({ kind: 'circuit_open', retryable: true });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(fake.received).toHaveLength(sent);

    clock.advance(30_000);
    fake.clearBehaviour();
    fake.behave({ kind: 'slow', delayMs: 150, count: 1, path: BATCH_PATH });
    const [probe, other] = await Promise.allSettled([b.batchStatus(batchId), (async () => {
      await new Promise((r) => setTimeout(r, 50));
      return a.batchStatus(batchId);
    })()]);
    expect(probe.status).toBe('fulfilled');
    expect(other.status).toBe('rejected');
    expect((other as PromiseRejectedResult).reason).toMatchObject({ kind: 'circuit_open' });
    const [closed] = await t.db.select().from(circuitBreakers).where(eq(circuitBreakers.accountId, accountId));
    expect(closed).toMatchObject({ state: 'closed', consecutiveFailures: 0, nextProbeAt: null });
    expect((await a.batchStatus(batchId)).state).toBe('done');
  });

  it('opens again when the probe fails', async () => {
    const { client, accountId } = await trendyol();
    const { batchId } = await client.pushStockAndPrice(items(0, 3));
    fake.behave({ kind: 'status', status: 502, count: 100, path: BATCH_PATH });
    await failure(client.batchStatus(batchId));
    clock.advance(30_000);
    const probe = await failure(client.batchStatus(batchId));
    expect(probe.kind).toBe('circuit_open');
    const [row] = await t.db.select().from(circuitBreakers).where(eq(circuitBreakers.accountId, accountId));
    expect(row!.state).toBe('open');
    // Opened again when the probe failed (the refused retry came one backoff later).
    expect(row!.nextProbeAt!.getTime()).toBeGreaterThan(clock.now());
    expect(row!.nextProbeAt!.getTime()).toBeLessThanOrEqual(clock.now() + 30_000);
  });
});

describe('token bucket', () => {
  it('keeps an endpoint to 50 requests in any 10 s of the clock, in order', async () => {
    const { client, accountId } = await trendyol();
    const { batchId } = await client.pushStockAndPrice(items(0, 1));
    for (let i = 0; i < 120; i++) await client.batchStatus(batchId);
    const times = (await calls(accountId)).filter((c) => c.endpoint.endsWith('{batchRequestId}')).map((c) => c.createdAt.getTime());
    expect(times).toHaveLength(120);
    for (let i = 50; i < times.length; i++) expect(times[i]! - times[i - 50]!).toBeGreaterThanOrEqual(10_000);
    // A burst of 10, then 4 a second: the 120th goes out 110 / 4 = 27.5 s after the first.
    expect(times.at(-1)! - times[0]!).toBe(27_500);
    // Each wait is one token's worth (a quarter second); the push, on its own bucket, waited for none.
    expect(Math.max(...clock.sleeps)).toBe(250);
    expect(clock.sleeps).toHaveLength(110);
  });
});

describe('credentials', () => {
  it('never appear in the call log, in error messages or in what the breaker stores', async () => {
    const { client, accountId } = await trendyol();
    const { apiKey, apiSecret } = FAKE_CREDENTIALS.trendyol;
    const basic = Buffer.from(`${apiKey}:${apiSecret}`).toString('base64');
    fake.behave({ kind: 'status', status: 400, count: 1, path: PUSH_PATH, body: JSON.stringify({ message: `bad request from ${apiKey}:${apiSecret} (Basic ${basic})` }) });
    const err = await failure(client.pushStockAndPrice(items(0, 3)));
    expect(err.kind).toBe('client');
    for (const text of [err.message, String(err.stack)]) {
      for (const secret of [apiKey, apiSecret, basic]) expect(text).not.toContain(secret);
    }
    expect(err.message).toContain('[redacted]');

    const wrong = await accountForFake(t.db, fake, { apiCredentials: { apiKey: 'wrong-key-value-1', apiSecret: 'wrong-secret-value-1' } });
    const denied = await failure((await getMarketplaceClient(t.db, wrong, testKey, fastOptions(clock))).pushStockAndPrice(items(0, 1)));
    expect(denied).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(denied.message).not.toContain('wrong-secret-value-1');

    const everything = JSON.stringify([await t.db.select().from(marketplaceApiCalls), await t.db.select().from(circuitBreakers)]);
    for (const secret of [apiKey, apiSecret, basic, 'wrong-secret-value-1']) expect(everything).not.toContain(secret);
    expect((await calls(accountId)).every((c) => !c.endpoint.includes('107700'))).toBe(true);
  });
});
