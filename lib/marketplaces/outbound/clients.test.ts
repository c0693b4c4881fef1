import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { startFakeMarketplace, FAKE_CREDENTIALS, type FakeMarketplace, type FakeMarketplaceName } from '@/scripts/fake-marketplaces/index';
import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { getMarketplaceClient, ManualClock, type MarketplaceClient, type StockPriceItem } from './index';
import { accountForFake, fastOptions, testKey } from './outbound.test-helper';

let t: TestDatabase;
const fakes: FakeMarketplace[] = [];

beforeAll(async () => {
  t = await createAppTestDatabase('outclients');
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await t?.drop();
});

const ITEMS: StockPriceItem[] = [
  { sku: 'SKU-OK-1', quantity: 7, price: '524.9', listPrice: '549.90', currency: 'TRY' },
  { sku: 'SKU-OK-2', quantity: 0, price: '1299.9000', currency: 'TRY' },
  { sku: 'SKU-BAD', quantity: 3, price: '10', currency: 'TRY' },
];

async function setUp(name: FakeMarketplaceName): Promise<{ fake: FakeMarketplace; client: MarketplaceClient; clock: ManualClock }> {
  const options = fastOptions();
  const fake = await startFakeMarketplace(name, { now: () => options.clock.now() });
  fakes.push(fake);
  fake.failSku('SKU-BAD', 'Urun bulunamadi');
  fake.state.pendingPolls = 1;
  const accountId = await accountForFake(t.db, fake);
  return { fake, client: await getMarketplaceClient(t.db, accountId, testKey, options), clock: options.clock };
}

/** Pushes ITEMS, sees the batch pending once, then per-item results: two confirmed, one refused with its reason. */
async function pushAndConfirm(fake: FakeMarketplace, client: MarketplaceClient) {
  const { batchId } = await client.pushStockAndPrice(ITEMS);
  expect(batchId).toBeTruthy();
  expect(await client.batchStatus(batchId)).toEqual({ state: 'pending' });
  const status = await client.batchStatus(batchId);
  expect(status.state).toBe('done');
  if (status.state !== 'done') return;
  const bySku = new Map(status.items.map((i) => [i.sku, i]));
  expect(bySku.get('SKU-OK-1')).toEqual({ sku: 'SKU-OK-1', ok: true });
  expect(bySku.get('SKU-OK-2')).toEqual({ sku: 'SKU-OK-2', ok: true });
  expect(bySku.get('SKU-BAD')).toMatchObject({ ok: false, reason: expect.stringContaining('Urun bulunamadi') });
  expect(fake.accepted.flatMap((b) => b.skus).filter((s) => s === 'SKU-OK-1').length).toBeGreaterThanOrEqual(1);
}

async function allOrders(client: MarketplaceClient, since: Date): Promise<{ events: CanonicalEvent[]; pages: number }> {
  const events: CanonicalEvent[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await client.listOrders(since, cursor);
    expect(page.skipped ?? []).toEqual([]);
    events.push(...page.events);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 500);
  return { events, pages };
}

const createdIds = (events: CanonicalEvent[]) => events.filter((e) => e.type === 'order.created').map((e) => e.externalId).sort();
const posts = (fake: FakeMarketplace, path: string) => fake.received.filter((r) => r.method !== 'GET' && r.path.includes(path));
const DAY = 24 * 60 * 60_000;

describe('Trendyol', () => {
  it('pushes price-and-inventory with Basic auth, a User-Agent and exact two-decimal prices, and reads batch results', async () => {
    const { fake, client } = await setUp('trendyol');
    expect(client.maxBatchSize).toBe(1000);
    await pushAndConfirm(fake, client);
    const [push] = posts(fake, '/integration/inventory/sellers/107700/products/price-and-inventory');
    const { apiKey, apiSecret } = FAKE_CREDENTIALS.trendyol;
    expect(push!.headers.authorization).toBe(`Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`);
    expect(push!.headers['user-agent']).toBe('107700 - SelfIntegration');
    expect(push!.body).toContain('{"barcode":"SKU-OK-1","quantity":7,"salePrice":524.90,"listPrice":549.90}');
    expect(push!.body).toContain('"salePrice":1299.90,"listPrice":1299.90');
  });

  it('lists order packages from the stream in 14-day windows and pages, mapped by the webhook adapter', async () => {
    const { fake, client } = await setUp('trendyol');
    const template = fake.state.orders[0]!.raw;
    for (let i = 0; i < 250; i++) fake.addOrder({ ...template, shipmentPackageId: 4_000_000 + i }, { modifiedAt: Date.now() - 20 * DAY + i * 60_000 });
    const { events, pages } = await allOrders(client, new Date(Date.now() - 30 * DAY));
    expect(createdIds(events)).toHaveLength(251);
    expect(createdIds(events)).toContain('order:3301234567');
    const streams = fake.received.filter((r) => r.path.endsWith('/orders/stream'));
    expect(pages).toBe(streams.length);
    for (const r of streams) expect(Number(r.query.lastModifiedEndDate) - Number(r.query.lastModifiedStartDate)).toBeLessThanOrEqual(14 * DAY);
    expect(streams.some((r) => r.query.nextCursor)).toBe(true);
  });
});

describe('Hepsiburada', () => {
  it('uploads stock and price separately under Basic merchantId:serviceKey and merges both upload results', async () => {
    const { fake, client } = await setUp('hepsiburada');
    await pushAndConfirm(fake, client);
    const [stock] = posts(fake, '/listings/merchantid/fake-hb-merchant/stock-uploads');
    const [price] = posts(fake, '/listings/merchantid/fake-hb-merchant/price-uploads');
    expect(JSON.parse(stock!.body)).toEqual([
      { merchantSku: 'SKU-OK-1', availableStock: 7 },
      { merchantSku: 'SKU-OK-2', availableStock: 0 },
      { merchantSku: 'SKU-BAD', availableStock: 3 },
    ]);
    expect(price!.body).toContain('{"merchantSku":"SKU-OK-1","price":524.90}');
    expect(stock!.headers['user-agent']).toBeTruthy();
  });

  it('lists packages with the mandatory offset and limit', async () => {
    const { fake, client } = await setUp('hepsiburada');
    const { events } = await allOrders(client, new Date(Date.now() - DAY));
    expect(createdIds(events)).toEqual(['order:5000031611']);
    expect(fake.received.filter((r) => r.path.startsWith('/packages/')).every((r) => r.query.offset !== undefined && r.query.limit)).toBe(true);
  });
});

describe('N11', () => {
  it('sends a price-stock task with appkey/appsecret, both prices with two decimals and currency TL, and reads task details', async () => {
    const { fake, client } = await setUp('n11');
    await pushAndConfirm(fake, client);
    const [push] = posts(fake, '/ms/product/tasks/price-stock-update');
    expect(push!.headers.appkey).toBe(FAKE_CREDENTIALS.n11.appKey);
    expect(push!.body).toContain('{"stockCode":"SKU-OK-2","quantity":0,"listPrice":1299.90,"salePrice":1299.90,"currencyType":"TL"}');
  });

  it('asks for one status per request, in windows of at most 15 days', async () => {
    const { fake, client } = await setUp('n11');
    const { events } = await allOrders(client, new Date(Date.now() - 20 * DAY));
    expect(createdIds(events)).toEqual(['order:230000000123']);
    const lists = fake.received.filter((r) => r.path === '/rest/delivery/v1/shipmentPackages');
    expect(new Set(lists.map((r) => r.query.status))).toEqual(new Set(['Created', 'Picking', 'Shipped', 'Delivered', 'Cancelled', 'Unpacked', 'UnSupplied']));
    for (const r of lists) expect(Number(r.query.endDate) - Number(r.query.startDate)).toBeLessThanOrEqual(15 * DAY);
  });
});

describe('Pazarama', () => {
  it('takes a client-credentials token once, writes stock and price 10 s apart, and merges both projections', async () => {
    const { fake, client, clock } = await setUp('pazarama');
    await pushAndConfirm(fake, client);
    expect(clock.sleeps.filter((ms) => ms >= 10_000)).toHaveLength(1);
    expect(fake.received.filter((r) => r.path === '/connect/token')).toHaveLength(1);
    const [stock] = posts(fake, '/product/updateStock-v2');
    const [price] = posts(fake, '/product/updatePrice-v2');
    expect(JSON.parse(stock!.body)).toEqual({ items: [{ code: 'SKU-OK-1', stockCount: 7 }, { code: 'SKU-OK-2', stockCount: 0 }, { code: 'SKU-BAD', stockCount: 3 }] });
    expect(price!.body).toContain('{"code":"SKU-OK-1","listPrice":549.90,"salePrice":524.90}');
    expect(stock!.headers.authorization).toMatch(/^Bearer /);
  });

  it('lists orders by order date with the wrapped answer', async () => {
    const { client } = await setUp('pazarama');
    const { events } = await allOrders(client, new Date(Date.now() - DAY));
    expect(createdIds(events).length).toBeGreaterThanOrEqual(1);
    expect(createdIds(events)).toContain('order:512345678');
  });
});

describe('PttAVM', () => {
  it('sends stock-prices with Api-Key, access-token and a new X-Correlation-Id each time, and reads the tracking result', async () => {
    const { fake, client } = await setUp('pttavm');
    await pushAndConfirm(fake, client);
    const ids = fake.received.map((r) => r.headers['x-correlation-id']);
    expect(new Set(ids).size).toBe(ids.length);
    const [push] = posts(fake, '/api/v1/products/stock-prices');
    expect(push!.headers['api-key']).toBe(FAKE_CREDENTIALS.pttavm.apiKey);
    expect(push!.body).toContain('{"barcode":"SKU-OK-1","quantity":7,"priceWithVAT":524.90}');
  });

  it('searches orders in windows of at most 40 days', async () => {
    const { fake, client } = await setUp('pttavm');
    const { events } = await allOrders(client, new Date(Date.now() - 70 * DAY));
    expect(createdIds(events)).toContain('order:PTT-2026-000123');
    for (const r of fake.received.filter((r) => r.path === '/api/v1/orders/search')) {
      expect(Date.parse(r.query.endDate!) - Date.parse(r.query.startDate!)).toBeLessThanOrEqual(40 * DAY);
    }
  });
});

describe('Amazon', () => {
  it('sends a JSON_LISTINGS_FEED through a feed document with an LWA token, and reads the (gzipped) processing report', async () => {
    const { fake, client } = await setUp('amazon');
    await pushAndConfirm(fake, client);
    expect(fake.received.filter((r) => r.path === '/auth/o2/token')).toHaveLength(1);
    const upload = fake.received.find((r) => r.method === 'PUT' && r.path.startsWith('/fake-s3/documents/'))!;
    expect(upload.headers['x-amz-access-token']).toBeUndefined();
    const feed = JSON.parse(upload.body) as { header: { sellerId: string }; messages: Array<{ sku: string; patches: Array<{ path: string }> }> };
    expect(feed.header.sellerId).toBe('A1FAKESELLER');
    expect(feed.messages[0]!.patches.map((p) => p.path)).toEqual(['/attributes/purchasable_offer', '/attributes/fulfillment_availability']);
    expect(upload.body).toContain('"value_with_tax":524.90');
    expect(fake.received.find((r) => r.path === '/feeds/2021-06-30/feeds' && r.method === 'POST')!.headers['x-amz-access-token']).toMatch(/^Atza\|/);
  });

  it('searches orders updated since, merchant-fulfilled only, at least two minutes back', async () => {
    const { fake, client } = await setUp('amazon');
    const { events } = await allOrders(client, new Date(Date.now() - DAY));
    expect(createdIds(events)).toEqual(['order:402-1234567-7654321']);
    const created = events.find((e) => e.type === 'order.created');
    expect(created).toMatchObject({ order: { total: '1049.8', currency: 'TRY', lines: [{ sku: 'OC-1001-RED-M', quantity: 2, unitPrice: '524.90' }] } });
    expect(fake.received.some((r) => r.path === '/orders/2026-01-01/orders' && r.query.includedData?.includes('RECIPIENT'))).toBe(true);
  });
});
