import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createOpenCartTestDatabase, TEST_OPENCART_VERSION, type TestDatabase } from '@/lib/testing/harness';
import { openCart4Tables, openCartTables, type OpenCartVersion } from '@/lib/db/opencart';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { seedOrder as seedShopOrder } from '@/lib/overview/seed-orders.test-helper';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { addOrderHistory, stockMoveFor, type AddOrderHistoryInput } from './add-order-history';

const oc = openCartTables('oc_');
const oc4 = openCart4Tables('oc_');
const COUNTED = [1, 2, 3, 5, 12];
let t: TestDatabase;
let tdb: TenantDb;
let version: OpenCartVersion;

type SeedLine = { productId: number; quantity: number; optionValueIds?: number[]; /** 4.0 only: the variant's master product. */ masterId?: number };

/** One line of the order, in the shape of the shop's line: 4.0's order_product names the variant's master (0: none). */
async function insertLine(orderId: number, line: SeedLine): Promise<number> {
  const row = { orderId, productId: line.productId, name: 'x', model: 'x', quantity: line.quantity, reward: 0 };
  const [inserted] = version === '4.0'
    ? await t.db.insert(oc4.orderProduct).values({ ...row, masterId: line.masterId ?? 0 }).$returningId()
    : await t.db.insert(oc.orderProduct).values(row).$returningId();
  return inserted!.orderProductId;
}

/** A bare status-0 order with the given lines (and options), as checkout leaves it before confirming. */
async function seedOrder(lines: SeedLine[]): Promise<number> {
  const orderId = await seedShopOrder(tdb, { orderStatusId: 0, total: '0.0000', dateAdded: '2024-05-01 09:00:00' }, version);
  for (const line of lines) {
    const orderProductId = await insertLine(orderId, line);
    for (const povId of line.optionValueIds ?? []) {
      await t.db.insert(oc.orderOption).values({
        orderId,
        orderProductId,
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
  version = (await detectOpenCartVersion(t.db, 'oc_')).version!;
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

  it.runIf(TEST_OPENCART_VERSION === '4.0')("moves a variant's master product with it, as 4.0's addHistory does, where the master has subtract = 1", async () => {
    // 32 is a variant of 33; 34 one of 29, which has subtract = 0 and keeps its stock.
    const orderId = await seedOrder([{ productId: 32, quantity: 3, masterId: 33 }, { productId: 34, quantity: 2, masterId: 29 }]);
    expect(await addOrderHistory(tdb, change(orderId, 0, 1))).toEqual({ outcome: 'changed', stock: 'subtracted' });
    expect(await stock([32, 33, 34, 29])).toEqual({ 32: 97, 33: 97, 34: 98, 29: 100 });
    expect(await addOrderHistory(tdb, change(orderId, 1, 7))).toEqual({ outcome: 'changed', stock: 'restored' });
    expect(await stock([32, 33, 34, 29])).toEqual({ 32: 100, 33: 100, 34: 100, 29: 100 });
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
