import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, count, eq, inArray, like } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceOrders, webhookEvents } from '@/lib/db/schema';
import type { CanonicalEvent } from './canonical-events';
import type { ApplyStep } from './apply';
import { drain, FAR_FUTURE, insertEvents, oc, orderCreated, orderRowsOf, setUpShop, statusChanged, stockOf, type TestShop } from './worker.test-helper';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let t: TestDatabase;
let shop: TestShop;

async function orderState(externalOrderId: string) {
  const orders = await orderRowsOf(t.db, shop, externalOrderId);
  const ids = orders.map((o) => o.orderId);
  const lines = ids.length ? await t.db.select().from(oc.orderProduct).where(inArray(oc.orderProduct.orderId, ids)) : [];
  const totals = ids.length ? await t.db.select().from(oc.orderTotal).where(inArray(oc.orderTotal.orderId, ids)) : [];
  const history = ids.length
    ? await t.db.select().from(oc.orderHistory).where(inArray(oc.orderHistory.orderId, ids)).orderBy(asc(oc.orderHistory.orderHistoryId))
    : [];
  const [link] = await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, externalOrderId));
  return {
    orders: orders.map((o) => ({ id: o.orderId, status: o.orderStatusId })),
    lines: lines.length,
    totals: totals.length,
    history: history.map((h) => h.orderStatusId),
    linkedOrderId: link?.ocOrderId ?? null,
  };
}

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

beforeAll(async () => {
  t = await createAppTestDatabase('wkcrash');
  shop = await setUpShop(t.db);
});
afterAll(async () => t?.drop());

describe('a crash between two steps of order.created', () => {
  const steps: ApplyStep[] = ['intent_recorded', 'order_inserted', 'lines_written', 'totals_written', 'status_updated'];

  it.each(steps)('after %s: the retry finishes the same order, stock taken once', async (step) => {
    const externalOrderId = `C-${step}`;
    const productId = [30, 31, 32, 33, 34][steps.indexOf(step)]!;
    await insertEvents(t.db, shop, [orderCreated(externalOrderId, [{ productId, quantity: 2, unitPrice: '5.00' }], { shippingTotal: '1.00' })]);

    const crashed = await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'crashing', afterStep: crashAfter(step) });
    expect(crashed).toMatchObject({ claimed: 1, failed: 1 });
    const partial = await orderState(externalOrderId);
    expect(partial.orders.length).toBe(step === 'intent_recorded' ? 0 : 1);
    expect(partial.linkedOrderId).toBeNull();

    expect(await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'retry', now: FAR_FUTURE })).toMatchObject({ claimed: 1, done: 1 });
    const state = await orderState(externalOrderId);
    expect(state).toEqual({ orders: [{ id: state.linkedOrderId, status: 1 }], lines: 1, totals: 3, history: [1], linkedOrderId: state.orders[0]!.id });
    expect(await stockOf(t.db, [productId])).toEqual(new Map([[productId, 998]]));
  });

  it('a second order.created for the order, applied before the retry, finds the half-made order by its marker', async () => {
    const [first] = await insertEvents(t.db, shop, [orderCreated('C-race', [{ productId: 36, quantity: 3, unitPrice: '5.00' }])]);
    await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'crashing', afterStep: crashAfter('order_inserted') });
    await insertEvents(t.db, shop, [orderCreated('C-race', [{ productId: 36, quantity: 3, unitPrice: '5.00' }], { eventId: 'redelivered' })]);
    expect(await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'other' })).toMatchObject({ claimed: 1, done: 1 });
    expect(await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'retry', now: FAR_FUTURE })).toMatchObject({ claimed: 1, done: 1 });
    const state = await orderState('C-race');
    expect(state).toMatchObject({ lines: 1, totals: 3, history: [1] });
    expect(state.orders).toHaveLength(1);
    expect(await stockOf(t.db, [36])).toEqual(new Map([[36, 997]]));
    const [event] = await t.db.select().from(webhookEvents).where(eq(webhookEvents.id, first!));
    expect(event?.status).toBe('done');
  });
});

describe('a crash between the status update and its history row', () => {
  it('is finished by the retry: history written once, stock restored once', async () => {
    await insertEvents(t.db, shop, [orderCreated('C-cancel', [{ productId: 40, quantity: 4, unitPrice: '5.00' }])]);
    await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test' });
    await insertEvents(t.db, shop, [statusChanged('C-cancel', 'cancelled')]);
    await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'crashing', afterStep: crashAfter('status_updated') });
    expect(await orderState('C-cancel')).toMatchObject({ orders: [{ status: 7 }], history: [1] });
    expect(await stockOf(t.db, [40])).toEqual(new Map([[40, 1000]]));

    expect(await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'retry', now: FAR_FUTURE })).toMatchObject({ done: 1 });
    expect(await orderState('C-cancel')).toMatchObject({ orders: [{ status: 7 }], history: [1, 7] });
    expect(await stockOf(t.db, [40])).toEqual(new Map([[40, 1000]]));
  });
});

/** A seeded generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

describe('a worker process killed with SIGKILL in the middle of a batch', () => {
  it('loses nothing and doubles nothing once another run finishes the queue', async () => {
    const pick = lcg(7);
    const products = [41, 42, 43, 44, 45, 46, 47, 48];
    await t.db.update(oc.product).set({ quantity: 1000 }).where(inArray(oc.product.productId, products));
    const ORDERS = 400;
    const CANCELLED = 100;
    const events: CanonicalEvent[] = [];
    const expectedStock = new Map(products.map((p) => [p, 1000]));
    const expectedLines = new Map<string, number>();
    for (let i = 0; i < ORDERS; i += 1) {
      const lines = Array.from({ length: 1 + pick(3) }, () => ({ productId: products[pick(products.length)]!, quantity: 1 + pick(3), unitPrice: '2.50' }));
      const id = `K-${i}`;
      events.push(orderCreated(id, lines));
      expectedLines.set(id, lines.length);
      if (i < CANCELLED) {
        events.push(statusChanged(id, 'cancelled'));
      } else {
        for (const line of lines) if (line.productId !== 47) expectedStock.set(line.productId, expectedStock.get(line.productId)! - line.quantity);
      }
    }
    await insertEvents(t.db, shop, events);
    const child = spawn('npx', ['tsx', 'scripts/webhooks-worker.ts', '--limit', '1000', '--worker-id', 'doomed'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: t.url },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const doneCount = async () => {
      const [row] = await t.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, 'done'));
      return row!.n;
    };
    const before = await doneCount();
    const KILL_AFTER_DONE = 80;
    try {
      for (let waited = 0; (await doneCount()) < before + KILL_AFTER_DONE; waited += 1) {
        if (waited > 6_000 || child.exitCode !== null) throw new Error('the worker process did not get going');
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      // npx, tsx and the worker share the child's process group: kill them all without warning.
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
    await exited;
    const doneAtKill = await doneCount();
    expect(doneAtKill - before).toBeLessThan(events.length);

    await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'survivor' });
    await drain({ db: t.db, mainDatabaseUrl: t.url, workerId: 'survivor', now: FAR_FUTURE });

    const statuses = await t.db
      .select({ status: webhookEvents.status, n: count() })
      .from(webhookEvents)
      .where(like(webhookEvents.externalId, '%K-%'))
      .groupBy(webhookEvents.status);
    expect(statuses).toEqual([{ status: 'done', n: events.length }]);
    for (let i = 0; i < ORDERS; i += 1) {
      const id = `K-${i}`;
      const state = await orderState(id);
      expect(state.orders, id).toHaveLength(1);
      expect({ lines: state.lines, totals: state.totals, history: state.history }, id).toEqual({
        lines: expectedLines.get(id),
        totals: 3,
        history: i < CANCELLED ? [1, 7] : [1],
      });
    }
    expect(await stockOf(t.db, products)).toEqual(expectedStock);
  }, 120_000);
});
