import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openCartTables } from '@/lib/db/opencart';
import { competitorPrices, marketplaceAccounts, marketplaceQuestions, stockObservations, tenants, webhookEvents } from '@/lib/db/schema';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import type { CanonicalEvent } from './canonical-events';
import { processDueEvents } from './worker';
import { drain, insertEvents, oc, orderCreated, orderRowsOf, paymentMethodName, setUpShop, type TestShop } from './worker.test-helper';

let t: TestDatabase;
let otherShopDb: TestDatabase;
let shop: TestShop;
const run = () => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test' });
const at = '2024-05-03T12:00:00Z';

beforeAll(async () => {
  [t, otherShopDb] = await Promise.all([createAppTestDatabase('wkobs'), createOpenCartTestDatabase('wkobs2', 'shop_')]);
  shop = await setUpShop(t.db);
});
afterAll(async () => Promise.all([t?.drop(), otherShopDb?.drop()]));

describe('observations', () => {
  const events: CanonicalEvent[] = [
    { type: 'stock.changed', externalId: 'stock-1', occurredAt: at, sku: 'TY-30', quantity: 7 },
    { type: 'stock.changed', externalId: 'stock-2', occurredAt: at, sku: 'NOT-MAPPED', quantity: 3 },
    {
      type: 'price.observed',
      externalId: 'price-1',
      occurredAt: at,
      sku: 'TY-31',
      prices: [
        { seller: 'Rakip A', price: '99.9', currency: 'TRY', isBuyBoxWinner: true },
        { seller: 'Rakip B', price: '101.50', currency: 'TRY', isBuyBoxWinner: false },
        { seller: 'Rakip A', price: '98.00', currency: 'TRY', isBuyBoxWinner: false },
      ],
    },
    { type: 'question.received', externalId: 'question-1', occurredAt: at, questionId: 'Q-77', sku: 'TY-32', text: 'Kargo ne zaman? 🚚 <b>', customerName: 'Ali' },
  ];

  it('are stored once each, with the product when the SKU maps to one', async () => {
    await insertEvents(t.db, shop, events);
    expect(await run()).toEqual({ claimed: 4, done: 4, failed: 0, dead: 0 });

    const stock = await t.db.select().from(stockObservations).orderBy(asc(stockObservations.id));
    expect(stock.map((s) => [s.marketplaceSku, s.ocProductId, s.quantity])).toEqual([['TY-30', 30, 7], ['NOT-MAPPED', null, 3]]);
    const prices = await t.db.select().from(competitorPrices).orderBy(asc(competitorPrices.id));
    expect(prices.map((p) => [p.seller, p.price, p.isBuyBoxWinner, p.ocProductId])).toEqual([
      ['Rakip A', '99.9000', true, 31],
      ['Rakip B', '101.5000', false, 31],
    ]);
    const [question] = await t.db.select().from(marketplaceQuestions);
    // Our own utf8mb4 table: kept as sent, escaped where it is shown.
    expect(question).toMatchObject({ externalQuestionId: 'Q-77', ocProductId: 32, text: 'Kargo ne zaman? 🚚 <b>', customerName: 'Ali' });
  });

  it('applied again (a replay of applied events) add nothing', async () => {
    await t.db.update(webhookEvents).set({ status: 'pending' });
    expect(await run()).toMatchObject({ claimed: 4, done: 4 });
    expect(await t.db.select().from(stockObservations)).toHaveLength(2);
    expect(await t.db.select().from(competitorPrices)).toHaveLength(2);
    expect(await t.db.select().from(marketplaceQuestions)).toHaveLength(1);
  });
});

describe('a tenant whose shop lives in another database', () => {
  it('gets its order there, under its own table prefix, with stock moved there', async () => {
    const other = openCartTables('shop_');
    await otherShopDb.db.update(other.product).set({ sku: 'OTHER-40', quantity: 50 }).where(eq(other.product.productId, 40));
    const [tenant] = await t.db.insert(tenants).values({ slug: 'other', name: 'Other shop', databaseUrl: otherShopDb.url, tablePrefix: 'shop_' }).$returningId();
    const [account] = await t.db
      .insert(marketplaceAccounts)
      .values({ tenantId: tenant!.id, marketplace: 'hepsiburada', name: 'HB', authType: 'basic', secretCiphertext: 'unused', skuMatch: 'sku' })
      .$returningId();
    const { version } = await detectOpenCartVersion(otherShopDb.db, 'shop_');
    const otherShop = { tenantId: tenant!.id, accountId: account!.id, version: version! };
    await insertEvents(t.db, otherShop, [orderCreated('H-1', [{ sku: 'OTHER-40', quantity: 2, unitPrice: '10.00' }])]);
    expect(await run()).toMatchObject({ claimed: 1, done: 1 });

    const [order] = await orderRowsOf(otherShopDb.db, otherShop, 'H-1', 'shop_');
    expect(order).toMatchObject({ orderStatusId: 1, total: '20.0000' });
    expect(paymentMethodName(otherShop, order!.paymentMethod)).toBe('Hepsiburada');
    const [product] = await otherShopDb.db.select({ quantity: other.product.quantity }).from(other.product).where(eq(other.product.productId, 40));
    expect(product?.quantity).toBe(48);
    expect(await t.db.select({ orderId: oc.order.orderId }).from(oc.order)).toHaveLength(0);
  });
});

describe('a worker limited to one tenant', () => {
  it('claims only that tenant’s events and leaves the others due', async () => {
    const [tenant] = await t.db.insert(tenants).values({ slug: 'third', name: 'Third shop', databaseUrl: '', tablePrefix: 'oc_' }).$returningId();
    const [account] = await t.db
      .insert(marketplaceAccounts)
      .values({ tenantId: tenant!.id, marketplace: 'trendyol', name: 'TY', authType: 'basic', secretCiphertext: 'unused', skuMatch: 'sku' })
      .$returningId();
    await insertEvents(t.db, { tenantId: tenant!.id, accountId: account!.id }, [
      { type: 'stock.changed', externalId: 'third-stock', occurredAt: at, sku: 'TY-30', quantity: 4 },
    ]);
    await insertEvents(t.db, shop, [{ type: 'stock.changed', externalId: 'own-stock', occurredAt: at, sku: 'TY-30', quantity: 5 }]);

    const input = { db: t.db, mainDatabaseUrl: t.url, workerId: 'tenant-test', limit: 10 };
    expect(await processDueEvents({ ...input, tenantId: tenant!.id })).toMatchObject({ claimed: 1, done: 1 });
    const byExternalId = async (externalId: string) =>
      (await t.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.externalId, externalId)))[0]?.status;
    expect(await byExternalId('third-stock')).toBe('done');
    expect(await byExternalId('own-stock')).toBe('pending');
    expect(await processDueEvents({ ...input, tenantId: shop.tenantId })).toMatchObject({ claimed: 1, done: 1 });
    expect(await byExternalId('own-stock')).toBe('done');
  });
});
