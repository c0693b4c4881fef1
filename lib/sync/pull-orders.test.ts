import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceAccounts, orderPullCursors, webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { ingestWebhook } from '@/lib/webhooks/ingest';
import { drain, oc, orderRowsOf } from '@/lib/webhooks/worker.test-helper';
import { ManualClock } from '@/lib/marketplaces/outbound';
import { accountWithSecretForFake, defaultTenantId, fastOptions, testKey } from '@/lib/marketplaces/outbound/outbound.test-helper';
import { startFakeMarketplace, type FakeMarketplace } from '@/scripts/fake-marketplaces/index';
import { PULL_DELIVERY_PATH, pullTenantOrders, type PullOrdersInput } from './pull-orders';

let t: TestDatabase;
let fake: FakeMarketplace;
let clock: ManualClock;
let tenantId: number;
const PACKAGE_ID = '3301234567';
const HOUR = 60 * 60_000;

beforeAll(async () => {
  t = await createAppTestDatabase('pullorders');
  tenantId = await defaultTenantId(t.db);
  // The Trendyol fixture's line (stock code OC-1001-RED-M, 2 units, TRY) must find a product and a currency.
  await t.db.update(oc.product).set({ sku: 'OC-1001-RED-M', quantity: 100, subtract: 1 }).where(eq(oc.product.productId, 28));
  await t.db.execute(
    sql`INSERT INTO oc_currency (title, code, symbol_left, symbol_right, decimal_place, value, status, date_modified) VALUES ('Türk lirası', 'TRY', '', '₺', '2', 30, 1, NOW())`,
  );
  clock = new ManualClock(Date.now());
  fake = await startFakeMarketplace('trendyol', { now: () => clock.now() });
  // Changed five minutes ago: inside the next sweep's overlap too.
  fake.state.orders[0]!.modifiedAt = clock.now() - 5 * 60_000;
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

async function newAccount(createdAgoMs: number) {
  const created = await accountWithSecretForFake(t.db, fake);
  await t.db.update(marketplaceAccounts).set({ createdAt: new Date(clock.now() - createdAgoMs) }).where(eq(marketplaceAccounts.id, created.accountId));
  return created;
}

const input = (overrides: Partial<PullOrdersInput> = {}): PullOrdersInput => ({
  mainDb: t.db,
  key: testKey,
  tenantId,
  shouldStop: () => false,
  clientOptions: fastOptions(clock),
  ...overrides,
});

const ordersOf = (accountId: number) => orderRowsOf(t.db, { accountId }, PACKAGE_ID);
const applyDue = () => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'pull-test' });
const cursorOf = async (accountId: number) => (await t.db.select().from(orderPullCursors).where(eq(orderPullCursors.accountId, accountId)))[0];

/** The package as the fake lists it (its lastModifiedDate is when the fake says it changed), pushed as Trendyol's webhook page. */
function listedPackageAsPush(): string {
  const listed = fake.state.orders[0]!;
  return JSON.stringify({ content: [{ ...listed.raw, lastModifiedDate: listed.modifiedAt }] });
}

function webhookPush(secret: string, body: string) {
  return { method: 'POST' as const, pathTail: [], headers: { 'x-api-key': secret, 'content-type': 'application/json' }, rawBody: body, receivedAt: new Date() };
}

describe('order pull', () => {
  it('after a missed webhook creates the OpenCart order once; a second pull and the late webhook are duplicates', async () => {
    const { accountId, secret } = await newAccount(2 * HOUR);
    const first = await pullTenantOrders(input());
    expect(first.counts).toMatchObject({ accounts: 1, events: 2, duplicates: 0, skippedOrders: 0, failedAccounts: 0 });
    expect(first.more).toBe(false);

    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, accountId));
    expect(delivery).toMatchObject({ path: PULL_DELIVERY_PATH, eventCount: 2 });
    await applyDue();
    expect(await ordersOf(accountId)).toHaveLength(1);
    const [product] = await t.db.select({ quantity: oc.product.quantity }).from(oc.product).where(eq(oc.product.productId, 28));
    expect(product!.quantity).toBe(98);

    clock.advance(5 * 60_000);
    const second = await pullTenantOrders(input());
    expect(second.counts).toMatchObject({ events: 0, duplicates: 2 });

    // The webhook that was missed arrives after all: the same keys, so nothing new.
    const page = listedPackageAsPush();
    const pushed = await ingestWebhook(t.db, { marketplace: 'trendyol', accountId, request: webhookPush(secret, page), key: testKey });
    expect(pushed).toMatchObject({ ok: true, received: 0, duplicate: 2 });
    await applyDue();
    expect(await ordersOf(accountId)).toHaveLength(1);
    expect(await t.db.select().from(webhookEvents).where(eq(webhookEvents.accountId, accountId))).toHaveLength(2);
  });

  it('a pull after the webhook stored the order finds only duplicates', async () => {
    const { accountId, secret } = await newAccount(2 * HOUR);
    const page = listedPackageAsPush();
    expect(await ingestWebhook(t.db, { marketplace: 'trendyol', accountId, request: webhookPush(secret, page), key: testKey })).toMatchObject({ received: 2 });
    await applyDue();
    const pulled = await pullTenantOrders(input());
    // Two accounts of the tenant now: the first one's repeat and this one's, all duplicates.
    expect(pulled.counts).toMatchObject({ accounts: 2, events: 0, duplicates: 4 });
    await applyDue();
    expect(await ordersOf(accountId)).toHaveLength(1);
  });

  it('moves the cursor only past stored pages, continues a sweep cut short, and starts the next with the overlap', async () => {
    await t.db.update(marketplaceAccounts).set({ status: 'disabled' }).where(eq(marketplaceAccounts.tenantId, tenantId));
    const { accountId } = await newAccount(20 * 24 * HOUR);
    const template = fake.state.orders[0]!.raw;
    for (let i = 0; i < 450; i++) fake.addOrder({ ...template, shipmentPackageId: 7_000_000 + i }, { modifiedAt: clock.now() - 3 * HOUR + i * 1000 });

    const before = fake.received.length;
    const cut = await pullTenantOrders(input({ shouldStop: () => fake.received.length > before }));
    expect(cut.more).toBe(true);
    const midway = await cursorOf(accountId);
    expect(midway).toMatchObject({ pulledUntil: null, pageCursor: expect.any(String) });
    expect(midway!.sweepUntil!.getTime()).toBe(clock.now());
    const storedAfterCut = cut.counts.events;

    const requestsBefore = fake.received.length;
    clock.advance(60_000);
    const rest = await pullTenantOrders(input());
    expect(rest.more).toBe(false);
    // The continued sweep's first request carries on from the saved page cursor, within the saved bounds.
    const resumed = fake.received[requestsBefore]!;
    expect(Number(resumed.query.lastModifiedStartDate)).toBeGreaterThan(midway!.sweepSince!.getTime());
    expect(Number(resumed.query.lastModifiedEndDate)).toBeLessThanOrEqual(midway!.sweepUntil!.getTime());
    const created = await t.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.accountId, accountId));
    expect(created).toHaveLength(2 * 451);
    expect(storedAfterCut + rest.counts.events).toBe(2 * 451);

    const done = await cursorOf(accountId);
    expect(done).toMatchObject({ sweepSince: null, sweepUntil: null, pageCursor: null, lastError: null });
    expect(done!.pulledUntil!.getTime()).toBe(midway!.sweepUntil!.getTime());

    const requestsAtNext = fake.received.length;
    await pullTenantOrders(input());
    const next = fake.received[requestsAtNext]!;
    expect(Number(next.query.lastModifiedStartDate)).toBe(done!.pulledUntil!.getTime() - 10 * 60_000);
  });

  it('records a marketplace failure on the account cursor and leaves the cursor where it was', async () => {
    await t.db.update(marketplaceAccounts).set({ status: 'disabled' }).where(eq(marketplaceAccounts.tenantId, tenantId));
    const { accountId } = await newAccount(HOUR);
    fake.behave({ kind: 'status', status: 500, count: 10, path: 'orders/stream' });
    // Three 500s open the account's circuit (the tests' threshold), which refuses the fourth attempt.
    await expect(pullTenantOrders(input())).rejects.toMatchObject({ name: 'MarketplaceApiError', retryable: true });
    fake.clearBehaviour();
    expect(await cursorOf(accountId)).toMatchObject({ pulledUntil: null, sweepUntil: null, lastError: expect.stringMatching(/HTTP 500|circuit is open/) });
  });
});
