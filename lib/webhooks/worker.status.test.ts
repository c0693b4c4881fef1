import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceOrders, orderStatusMaps } from '@/lib/db/schema';
import { drain, eventRow, FAR_FUTURE, insertEvents, oc, orderCreated, orderRowsOf, setUpShop, statusChanged, stockOf, type TestShop } from './worker.test-helper';

let t: TestDatabase;
let shop: TestShop;
const run = (now?: Date) => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test', now });

async function orderOf(externalOrderId: string) {
  const [order] = await orderRowsOf(t.db, shop, externalOrderId);
  if (!order) throw new Error(`No OpenCart order for ${externalOrderId}`);
  const history = await t.db
    .select({ status: oc.orderHistory.orderStatusId, comment: oc.orderHistory.comment })
    .from(oc.orderHistory)
    .where(eq(oc.orderHistory.orderId, order.orderId))
    .orderBy(asc(oc.orderHistory.orderHistoryId));
  return { status: order.orderStatusId, history: history.map((h) => h.status), comments: history.map((h) => h.comment) };
}

beforeAll(async () => {
  t = await createAppTestDatabase('wkstatus');
  shop = await setUpShop(t.db);
});
afterAll(async () => t?.drop());

describe('order.status_changed', () => {
  it('follows shipped and delivered without moving stock again, with the marketplace word in history', async () => {
    await insertEvents(t.db, shop, [orderCreated('S-1', [{ productId: 40, quantity: 3, unitPrice: '2.00' }])]);
    await run();
    await insertEvents(t.db, shop, [statusChanged('S-1', 'shipped'), statusChanged('S-1', 'delivered')]);
    expect(await run()).toMatchObject({ claimed: 2, done: 2 });
    expect(await orderOf('S-1')).toEqual({
      status: 5,
      history: [1, 3, 5],
      comments: ['Trendyol order NS-1: Created', 'Trendyol: Shipped', 'Trendyol: Delivered'],
    });
    expect(await stockOf(t.db, [40])).toEqual(new Map([[40, 997]]));
    const [link] = await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, 'S-1'));
    expect(link?.marketplaceStatus).toBe('Delivered');
  });

  it('a cancellation restores stock once; a second cancellation changes nothing', async () => {
    await insertEvents(t.db, shop, [orderCreated('S-2', [{ productId: 41, quantity: 4, unitPrice: '2.00' }])]);
    await run();
    expect(await stockOf(t.db, [41])).toEqual(new Map([[41, 996]]));
    await insertEvents(t.db, shop, [statusChanged('S-2', 'cancelled', 'cancel-1')]);
    await run();
    await insertEvents(t.db, shop, [statusChanged('S-2', 'cancelled', 'cancel-2')]);
    expect(await run()).toMatchObject({ done: 1 });
    expect(await orderOf('S-2')).toMatchObject({ status: 7, history: [1, 7] });
    expect(await stockOf(t.db, [41])).toEqual(new Map([[41, 1000]]));
  });

  it('a late "shipped" after the cancellation neither reopens the order nor takes the stock again', async () => {
    await insertEvents(t.db, shop, [statusChanged('S-2', 'shipped', 'late-shipped')]);
    expect(await run()).toMatchObject({ claimed: 1, done: 1 });
    expect(await orderOf('S-2')).toMatchObject({ status: 7, history: [1, 7] });
    expect(await stockOf(t.db, [41])).toEqual(new Map([[41, 1000]]));
  });

  it('a return after the cancellation is recorded, and stock stays restored once', async () => {
    await insertEvents(t.db, shop, [statusChanged('S-2', 'returned')]);
    await run();
    expect(await orderOf('S-2')).toMatchObject({ status: 11, history: [1, 7, 11] });
    expect(await stockOf(t.db, [41])).toEqual(new Map([[41, 1000]]));
  });

  it('a return after delivery brings the stock back', async () => {
    await insertEvents(t.db, shop, [
      orderCreated('S-3', [{ productId: 43, quantity: 2, unitPrice: '2.00' }]),
      statusChanged('S-3', 'delivered'),
      statusChanged('S-3', 'returned'),
    ]);
    await run();
    expect(await orderOf('S-3')).toMatchObject({ status: 11, history: [1, 5, 11] });
    expect(await stockOf(t.db, [43])).toEqual(new Map([[43, 1000]]));
  });

  it('a status for an order not imported yet is retried with backoff and applies once the order exists', async () => {
    const [statusId] = await insertEvents(t.db, shop, [statusChanged('S-4', 'shipped')]);
    expect(await run()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await eventRow(t.db, statusId!);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('not in OpenCart yet');
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    await insertEvents(t.db, shop, [orderCreated('S-4', [{ productId: 44, quantity: 1, unitPrice: '2.00' }])]);
    expect(await run()).toMatchObject({ claimed: 1, done: 1 });
    expect(await orderOf('S-4')).toMatchObject({ status: 1 });

    expect(await run(FAR_FUTURE)).toMatchObject({ claimed: 1, done: 1 });
    expect(await orderOf('S-4')).toMatchObject({ status: 3, history: [1, 3] });
    expect(await eventRow(t.db, statusId!)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it("uses the tenant's own status for a canonical status, with OpenCart's stock rule for it", async () => {
    // 15 "Processed" is not a processing status by default: stock comes back as the order moves there.
    await t.db.insert(orderStatusMaps).values({ tenantId: shop.tenantId, canonicalStatus: 'undelivered', ocOrderStatusId: 15 });
    await insertEvents(t.db, shop, [orderCreated('S-5', [{ productId: 45, quantity: 5, unitPrice: '2.00' }]), statusChanged('S-5', 'undelivered')]);
    await run();
    expect(await orderOf('S-5')).toMatchObject({ status: 15, history: [1, 15] });
    expect(await stockOf(t.db, [45])).toEqual(new Map([[45, 1000]]));
  });
});
