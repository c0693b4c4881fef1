import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceOrders, webhookEventAttempts, webhookEvents } from '@/lib/db/schema';
import { sumMoney } from '@/lib/shop/money';
import { drain, eventRow, insertEvents, oc, orderCreated, orderRowsOf, paymentMethodName, setUpShop, stockOf, type TestShop } from './worker.test-helper';

let t: TestDatabase;
let shop: TestShop;
const run = () => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test' });

const ordersWithMarker = (externalOrderId: string) => orderRowsOf(t.db, shop, externalOrderId);

async function onlyOrder(externalOrderId: string) {
  const orders = await ordersWithMarker(externalOrderId);
  expect(orders).toHaveLength(1);
  return orders[0]!;
}

beforeAll(async () => {
  t = await createAppTestDatabase('wkorder');
  shop = await setUpShop(t.db);
});
afterAll(async () => t?.drop());

describe('order.created', () => {
  it('makes one OpenCart order with its lines, totals, first status, stock and link', async () => {
    const [eventId] = await insertEvents(t.db, shop, [
      orderCreated(
        'TY-1',
        [
          { productId: 28, quantity: 2, unitPrice: '10.00' },
          { productId: 29, quantity: 1, unitPrice: '5.50' },
          { productId: 28, quantity: 1, unitPrice: '10.00' },
        ],
        { shippingTotal: '4.99' },
      ),
    ]);
    expect(await run()).toEqual({ claimed: 1, done: 1, failed: 0, dead: 0 });

    const order = await onlyOrder('TY-1');
    expect(order).toMatchObject({
      orderStatusId: 1,
      storeId: 0,
      customerId: 0,
      customerGroupId: 1,
      firstname: 'Ayşe',
      email: 'ayse@example.com',
      paymentCountryId: 215,
      paymentZoneId: 3354,
      paymentZone: 'İstanbul',
      shippingCountry: 'Turkey',
      currencyCode: 'USD',
      currencyId: 2,
      currencyValue: '1.00000000',
      languageId: 1,
      total: '40.4900',
      dateAdded: '2024-05-01 09:00:00',
      storeName: 'Your Store',
    });
    expect(paymentMethodName(shop, order.paymentMethod)).toBe('Trendyol');

    const lines = await t.db.select().from(oc.orderProduct).where(eq(oc.orderProduct.orderId, order.orderId));
    expect(lines.map((l) => [l.productId, l.quantity, l.price, l.total, l.model])).toEqual([
      [28, 2, '10.0000', '20.0000', 'Product 1'],
      [29, 1, '5.5000', '5.5000', 'Product 2'],
      [28, 1, '10.0000', '10.0000', 'Product 1'],
    ]);

    const totals = await t.db.select().from(oc.orderTotal).where(eq(oc.orderTotal.orderId, order.orderId)).orderBy(asc(oc.orderTotal.sortOrder));
    expect(totals.map((r) => [r.code, r.value, r.sortOrder])).toEqual([
      ['sub_total', '35.5000', 1],
      ['shipping', '4.9900', 3],
      ['total', '40.4900', 9],
    ]);
    expect(sumMoney(totals.filter((r) => r.code !== 'total').map((r) => r.value))).toBe(totals.at(-1)!.value);

    const history = await t.db.select().from(oc.orderHistory).where(eq(oc.orderHistory.orderId, order.orderId));
    expect(history.map((h) => [h.orderStatusId, h.comment, h.dateAdded])).toEqual([[1, 'Trendyol order NTY-1: Created', '2024-05-01 09:00:00']]);

    // Pending is a processing status: stock leaves on confirmation, only where subtract = 1.
    expect(await stockOf(t.db, [28, 29])).toEqual(new Map([[28, 997], [29, 1000]]));

    const [link] = await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, 'TY-1'));
    expect(link).toMatchObject({ ocOrderId: order.orderId, marketplaceStatus: 'Created', accountId: shop.accountId });
    const attempts = await t.db.select().from(webhookEventAttempts).where(eq(webhookEventAttempts.eventId, eventId!));
    expect(attempts.map((a) => [a.attempt, a.outcome, a.worker])).toEqual([[1, 'done', 'test']]);
    expect(await eventRow(t.db, eventId!)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('a redelivered event or a second order.created for the same order creates nothing new', async () => {
    const before = await onlyOrder('TY-1');
    const [second] = await insertEvents(t.db, shop, [
      orderCreated('TY-1', [{ productId: 30, quantity: 5, unitPrice: '1.00' }], { eventId: 'order-TY-1-again' }),
    ]);
    // The same event once more, as a replay of an applied event would run it.
    await t.db.update(webhookEvents).set({ status: 'pending' }).where(eq(webhookEvents.externalId, 'order-TY-1'));
    expect(await run()).toMatchObject({ claimed: 2, done: 2 });

    const after = await onlyOrder('TY-1');
    expect(after).toEqual(before);
    const [lines] = await t.db.select({ n: count() }).from(oc.orderProduct).where(eq(oc.orderProduct.orderId, before.orderId));
    const [histories] = await t.db.select({ n: count() }).from(oc.orderHistory).where(eq(oc.orderHistory.orderId, before.orderId));
    expect([lines!.n, histories!.n]).toEqual([3, 1]);
    expect(await stockOf(t.db, [28, 29, 30])).toEqual(new Map([[28, 997], [29, 1000], [30, 1000]]));
    expect(await eventRow(t.db, second!)).toMatchObject({ status: 'done' });
  });

  it('a marketplace discount gets its own total row, so the rows still add up', async () => {
    await insertEvents(t.db, shop, [orderCreated('TY-2', [{ productId: 31, quantity: 2, unitPrice: '50.00' }], { shippingTotal: '10.00', total: '95.00' })]);
    await run();
    const order = await onlyOrder('TY-2');
    const totals = await t.db.select().from(oc.orderTotal).where(eq(oc.orderTotal.orderId, order.orderId)).orderBy(asc(oc.orderTotal.sortOrder));
    expect(totals.map((r) => [r.code, r.title, r.value])).toEqual([
      ['sub_total', 'Sub-Total', '100.0000'],
      ['shipping', 'Trendyol shipping', '10.0000'],
      ['marketplace', 'Trendyol discount', '-15.0000'],
      ['total', 'Total', '95.0000'],
    ]);
    expect(sumMoney(totals.slice(0, -1).map((r) => r.value))).toBe('95.0000');
  });

  it('an order in another currency is stored in the default currency, with its rate', async () => {
    await insertEvents(t.db, shop, [orderCreated('TY-3', [{ productId: 32, quantity: 1, unitPrice: '78.46' }], { currency: 'EUR' })]);
    await run();
    const order = await onlyOrder('TY-3');
    expect(order).toMatchObject({ currencyCode: 'EUR', currencyId: 3, currencyValue: '0.78460002', total: '100.0000' });
  });

  it('an order in a currency the shop lacks is dead-lettered before anything is written', async () => {
    const [id] = await insertEvents(t.db, shop, [orderCreated('TY-4', [{ productId: 33, quantity: 1, unitPrice: '10.00' }], { currency: 'TRY' })]);
    expect(await run()).toMatchObject({ claimed: 1, dead: 1 });
    const event = await eventRow(t.db, id!);
    expect(event.lastError).toContain('TRY');
    expect(event.attempts).toBe(1);
    expect(await ordersWithMarker('TY-4')).toHaveLength(0);
    expect(await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, 'TY-4'))).toHaveLength(0);
  });
});

describe('text from the marketplace', () => {
  it('is stored HTML-escaped, SQL-looking text as plain text, emoji replaced where the tables are utf8 (3-byte)', async () => {
    // 3.0 installs its tables as utf8 (3-byte), 4.0 as utf8mb4, which holds an emoji.
    const stored = (emoji: string) => (shop.version === '3.0' ? '\uFFFD' : emoji);
    const event = orderCreated('TY-5', [{ productId: 34, quantity: 1, unitPrice: '1.00' }], {
      customer: { firstname: 'Ayşe 😀', lastname: 'x"); DROP TABLE oc_order;--', email: "o'brien@example.com" },
      address: { address1: '<script>alert(1)</script> & Sons 🚚', firstname: 'A&B'.repeat(10) },
    });
    if (event.type !== 'order.created') throw new Error('unreachable');
    event.order.lines[0]!.name = 'Kırmızı 🌹 T-shirt';
    await insertEvents(t.db, shop, [event]);
    expect(await run()).toMatchObject({ done: 1 });

    const order = await onlyOrder('TY-5');
    expect(order.firstname).toBe(`Ayşe ${stored('😀')}`);
    expect(order.lastname).toBe('x&quot;); DROP TABLE oc_order;--');
    expect(order.email).toBe("o'brien@example.com");
    expect(order.shippingAddress1).toBe(`&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons ${stored('🚚')}`);
    // Escaping lengthens the text; it is cut to the column at a character, never inside an entity.
    expect(order.paymentFirstname).toBe('A&amp;BA&amp;BA&amp;BA&amp;BA');
    const [line] = await t.db.select().from(oc.orderProduct).where(eq(oc.orderProduct.orderId, order.orderId));
    expect(line!.name).toBe(`Kırmızı ${stored('🌹')} T-shirt`);
    const [orders] = await t.db.select({ n: count() }).from(oc.order);
    expect(orders!.n).toBeGreaterThan(0);
  });

  it('keeps emoji where the shop has converted its tables to utf8mb4', async () => {
    for (const table of ['oc_order', 'oc_order_product', 'oc_order_history']) {
      await t.db.execute(sql.raw(`ALTER TABLE ${table} CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
    }
    await insertEvents(t.db, shop, [
      orderCreated('TY-6', [{ productId: 35, quantity: 1, unitPrice: '1.00' }], {
        customer: { firstname: 'Ayşe 😀', lastname: 'Y', email: 'a@example.com' },
      }),
    ]);
    await run();
    const order = await onlyOrder('TY-6');
    expect(order.firstname).toBe('Ayşe 😀');
    const [link] = await t.db
      .select()
      .from(marketplaceOrders)
      .where(and(eq(marketplaceOrders.accountId, shop.accountId), eq(marketplaceOrders.externalOrderId, 'TY-6')));
    expect(link?.ocOrderId).toBe(order.orderId);
  });
});
