import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { getOverview } from './index';
import { seedOrder } from './seed-orders.test-helper';

const NOW = new Date('2024-03-15T10:30:00Z');
const COMPLETE = 5;

let database: TestDatabase;
let shop: TenantDb;

beforeAll(async () => {
  database = await createOpenCartTestDatabase('overviewprefix', 'shop_');
  shop = tenantDb({ id: 1, slug: 'prefixed', name: 'Prefixed', prefix: 'shop_', storeId: 0 }, database.url);
});

afterAll(async () => {
  await database?.drop();
});

describe('a shop installed with the shop_ table prefix', () => {
  it('starts empty: zero sales, no orders, only the install data’s out-of-stock tablet', async () => {
    const overview = await getOverview(shop, { now: NOW });

    expect(overview.sales.last30Days).toEqual({ orders: 0, revenue: '0.0000' });
    expect(overview.dailyRevenue).toHaveLength(30);
    expect(overview.latestOrders).toEqual([]);
    expect(overview.lowStock.products.map((p) => p.name)).toEqual(['Samsung Galaxy Tab 10.1']);
  });

  it('reads orders from the prefixed tables', async () => {
    const orderId = await seedOrder(shop, { dateAdded: '2024-03-15 08:00:00', orderStatusId: COMPLETE, total: '42.0000' });

    const overview = await getOverview(shop, { now: NOW });

    expect(overview.sales.today).toEqual({ orders: 1, revenue: '42.0000' });
    expect(overview.latestOrders).toEqual([
      {
        orderId,
        customerName: 'Ada Lovelace',
        orderStatusId: COMPLETE,
        statusName: 'Complete',
        total: '42.0000',
        currencyCode: 'USD',
        dateAdded: '2024-03-15 08:00:00',
      },
    ]);
  });
});
