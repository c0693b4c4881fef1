import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenCartTestDatabaseFor, OPENCART_TEST_VERSIONS, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { getOverview } from './index';
import { seedOrder, seedProduct } from './seed-orders.test-helper';

const NOW = new Date('2024-03-15T10:30:00Z');
const STATUS = { pending: 1, complete: 5, canceled: 7 } as const;

describe.each(OPENCART_TEST_VERSIONS)('the overview of an OpenCart %s shop', (version) => {
  let database: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    database = await createOpenCartTestDatabaseFor(version, `overview${version.replace('.', '')}`);
    // Store 3 has no sample rows: only what this test adds.
    shop = tenantDb({ id: 1, slug: 'shop', name: 'Shop', prefix: 'oc_', storeId: 3 }, database.url);
    await seedOrder(shop, { dateAdded: '2024-03-15 08:00:00', orderStatusId: STATUS.complete, total: '100.0000', firstname: 'Ayşe &amp; Can' }, version);
    await seedOrder(shop, { dateAdded: '2024-03-10 08:00:00', orderStatusId: STATUS.pending, total: '20.5000' }, version);
    await seedOrder(shop, { dateAdded: '2024-03-14 08:00:00', orderStatusId: STATUS.canceled, total: '999.0000' }, version);
    await seedOrder(shop, { dateAdded: '2024-03-14 09:00:00', orderStatusId: 0, total: '999.0000' }, version);
    await seedProduct(shop, { name: 'Nearly gone', quantity: 1, sku: 'NG-1' }, version);
    await seedProduct(shop, { name: 'Plenty', quantity: 500 }, version);
  });
  afterAll(async () => database?.drop());

  it('counts the sales of processing and complete orders', async () => {
    const { sales, currencyCode } = await getOverview(shop, { now: NOW });
    expect(currencyCode).toBe('USD');
    expect(sales).toEqual({
      currencyCode: 'USD',
      today: { orders: 1, revenue: '100.0000' },
      last7Days: { orders: 2, revenue: '120.5000' },
      last30Days: { orders: 2, revenue: '120.5000' },
    });
  });

  it('lists the latest confirmed orders with their status names, and the products low on stock', async () => {
    const { latestOrders, lowStock, dailyRevenue } = await getOverview(shop, { now: NOW });
    expect(latestOrders.map((o) => [o.customerName, o.statusName, o.total])).toEqual([
      ['Ayşe & Can Lovelace', 'Complete', '100.0000'],
      ['Ada Lovelace', 'Canceled', '999.0000'],
      ['Ada Lovelace', 'Pending', '20.5000'],
    ]);
    expect(lowStock.products.map((p) => [p.name, p.sku, p.quantity])).toEqual([['Nearly gone', 'NG-1', 1]]);
    expect(dailyRevenue.at(-1)).toEqual({ date: '2024-03-15', revenue: '100.0000', orders: 1 });
  });
});
