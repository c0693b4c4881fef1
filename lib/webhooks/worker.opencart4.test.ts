import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { openCart4Tables } from '@/lib/db/opencart';
import { sumMoney } from '@/lib/shop/money';
import { orderMarker } from '@/lib/orders/write-opencart-order';
import { drain, eventRow, insertEvents, orderCreated, setUpShop, statusChanged, stockOf, type TestShop } from './worker.test-helper';

// The webhook worker against OpenCart 4.0.2.3's own database (InnoDB, 4.0's order columns).
const oc4 = openCart4Tables('oc_');
let t: TestDatabase;
let shop: TestShop;
const run = () => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test' });

beforeAll(async () => {
  t = await createAppTestDatabaseFor('4.0', 'wkoc4');
  shop = await setUpShop(t.db);
}, 120_000);
afterAll(async () => t?.drop());

describe('webhook worker on OpenCart 4', () => {
  it('order.created makes one 4.0 order (JSON methods, lines with their master id, 0 for a product that is no variant, totals that add up) and takes the stock', async () => {
    const [eventId] = await insertEvents(t.db, shop, [
      orderCreated('OC4-1', [
        { productId: 28, quantity: 2, unitPrice: '10.00' },
        { productId: 30, quantity: 1, unitPrice: '5.50' },
      ]),
    ]);
    expect(await run()).toMatchObject({ claimed: 1, done: 1, failed: 0, dead: 0 });
    expect(await eventRow(t.db, eventId!)).toMatchObject({ status: 'done' });

    const orders = await t.db.select().from(oc4.order).where(eq(oc4.order.customField, orderMarker(shop.accountId, 'OC4-1')));
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(JSON.parse(order.paymentMethod)).toMatchObject({ name: 'Trendyol' });
    expect(JSON.parse(order.shippingMethod)).toHaveProperty('code');
    expect(order.languageCode).toBe('en-gb');
    const lines = await t.db.select().from(oc4.orderProduct).where(eq(oc4.orderProduct.orderId, order.orderId));
    expect(lines.map((l) => [l.productId, l.masterId, l.quantity, l.total])).toEqual([
      [28, 0, 2, '20.0000'],
      [30, 0, 1, '5.5000'],
    ]);
    const totals = await t.db.select().from(oc4.orderTotal).where(eq(oc4.orderTotal.orderId, order.orderId)).orderBy(asc(oc4.orderTotal.sortOrder));
    expect(sumMoney(totals.filter((r) => r.code !== 'total').map((r) => r.value))).toBe(totals.at(-1)!.value);
    expect(await stockOf(t.db, [28, 30])).toEqual(new Map([[28, 998], [30, 999]]));
  });

  it('a cancellation restores the stock once, and a second one changes nothing', async () => {
    await insertEvents(t.db, shop, [statusChanged('OC4-1', 'cancelled', 'oc4-cancel-1')]);
    await run();
    expect(await stockOf(t.db, [28, 30])).toEqual(new Map([[28, 1000], [30, 1000]]));
    await insertEvents(t.db, shop, [statusChanged('OC4-1', 'cancelled', 'oc4-cancel-2')]);
    await run();
    expect(await stockOf(t.db, [28, 30])).toEqual(new Map([[28, 1000], [30, 1000]]));
    const [order] = await t.db.select().from(oc4.order).where(eq(oc4.order.customField, orderMarker(shop.accountId, 'OC4-1')));
    const history = await t.db.select().from(oc4.orderHistory).where(eq(oc4.orderHistory.orderId, order!.orderId));
    expect(history).toHaveLength(2);
  });
});
