import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { openCart4Tables } from '@/lib/db/opencart';
import { marketplaceOrders } from '@/lib/db/schema';
import { createAppTestDatabaseFor, OPENCART_TEST_VERSIONS, type TestDatabase } from '@/lib/testing/harness';
import type { ApplyStep } from '@/lib/webhooks/apply/apply-context';
import { drain, FAR_FUTURE, insertEvents, oc, orderCreated, setUpShop, statusChanged, stockOf, type TestShop } from '@/lib/webhooks/worker.test-helper';
import { phpJsonEncode } from './build-marketplace-order';
import { orderMarker } from './write-opencart-order';

/** Stops the worker right after `step` the first time it is reached, as a crash there would. */
function crashAfter(step: ApplyStep) {
  let crashed = false;
  return (reached: ApplyStep) => {
    if (reached === step && !crashed) {
      crashed = true;
      throw new Error(`simulated crash after ${step}`);
    }
  };
}

describe.each(OPENCART_TEST_VERSIONS)('marketplace order import into OpenCart %s', (version) => {
  let t: TestDatabase;
  let shop: TestShop;
  const run = (extra: { afterStep?: (step: ApplyStep) => void; now?: Date } = {}) =>
    drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test', ...extra });
  // Columns both lines share: a whole-row select of the 3.0 table would name 3.0-only columns.
  const orderOf = async (externalOrderId: string) => {
    const { order: o } = oc;
    const rows = await t.db
      .select({
        orderId: o.orderId, orderStatusId: o.orderStatusId, total: o.total, currencyCode: o.currencyCode,
        languageId: o.languageId, firstname: o.firstname, paymentAddressFormat: o.paymentAddressFormat, paymentCountry: o.paymentCountry,
      })
      .from(o)
      .where(eq(o.customField, orderMarker(shop.accountId, externalOrderId)));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  beforeAll(async () => {
    t = await createAppTestDatabaseFor(version, `import${version.replace('.', '')}`);
    shop = await setUpShop(t.db);
  });
  afterAll(async () => t?.drop());

  it('writes the order, its lines, totals and first status, and takes the stock once', async () => {
    await insertEvents(t.db, shop, [
      orderCreated('V-1', [{ productId: 28, quantity: 2, unitPrice: '10.00' }, { productId: 30, quantity: 1, unitPrice: '5.50' }], { shippingTotal: '4.99' }),
    ]);
    expect(await run()).toMatchObject({ claimed: 1, done: 1, dead: 0 });

    const order = await orderOf('V-1');
    expect(order).toMatchObject({ orderStatusId: 1, total: '30.4900', currencyCode: 'USD', languageId: 1, firstname: 'Ayşe', paymentCountry: 'Turkey' });
    // 3.0's sample Turkey has no format of its own; 4.0 links every country to oc_address_format 1.
    expect(order.paymentAddressFormat).toEqual(version === '4.0' ? expect.stringContaining('{address_1}') : '');
    const lines = await t.db.select().from(oc.orderProduct).where(eq(oc.orderProduct.orderId, order.orderId));
    expect(lines.map((l) => [l.productId, l.quantity, l.total])).toEqual([[28, 2, '20.0000'], [30, 1, '5.5000']]);
    const totals = await t.db.select().from(oc.orderTotal).where(eq(oc.orderTotal.orderId, order.orderId)).orderBy(asc(oc.orderTotal.sortOrder));
    expect(totals.map((r) => [r.code, r.value])).toEqual([['sub_total', '25.5000'], ['shipping', '4.9900'], ['total', '30.4900']]);
    const history = await t.db.select().from(oc.orderHistory).where(eq(oc.orderHistory.orderId, order.orderId));
    expect(history.map((h) => h.orderStatusId)).toEqual([1]);
    expect(await stockOf(t.db, [28, 30])).toEqual(new Map([[28, 998], [30, 999]]));
    const [link] = await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, 'V-1'));
    expect(link?.ocOrderId).toBe(order.orderId);
  });

  it("fills the columns of the shop's own line", async () => {
    const { orderId } = await orderOf('V-1');
    if (version === '3.0') {
      const [order] = await t.db.select().from(oc.order).where(eq(oc.order.orderId, orderId));
      expect(order).toMatchObject({ paymentMethod: 'Trendyol', paymentCode: 'meschain_trendyol', shippingCode: 'meschain.trendyol', fax: '' });
      return;
    }
    const oc4 = openCart4Tables('oc_');
    const [order] = await t.db.select().from(oc4.order).where(eq(oc4.order.orderId, orderId));
    expect(order).toMatchObject({
      paymentMethod: '{"name":"Trendyol","code":"meschain_trendyol"}',
      shippingMethod: '{"name":"Trendyol shipping","code":"meschain.trendyol"}',
      languageCode: 'en-gb',
      subscriptionId: 0,
      transactionId: '',
      paymentAddressId: 0,
      shippingAddressId: 0,
    });
    expect(JSON.parse(order!.paymentMethod)).toEqual({ name: 'Trendyol', code: 'meschain_trendyol' });
    const lines = await t.db.select().from(oc4.orderProduct).where(eq(oc4.orderProduct.orderId, orderId));
    expect(lines.map((l) => l.masterId)).toEqual([0, 0]);
    const totals = await t.db.select().from(oc4.orderTotal).where(eq(oc4.orderTotal.orderId, orderId));
    expect(new Set(totals.map((r) => r.extension))).toEqual(new Set(['opencart']));
  });

  it.each(['order_inserted', 'lines_written', 'totals_written'] as const)(
    'finishes the same order after a crash past %s',
    async (step) => {
      const externalOrderId = `V-crash-${step}`;
      const productId = { order_inserted: 31, lines_written: 32, totals_written: 33 }[step];
      await insertEvents(t.db, shop, [orderCreated(externalOrderId, [{ productId, quantity: 2, unitPrice: '5.00' }], { shippingTotal: '1.00' })]);
      expect(await run({ afterStep: crashAfter(step) })).toMatchObject({ claimed: 1, failed: 1 });
      expect(await run({ now: FAR_FUTURE })).toMatchObject({ claimed: 1, done: 1 });
      const order = await orderOf(externalOrderId);
      const lines = await t.db.select().from(oc.orderProduct).where(eq(oc.orderProduct.orderId, order.orderId));
      const totals = await t.db.select().from(oc.orderTotal).where(eq(oc.orderTotal.orderId, order.orderId));
      expect([order.orderStatusId, lines.length, totals.length]).toEqual([1, 1, 3]);
      expect(await stockOf(t.db, [productId])).toEqual(new Map([[productId, 998]]));
      if (version === '4.0') {
        const oc4 = openCart4Tables('oc_');
        const written = await t.db.select({ extension: oc4.orderTotal.extension }).from(oc4.orderTotal).where(eq(oc4.orderTotal.orderId, order.orderId));
        expect(written.map((r) => r.extension)).toEqual(['opencart', 'opencart', 'opencart']);
      }
    },
  );

  it("keeps an emoji where the shop's tables are utf8mb4 (4.0) and marks its place where they are utf8 (3.0)", async () => {
    await insertEvents(t.db, shop, [
      orderCreated('V-emoji', [{ productId: 34, quantity: 1, unitPrice: '5.00' }], {
        customer: { firstname: 'Zeynep 🌷', lastname: 'Kaya', email: 'zeynep@example.com' },
      }),
    ]);
    expect(await run()).toMatchObject({ done: 1 });
    expect((await orderOf('V-emoji')).firstname).toBe(version === '4.0' ? 'Zeynep 🌷' : 'Zeynep \uFFFD');
  });

  it('restores the stock when the marketplace cancels the order', async () => {
    await insertEvents(t.db, shop, [statusChanged('V-1', 'cancelled')]);
    expect(await run()).toMatchObject({ done: 1 });
    expect((await orderOf('V-1')).orderStatusId).toBe(7);
    expect(await stockOf(t.db, [28, 30])).toEqual(new Map([[28, 1000], [30, 1000]]));
  });

  it.runIf(version === '4.0')("moves a variant's master product with it, as 4.0's addHistory does", async () => {
    const oc4 = openCart4Tables('oc_');
    await t.db.update(oc4.product).set({ masterId: 41 }).where(eq(oc4.product.productId, 40));
    await insertEvents(t.db, shop, [orderCreated('V-variant', [{ productId: 40, quantity: 3, unitPrice: '5.00' }, { productId: 41, quantity: 1, unitPrice: '5.00' }])]);
    expect(await run()).toMatchObject({ done: 1 });
    const { orderId } = await orderOf('V-variant');
    const lines = await t.db.select().from(oc4.orderProduct).where(eq(oc4.orderProduct.orderId, orderId)).orderBy(asc(oc4.orderProduct.productId));
    expect(lines.map((l) => [l.productId, l.masterId])).toEqual([[40, 41], [41, 0]]);
    // The variant's 3 units leave the variant and its master; the master's own line takes 1 more.
    expect(await stockOf(t.db, [40, 41])).toEqual(new Map([[40, 997], [41, 996]]));

    await insertEvents(t.db, shop, [statusChanged('V-variant', 'cancelled')]);
    expect(await run()).toMatchObject({ done: 1 });
    expect(await stockOf(t.db, [40, 41])).toEqual(new Map([[40, 1000], [41, 1000]]));
  });
});

describe('phpJsonEncode', () => {
  it("writes JSON as PHP's json_encode does: non-ASCII and slashes escaped", () => {
    expect(phpJsonEncode({ name: 'Çiçeksepeti / Hızlı', code: 'a.b' })).toBe(
      '{"name":"\\u00c7i\\u00e7eksepeti \\/ H\\u0131zl\\u0131","code":"a.b"}',
    );
    expect(JSON.parse(phpJsonEncode({ name: 'Çiçeksepeti / Hızlı 😀' }))).toEqual({ name: 'Çiçeksepeti / Hızlı 😀' });
  });
});
