import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq, like, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { createPool, type Db } from '@/lib/db/pool';
import { competitorPrices, stockObservations, webhookEvents } from '@/lib/db/schema';
import type { CanonicalEvent } from './canonical-events';
import {
  drain,
  FAR_FUTURE,
  insertEvents,
  NO_SUBTRACT_PRODUCTS,
  oc,
  orderCreated,
  setUpShop,
  skuOf,
  statusChanged,
  stockOf,
  type TestShop,
} from './worker.test-helper';

const WORKERS = 4;
const ORDERS = 1_200;
const REDELIVERED_ORDERS = 300;
const STOCK_EVENTS = 910;
const PRICE_EVENTS = 910;
const PRODUCTS = [28, 30, 31, 32, 33, 34, 35, 36, 40, 41, 42, 43, 44, 45, 46, 47] as const;

let t: TestDatabase;
let shop: TestShop;
const pools: Array<ReturnType<typeof createPool>> = [];

beforeAll(async () => {
  t = await createAppTestDatabase('wkconc');
  shop = await setUpShop(t.db);
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => new Promise((resolve) => pool.end(resolve))));
  await t?.drop();
});

/** A seeded generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

type Plan = { events: CanonicalEvent[]; finalStatus: Map<string, number>; lines: Map<string, number>; stock: Map<number, number> };

/**
 * 5,000 events: orders (some delivered twice under another event id), status changes whose final
 * outcome does not depend on the order workers apply them in (shipped and delivered end delivered;
 * any cancel wins over shipped, a second cancel is a no-op), stock and price observations.
 */
function planEvents(): Plan {
  const pick = lcg(42);
  const events: CanonicalEvent[] = [];
  const finalStatus = new Map<string, number>();
  const lines = new Map<string, number>();
  const stock = new Map<number, number>(PRODUCTS.map((p) => [p, 1000]));
  const statusEvents: CanonicalEvent[] = [];
  for (let i = 0; i < ORDERS; i += 1) {
    const id = `P-${i}`;
    const orderLines = Array.from({ length: 1 + pick(3) }, () => ({ productId: PRODUCTS[pick(PRODUCTS.length)]!, quantity: 1 + pick(2), unitPrice: '3.00' }));
    events.push(orderCreated(id, orderLines));
    if (i < REDELIVERED_ORDERS) events.push(orderCreated(id, orderLines, { eventId: `again-${id}` }));
    lines.set(id, orderLines.length);
    const fate = i % 5;
    if (fate === 0) statusEvents.push(statusChanged(id, 'shipped'));
    if (fate === 1) statusEvents.push(statusChanged(id, 'shipped'), statusChanged(id, 'delivered'));
    if (fate === 2) statusEvents.push(statusChanged(id, 'cancelled'));
    if (fate === 3) statusEvents.push(statusChanged(id, 'shipped'), statusChanged(id, 'cancelled'), statusChanged(id, 'cancelled', `cancel-again-${id}`));
    finalStatus.set(id, [3, 5, 7, 7, 1][fate]!);
    if (fate === 2 || fate === 3) continue;
    for (const line of orderLines) {
      if (!(NO_SUBTRACT_PRODUCTS as readonly number[]).includes(line.productId)) stock.set(line.productId, stock.get(line.productId)! - line.quantity);
    }
  }
  events.push(...statusEvents);
  for (let i = 0; i < STOCK_EVENTS; i += 1) {
    events.push({ type: 'stock.changed', externalId: `stock-${i}`, occurredAt: '2024-05-01T09:00:00Z', sku: skuOf(PRODUCTS[i % PRODUCTS.length]!), quantity: i });
  }
  for (let i = 0; i < PRICE_EVENTS; i += 1) {
    events.push({
      type: 'price.observed',
      externalId: `price-${i}`,
      occurredAt: '2024-05-01T09:00:00Z',
      sku: skuOf(PRODUCTS[i % PRODUCTS.length]!),
      prices: [
        { seller: 'A', price: '10.00', currency: 'TRY', isBuyBoxWinner: true },
        { seller: 'B', price: '10.50', currency: 'TRY', isBuyBoxWinner: false },
      ],
    });
  }
  return { events, finalStatus, lines, stock };
}

function workerDb(): Db {
  const pool = createPool(t.url, 4);
  pools.push(pool);
  return drizzle({ client: pool }) as Db;
}

describe('four workers in parallel', () => {
  it('apply each of 5,000 events exactly once', async () => {
    const plan = planEvents();
    expect(plan.events).toHaveLength(5_000);
    await insertEvents(t.db, shop, plan.events);

    const results = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => drain({ db: workerDb(), mainDatabaseUrl: t.url, workerId: `w${i}`, limit: 100 })),
    );
    // A status that overtook its order (its order.created was still being applied) waits for its backoff.
    const swept = await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'sweeper', now: FAR_FUTURE });
    // Every worker took a share, and the done counts add up to the 5,000 events: none was applied twice.
    expect(results.every((r) => r.claimed > 0)).toBe(true);
    expect(results.reduce((sum, r) => sum + r.done, swept.done)).toBe(5_000);

    const byStatus = await t.db.select({ status: webhookEvents.status, n: count() }).from(webhookEvents).groupBy(webhookEvents.status);
    expect(byStatus).toEqual([{ status: 'done', n: 5_000 }]);

    const orders = await t.db
      .select({ id: oc.order.orderId, marker: oc.order.customField, status: oc.order.orderStatusId })
      .from(oc.order)
      .where(like(oc.order.customField, '{"meschain":%'));
    expect(orders).toHaveLength(ORDERS);
    expect(new Set(orders.map((o) => o.marker)).size).toBe(ORDERS);

    const lineCounts = new Map(
      (
        await t.db.select({ orderId: oc.orderProduct.orderId, n: count() }).from(oc.orderProduct).groupBy(oc.orderProduct.orderId)
      ).map((r) => [r.orderId, r.n]),
    );
    const histories = new Map<number, number[]>();
    for (const h of await t.db.select().from(oc.orderHistory).orderBy(asc(oc.orderHistory.orderHistoryId))) {
      histories.set(h.orderId, [...(histories.get(h.orderId) ?? []), h.orderStatusId]);
    }
    for (const order of orders) {
      const externalId = /"\d+:(P-\d+)"/.exec(order.marker)![1]!;
      expect(order.status, externalId).toBe(plan.finalStatus.get(externalId));
      expect(lineCounts.get(order.id), externalId).toBe(plan.lines.get(externalId));
      const history = histories.get(order.id)!;
      // Every transition recorded once, in order, ending at the order's status.
      expect(history[0], externalId).toBe(1);
      expect(history.at(-1), externalId).toBe(order.status);
      expect(history.every((s, i) => i === 0 || s !== history[i - 1]), externalId).toBe(true);
    }

    expect(await stockOf(t.db, PRODUCTS)).toEqual(plan.stock);
    const [observations] = await t.db.select({ n: count() }).from(stockObservations);
    const [prices] = await t.db.select({ n: count() }).from(competitorPrices);
    expect([observations!.n, prices!.n]).toEqual([STOCK_EVENTS, PRICE_EVENTS * 2]);
    const [linked] = await t.db.select({ n: count() }).from(stockObservations).where(sql`${stockObservations.ocProductId} IS NOT NULL`);
    expect(linked!.n).toBe(STOCK_EVENTS);
    const [stillHeld] = await t.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, 'pending'));
    expect(stillHeld!.n).toBe(0);
  }, 180_000);
});
