import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openCartTables } from '@/lib/db/opencart';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { addOrderHistory, stockMoveFor, type AddOrderHistoryInput } from './add-order-history';

const oc = openCartTables('oc_');
const COUNTED = [1, 2, 3, 5, 12];
let t: TestDatabase;
let tdb: TenantDb;
let nextOrderId = 1;

/** A bare status-0 order with the given lines (and options), as checkout leaves it before confirming. */
async function seedOrder(lines: Array<{ productId: number; quantity: number; optionValueIds?: number[] }>): Promise<number> {
  const orderId = nextOrderId++;
  await t.db.execute(
    `INSERT INTO oc_order (order_id, invoice_prefix, store_name, store_url, firstname, lastname, email, telephone, fax, custom_field,
      payment_firstname, payment_lastname, payment_company, payment_address_1, payment_address_2, payment_city, payment_postcode,
      payment_country, payment_country_id, payment_zone, payment_zone_id, payment_address_format, payment_custom_field, payment_method,
      payment_code, shipping_firstname, shipping_lastname, shipping_company, shipping_address_1, shipping_address_2, shipping_city,
      shipping_postcode, shipping_country, shipping_country_id, shipping_zone, shipping_zone_id, shipping_address_format,
      shipping_custom_field, shipping_method, shipping_code, comment, affiliate_id, commission, marketing_id, tracking, language_id,
      currency_id, currency_code, ip, forwarded_ip, user_agent, accept_language, date_added, date_modified)
     VALUES (${orderId}, '', '', '', '', '', '', '', '', '[]', '', '', '', '', '', '', '', '', 0, '', 0, '', '[]', '', '', '', '', '', '',
      '', '', '', '', 0, '', 0, '', '[]', '', '', '', 0, 0, 0, '', 1, 2, 'USD', '', '', '', '', NOW(), NOW())`,
  );
  for (const line of lines) {
    const [inserted] = await t.db
      .insert(oc.orderProduct)
      .values({ orderId, productId: line.productId, name: 'x', model: 'x', quantity: line.quantity, reward: 0 })
      .$returningId();
    for (const povId of line.optionValueIds ?? []) {
      await t.db.insert(oc.orderOption).values({
        orderId,
        orderProductId: inserted!.orderProductId,
        productOptionId: 1,
        productOptionValueId: povId,
        name: 'o',
        value: 'v',
        type: 'select',
      });
    }
  }
  return orderId;
}

const change = (orderId: number, fromStatusId: number, toStatusId: number): AddOrderHistoryInput => ({
  orderId,
  fromStatusId,
  toStatusId,
  comment: `to ${toStatusId}`,
  dateAdded: '2024-05-01 10:00:00',
  dateModified: '2024-05-01 10:00:00',
  countedStatusIds: COUNTED,
});

async function stock(ids: number[]) {
  const rows = await t.db.select({ id: oc.product.productId, q: oc.product.quantity }).from(oc.product).where(inArray(oc.product.productId, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.q]));
}
async function optionStock(ids: number[]) {
  const rows = await t.db
    .select({ id: oc.productOptionValue.productOptionValueId, q: oc.productOptionValue.quantity })
    .from(oc.productOptionValue)
    .where(inArray(oc.productOptionValue.productOptionValueId, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.q]));
}
async function history(orderId: number) {
  const rows = await t.db.select().from(oc.orderHistory).where(eq(oc.orderHistory.orderId, orderId));
  return rows.map((r) => r.orderStatusId);
}
async function statusOf(orderId: number) {
  const [row] = await t.db.select({ s: oc.order.orderStatusId }).from(oc.order).where(eq(oc.order.orderId, orderId));
  return row?.s;
}

beforeAll(async () => {
  t = await createOpenCartTestDatabase('addhist');
  tdb = tenantDb({ id: 1, slug: 'default', name: 'Shop', prefix: 'oc_', storeId: 0 }, t.url);
  await t.db.update(oc.product).set({ quantity: 100, subtract: 1 });
  await t.db.update(oc.product).set({ subtract: 0 }).where(eq(oc.product.productId, 29));
  await t.db.update(oc.productOptionValue).set({ quantity: 50, subtract: 1 });
  await t.db.update(oc.productOptionValue).set({ subtract: 0 }).where(eq(oc.productOptionValue.productOptionValueId, 1));
});
afterAll(async () => t?.drop());

describe('OpenCart stock rule', () => {
  it('moves stock only across the processing/complete boundary', () => {
    expect(stockMoveFor(0, 1, COUNTED)).toBe('subtracted');
    expect(stockMoveFor(1, 3, COUNTED)).toBe('none');
    expect(stockMoveFor(3, 7, COUNTED)).toBe('restored');
    expect(stockMoveFor(7, 11, COUNTED)).toBe('none');
    expect(stockMoveFor(0, 7, COUNTED)).toBe('none');
  });

  it('subtracts each product once per order, summing its lines, and only where subtract = 1', async () => {
    const orderId = await seedOrder([
      { productId: 28, quantity: 2 },
      { productId: 28, quantity: 3 },
      { productId: 29, quantity: 4 },
      { productId: 9999, quantity: 1 },
    ]);
    expect(await addOrderHistory(tdb, change(orderId, 0, 1))).toEqual({ outcome: 'changed', stock: 'subtracted' });
    expect(await stock([28, 29])).toEqual({ 28: 95, 29: 100 });
    expect(await history(orderId)).toEqual([1]);
    expect(await statusOf(orderId)).toBe(1);
  });

  it('moves option stock with the product quantity, as OpenCart does', async () => {
    const orderId = await seedOrder([{ productId: 42, quantity: 2, optionValueIds: [1, 8] }, { productId: 42, quantity: 3, optionValueIds: [8] }]);
    await addOrderHistory(tdb, change(orderId, 0, 2));
    expect(await stock([42])).toEqual({ 42: 95 });
    expect(await optionStock([1, 8])).toEqual({ 1: 50, 8: 45 });
    await addOrderHistory(tdb, change(orderId, 2, 7));
    expect(await stock([42])).toEqual({ 42: 100 });
    expect(await optionStock([1, 8])).toEqual({ 1: 50, 8: 50 });
  });

  it('changes status (with history) for an order whose products all have subtract = 0, or no lines at all', async () => {
    const noSubtract = await seedOrder([{ productId: 29, quantity: 5 }]);
    const empty = await seedOrder([]);
    expect(await addOrderHistory(tdb, change(noSubtract, 0, 1))).toEqual({ outcome: 'changed', stock: 'subtracted' });
    expect(await addOrderHistory(tdb, change(empty, 0, 1))).toEqual({ outcome: 'changed', stock: 'subtracted' });
    expect([await statusOf(noSubtract), await statusOf(empty)]).toEqual([1, 1]);
    expect(await history(empty)).toEqual([1]);
    expect(await stock([29])).toEqual({ 29: 100 });
  });

  it('a repeated change writes nothing; a change from a status the order no longer has is a conflict', async () => {
    const orderId = await seedOrder([{ productId: 30, quantity: 1 }]);
    await addOrderHistory(tdb, change(orderId, 0, 1));
    expect(await addOrderHistory(tdb, change(orderId, 0, 1))).toEqual({ outcome: 'unchanged' });
    expect(await addOrderHistory(tdb, change(orderId, 2, 7))).toEqual({ outcome: 'conflict', currentStatusId: 1 });
    expect(await stock([30])).toEqual({ 30: 99 });
    expect(await history(orderId)).toEqual([1]);
  });

  it('a crash between the status update and the history row is finished by the next call, stock moved once', async () => {
    const orderId = await seedOrder([{ productId: 31, quantity: 4 }]);
    await addOrderHistory(tdb, change(orderId, 0, 1));
    const crash = new Error('worker died');
    await expect(addOrderHistory(tdb, change(orderId, 1, 7), { afterStatusUpdate: () => Promise.reject(crash) })).rejects.toBe(crash);
    expect(await history(orderId)).toEqual([1]);
    expect(await stock([31])).toEqual({ 31: 100 });

    expect(await addOrderHistory(tdb, change(orderId, 1, 7))).toEqual({ outcome: 'completed' });
    expect(await addOrderHistory(tdb, change(orderId, 1, 7))).toEqual({ outcome: 'unchanged' });
    expect(await history(orderId)).toEqual([1, 7]);
    expect(await stock([31])).toEqual({ 31: 100 });
  });
});
