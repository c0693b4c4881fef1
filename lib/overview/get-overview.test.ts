import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { getOverview, LATEST_ORDERS_LIMIT, LOW_STOCK_LIMIT, LOW_STOCK_THRESHOLD, REPORT_DAYS } from './index';
import { getLowStockProducts } from './get-low-stock-products';
import { getSalesSummary } from './get-sales-summary';
import { seedOrder, seedProduct } from './seed-orders.test-helper';

// A fixed clock: "today" is 2024-03-15 (UTC); 2024 is a leap year, so 30 days back starts 2024-02-15.
const NOW = new Date('2024-03-15T10:30:00Z');

const STATUS = { pending: 1, processing: 2, shipped: 3, complete: 5, canceled: 7, refunded: 11, reversed: 12 } as const;
const MISSING_ORDER_STATUS = 0;

let database: TestDatabase;

// Each concern gets a store id of its own in the shared test database, so tests do not see each other's rows.
function tenantForStore(storeId: number): TenantDb {
  return tenantDb({ id: 100 + storeId, slug: `shop-${storeId}`, name: `Shop ${storeId}`, prefix: 'oc_', storeId }, database.url);
}

beforeAll(async () => {
  database = await createOpenCartTestDatabase('overview');
});

afterAll(async () => {
  await database?.drop();
});

describe('sales summary and daily revenue', () => {
  const storeId = 0;

  beforeAll(async () => {
    const shop = tenantForStore(storeId);
    const otherShop = tenantForStore(1);
    const counted: Array<[string, number, string]> = [
      ['2024-03-15 00:00:00', STATUS.complete, '100.0000'],
      ['2024-03-15 23:59:59', STATUS.pending, '50.5000'],
      ['2024-03-14 23:59:59', STATUS.processing, '10.0000'],
      ['2024-03-09 00:00:00', STATUS.shipped, '20.0000'],
      ['2024-03-08 23:59:59', STATUS.reversed, '30.0000'],
      ['2024-02-15 00:00:00', STATUS.complete, '40.0000'],
    ];
    for (const [dateAdded, orderStatusId, total] of counted) await seedOrder(shop, { dateAdded, orderStatusId, total });

    // Outside the 30 days, or not a sale by OpenCart's status lists, or another store's.
    await seedOrder(shop, { dateAdded: '2024-02-14 23:59:59', orderStatusId: STATUS.complete, total: '1000.0000' });
    await seedOrder(shop, { dateAdded: '2024-03-16 00:00:00', orderStatusId: STATUS.complete, total: '1000.0000' });
    await seedOrder(shop, { dateAdded: '2024-03-15 09:00:00', orderStatusId: STATUS.canceled, total: '1000.0000' });
    await seedOrder(shop, { dateAdded: '2024-03-15 09:00:00', orderStatusId: STATUS.refunded, total: '1000.0000' });
    await seedOrder(shop, { dateAdded: '2024-03-15 09:00:00', orderStatusId: MISSING_ORDER_STATUS, total: '1000.0000' });
    await seedOrder(otherShop, { dateAdded: '2024-03-15 09:00:00', orderStatusId: STATUS.complete, total: '1000.0000' });
  });

  it('counts only processing and complete orders of the store, by UTC calendar day', async () => {
    const { sales, currencyCode } = await getOverview(tenantForStore(storeId), { now: NOW });

    expect(currencyCode).toBe('USD');
    expect(sales).toEqual({
      currencyCode: 'USD',
      today: { orders: 2, revenue: '150.5000' },
      last7Days: { orders: 4, revenue: '180.5000' },
      last30Days: { orders: 6, revenue: '250.5000' },
    });
  });

  it('gives 30 consecutive days ending today, zero-filled, adding up to the 30-day total', async () => {
    const { dailyRevenue, sales } = await getOverview(tenantForStore(storeId), { now: NOW });

    expect(dailyRevenue).toHaveLength(REPORT_DAYS);
    expect(dailyRevenue[0]).toEqual({ date: '2024-02-15', revenue: '40.0000', orders: 1 });
    expect(dailyRevenue.at(-1)).toEqual({ date: '2024-03-15', revenue: '150.5000', orders: 2 });
    expect(dailyRevenue.map((p) => p.date)).toContain('2024-02-29');
    expect(dailyRevenue.find((p) => p.date === '2024-03-08')).toEqual({ date: '2024-03-08', revenue: '30.0000', orders: 1 });
    expect(dailyRevenue.find((p) => p.date === '2024-03-10')).toEqual({ date: '2024-03-10', revenue: '0.0000', orders: 0 });
    expect(dailyRevenue.filter((p) => p.orders > 0)).toHaveLength(5);
    expect(dailyRevenue.reduce((n, p) => n + p.orders, 0)).toBe(sales.last30Days.orders);
  });

  it('moves the windows with the clock', async () => {
    const { sales } = await getOverview(tenantForStore(storeId), { now: new Date('2024-03-16T00:00:00Z') });

    expect(sales.today).toEqual({ orders: 1, revenue: '1000.0000' });
    // 2024-03-10 … 03-16: the 03-09 order has left the week, the 03-16 one has entered it.
    expect(sales.last7Days).toEqual({ orders: 4, revenue: '1160.5000' });
  });

  it('counts nothing when the shop has no processing or complete statuses configured', async () => {
    const shop = tenantForStore(storeId);
    const settings = await getStoreSettings(shop);

    const sales = await getSalesSummary(shop, { settings: { ...settings, countedStatusIds: [] }, now: NOW });

    expect(sales.last30Days).toEqual({ orders: 0, revenue: '0.0000' });
  });
});

describe('latest orders', () => {
  const storeId = 5;

  beforeAll(async () => {
    const shop = tenantForStore(storeId);
    for (let day = 1; day <= LATEST_ORDERS_LIMIT + 2; day += 1) {
      await seedOrder(shop, {
        dateAdded: `2024-03-${String(day).padStart(2, '0')} 12:00:00`,
        orderStatusId: day % 2 === 0 ? STATUS.complete : STATUS.canceled,
        total: `${day}.0000`,
      });
    }
    await seedOrder(shop, {
      dateAdded: '2024-03-14 08:00:00',
      orderStatusId: STATUS.processing,
      total: '100.0000',
      firstname: 'Smith &amp; Sons',
      lastname: 'Ltd',
      currencyCode: 'EUR',
      currencyId: 3,
      currencyValue: '0.78460002',
    });
    await seedOrder(shop, { dateAdded: '2024-03-15 09:00:00', orderStatusId: MISSING_ORDER_STATUS, total: '1.0000' });
    await seedOrder(tenantForStore(6), { dateAdded: '2024-03-15 09:00:00', orderStatusId: STATUS.complete, total: '1.0000' });
  });

  it('lists the 10 newest confirmed orders of the store, newest first', async () => {
    const { latestOrders } = await getOverview(tenantForStore(storeId), { now: NOW });

    expect(latestOrders).toHaveLength(LATEST_ORDERS_LIMIT);
    expect(latestOrders.map((o) => o.dateAdded)).toEqual([
      '2024-03-14 08:00:00',
      '2024-03-12 12:00:00',
      '2024-03-11 12:00:00',
      '2024-03-10 12:00:00',
      '2024-03-09 12:00:00',
      '2024-03-08 12:00:00',
      '2024-03-07 12:00:00',
      '2024-03-06 12:00:00',
      '2024-03-05 12:00:00',
      '2024-03-04 12:00:00',
    ]);
  });

  it("shows the customer, the status name and the total in the order's currency", async () => {
    const { latestOrders } = await getOverview(tenantForStore(storeId), { now: NOW });

    expect(latestOrders[0]).toMatchObject({
      customerName: 'Smith & Sons Ltd',
      orderStatusId: STATUS.processing,
      statusName: 'Processing',
      total: '78.4600',
      currencyCode: 'EUR',
    });
    expect(latestOrders[1]).toMatchObject({ statusName: 'Complete', total: '12.0000', currencyCode: 'USD' });
    expect(latestOrders[2]).toMatchObject({ statusName: 'Canceled' });
  });
});

describe('low stock', () => {
  const storeId = 0;
  const SAMPLE_OUT_OF_STOCK = 'Samsung Galaxy Tab 10.1'; // product 49, quantity 0 in the install data

  beforeAll(async () => {
    const shop = tenantForStore(storeId);
    await seedProduct(shop, { name: 'At threshold', quantity: LOW_STOCK_THRESHOLD, sku: 'AT-5' });
    await seedProduct(shop, { name: 'Just above', quantity: LOW_STOCK_THRESHOLD + 1 });
    await seedProduct(shop, { name: 'Oversold', quantity: -2, model: 'OV-1' });
    await seedProduct(shop, { name: 'Disabled', quantity: 1, status: 0 });
    await seedProduct(shop, { name: 'Other store only', quantity: 0, storeIds: [1] });
    await seedProduct(shop, { name: 'Cables &amp; Adapters', quantity: 3 });
  });

  it('lists enabled products of the store at or below the threshold, fewest first, names decoded', async () => {
    const { lowStock } = await getOverview(tenantForStore(storeId), { now: NOW });

    expect(lowStock.threshold).toBe(LOW_STOCK_THRESHOLD);
    expect(lowStock.products.map((p) => [p.name, p.quantity])).toEqual([
      ['Oversold', -2],
      [SAMPLE_OUT_OF_STOCK, 0],
      ['Cables & Adapters', 3],
      ['At threshold', LOW_STOCK_THRESHOLD],
    ]);
    expect(lowStock.products[0]).toMatchObject({ model: 'OV-1' });
    expect(lowStock.products[3]).toMatchObject({ sku: 'AT-5' });
  });

  it('takes another threshold as an argument', async () => {
    const { lowStock } = await getOverview(tenantForStore(storeId), { now: NOW, lowStockThreshold: 7 });

    expect(lowStock.threshold).toBe(7);
    expect(lowStock.products.map((p) => p.quantity)).toEqual([-2, 0, 3, 5, 6, 7]);
  });

  it('lists at most 20 products', async () => {
    const shop = tenantForStore(7);
    for (let i = 0; i < LOW_STOCK_LIMIT + 2; i += 1) await seedProduct(shop, { name: `Bulk ${i}`, quantity: i % 4 });

    const products = await getLowStockProducts(shop, { settings: await getStoreSettings(shop) });

    expect(products).toHaveLength(LOW_STOCK_LIMIT);
    expect(products.map((p) => p.quantity)).toEqual([...products.map((p) => p.quantity)].sort((a, b) => a - b));
  });
});

describe('an empty shop', () => {
  it('gives zeros, 30 empty days and empty lists', async () => {
    const overview = await getOverview(tenantForStore(9), { now: NOW });

    const none = { orders: 0, revenue: '0.0000' };
    expect(overview.sales).toEqual({ currencyCode: 'USD', today: none, last7Days: none, last30Days: none });
    expect(overview.dailyRevenue).toHaveLength(REPORT_DAYS);
    expect(overview.dailyRevenue.every((p) => p.orders === 0 && p.revenue === '0.0000')).toBe(true);
    expect(overview.latestOrders).toEqual([]);
    expect(overview.lowStock.products).toEqual([]);
  });
});
