import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { auditLog, marketplaceOrders, tenants } from '@/lib/db/schema';
import { addProductLink } from '@/lib/product-links/add-product-link';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { replayEvents } from './replay';
import { drain, eventRow, insertEvents, oc, orderCreated, orderRowsOf, setUpShop, stockOf, type TestShop } from './worker.test-helper';

let t: TestDatabase;
let shop: TestShop;
let tdb: TenantDb;
const actor = { userId: 1, username: 'admin' };
const run = () => drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test' });
/** The form the webhooks page reads a dead event's SKU from (lib/webhooks/queries/unknown-sku.ts). */
const UNKNOWN_SKU_REASON = /^Unknown SKU (.+) for account (\d+)(?::|$)/;

const ordersFor = (externalOrderId: string) => orderRowsOf(t.db, shop, externalOrderId);

beforeAll(async () => {
  t = await createAppTestDatabase('wksku');
  shop = await setUpShop(t.db);
  tdb = tenantDb({ id: shop.tenantId, slug: 'default', name: 'Shop', prefix: 'oc_', storeId: 0 }, t.url);
});
afterAll(async () => t?.drop());

describe('an order with an unknown SKU', () => {
  let eventId: number;

  it('is dead-lettered at once, with the SKU and account in its reason, and writes nothing', async () => {
    [eventId] = (await insertEvents(t.db, shop, [
      orderCreated('U-1', [
        { sku: 'NOPE-1', quantity: 2, unitPrice: '3.00' },
        { productId: 46, quantity: 1, unitPrice: '4.00' },
        { sku: 'NOPE-2', quantity: 1, unitPrice: '1.00' },
      ]),
    ])) as [number];
    expect(await run()).toEqual({ claimed: 1, done: 0, failed: 0, dead: 1 });
    const event = await eventRow(t.db, eventId);
    expect(event).toMatchObject({ status: 'dead', attempts: 1 });
    expect(event.lastError).toBe(`Unknown SKU NOPE-1 for account ${shop.accountId}: add a product mapping (also unknown: NOPE-2)`);
    expect(UNKNOWN_SKU_REASON.exec(event.lastError!)?.slice(1)).toEqual(['NOPE-1', String(shop.accountId)]);
    expect(await ordersFor('U-1')).toHaveLength(0);
    expect(await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, 'U-1'))).toHaveLength(0);
  });

  it('applies once mappings are added and the event is replayed', async () => {
    await addProductLink(t.db, { tenantId: shop.tenantId, accountId: shop.accountId, marketplaceSku: 'NOPE-1', ocProductId: 36 }, { actor, shop: tdb });
    await addProductLink(t.db, { tenantId: shop.tenantId, accountId: shop.accountId, marketplaceSku: 'NOPE-2', ocProductId: 47 }, { actor, shop: tdb });
    expect(await replayEvents(t.db, shop.tenantId, [eventId], { actor })).toEqual({ replayed: 1 });
    expect(await eventRow(t.db, eventId)).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await run()).toMatchObject({ claimed: 1, done: 1 });
    const [order] = await ordersFor('U-1');
    const lines = await t.db.select().from(oc.orderProduct).where(eq(oc.orderProduct.orderId, order!.orderId));
    expect(lines.map((l) => [l.productId, l.quantity])).toEqual([[36, 2], [46, 1], [47, 1]]);
    expect(await stockOf(t.db, [36, 46, 47])).toEqual(new Map([[36, 998], [46, 999], [47, 1000]]));

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, shop.tenantId));
    expect(audit.map((a) => a.action)).toEqual(['product_link.add', 'product_link.add', 'webhook_event.replay']);
  });

  it('replays only dead or failed events of the tenant', async () => {
    const [otherTenant] = await t.db.insert(tenants).values({ slug: 'other', name: 'Other', tablePrefix: 'oc_' }).$returningId();
    expect(await replayEvents(t.db, shop.tenantId, [eventId], { actor })).toEqual({ replayed: 0 });
    expect(await replayEvents(t.db, otherTenant!.id, [eventId], { actor })).toEqual({ replayed: 0 });
    expect(await replayEvents(t.db, shop.tenantId, [], { actor })).toEqual({ replayed: 0 });
    expect(await eventRow(t.db, eventId)).toMatchObject({ status: 'done' });
  });
});

describe('an SKU several products share', () => {
  it('is dead-lettered with the candidates, and a mapping chooses one', async () => {
    await t.db.update(oc.product).set({ sku: 'SHARED' }).where(inArray(oc.product.productId, [48, 49]));
    const [id] = await insertEvents(t.db, shop, [orderCreated('U-2', [{ sku: 'SHARED', quantity: 1, unitPrice: '1.00' }])]);
    await run();
    expect((await eventRow(t.db, id!)).lastError).toBe(
      `SKU SHARED matches products 48, 49 for account ${shop.accountId}: add a product mapping to choose one`,
    );
    await addProductLink(t.db, { tenantId: shop.tenantId, accountId: shop.accountId, marketplaceSku: 'SHARED', ocProductId: 49 }, { actor, shop: tdb });
    await replayEvents(t.db, shop.tenantId, [id!], { actor });
    await run();
    const [order] = await ordersFor('U-2');
    const lines = await t.db.select().from(oc.orderProduct).where(and(eq(oc.orderProduct.orderId, order!.orderId)));
    expect(lines.map((l) => l.productId)).toEqual([49]);
  });
});
