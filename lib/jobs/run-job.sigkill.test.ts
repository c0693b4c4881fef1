import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { jobRuns, marketplaceOrders, webhookEvents } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { insertEvents, oc, orderCreated, orderRowsOf, setUpShop, statusChanged, stockOf, type TestShop } from '@/lib/webhooks/worker.test-helper';
import { ABANDONED_RUN_ERROR } from './job-run-records';
import { jobLockName } from './job-lock';
import { processWebhooksJob } from './process-webhooks-job';
import { runJob } from './run-job';
import { NO_KEY, runsOf, tenantBySlug } from './jobs.test-helper';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORDERS = 200;
const CANCELLED = 50;
/** Events done (by the killed run) before the kill; the rest are left to the next run. */
const KILL_AFTER_DONE = 40;
const POLL_MS = 10;
const GET_GOING_POLLS = 9_000;
let t: TestDatabase;
let shop: TestShop;

beforeAll(async () => {
  t = await createAppTestDatabase('jobkill');
  shop = await setUpShop(t.db);
});
afterAll(async () => t?.drop());

/** A seeded generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

async function orderState(externalOrderId: string) {
  const orders = await orderRowsOf(t.db, shop, externalOrderId);
  const ids = orders.map((o) => o.orderId);
  const lines = ids.length ? await t.db.select().from(oc.orderProduct).where(inArray(oc.orderProduct.orderId, ids)) : [];
  const totals = ids.length ? await t.db.select().from(oc.orderTotal).where(inArray(oc.orderTotal.orderId, ids)) : [];
  const history = ids.length
    ? await t.db.select().from(oc.orderHistory).where(inArray(oc.orderHistory.orderId, ids)).orderBy(asc(oc.orderHistory.orderHistoryId))
    : [];
  const [link] = await t.db.select().from(marketplaceOrders).where(eq(marketplaceOrders.externalOrderId, externalOrderId));
  return { orders: orders.length, linked: link?.ocOrderId === orders[0]?.orderId, lines: lines.length, totals: totals.length, history: history.map((h) => h.orderStatusId) };
}

async function doneCount() {
  const [row] = await t.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, 'done'));
  return row!.n;
}

async function waitForFreeLock(name: string) {
  for (;;) {
    const [row] = await selectRows(t.db, sql`SELECT IS_FREE_LOCK(${name}) AS free`, z.object({ free: z.coerce.number() }));
    if (row?.free === 1) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

describe('job:run process-webhooks killed with SIGKILL in the middle of a run', () => {
  it('is completed by the next run with nothing lost or doubled, and the killed run is marked abandoned', async () => {
    const pick = lcg(11);
    const products = [41, 42, 43, 44, 45, 46, 47, 48];
    await t.db.update(oc.product).set({ quantity: 1000 }).where(inArray(oc.product.productId, products));
    const events: CanonicalEvent[] = [];
    const expectedStock = new Map(products.map((p) => [p, 1000]));
    const expectedLines = new Map<string, number>();
    for (let i = 0; i < ORDERS; i += 1) {
      const lines = Array.from({ length: 1 + pick(3) }, () => ({ productId: products[pick(products.length)]!, quantity: 1 + pick(3), unitPrice: '2.50' }));
      const id = `J-${i}`;
      events.push(orderCreated(id, lines));
      expectedLines.set(id, lines.length);
      if (i < CANCELLED) {
        events.push(statusChanged(id, 'cancelled'));
      } else {
        // 47 has subtract = 0 in the test shop: OpenCart leaves its stock alone.
        for (const line of lines) if (line.productId !== 47) expectedStock.set(line.productId, expectedStock.get(line.productId)! - line.quantity);
      }
    }
    await insertEvents(t.db, shop, events);

    const child = spawn('npx', ['tsx', 'scripts/cli.ts', 'job:run', 'process-webhooks', '--tenant', 'default'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: t.url },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      for (let polls = 0; (await doneCount()) < KILL_AFTER_DONE; polls += 1) {
        if (polls > GET_GOING_POLLS || child.exitCode !== null) throw new Error('the job:run process did not get going');
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      // npx, tsx and the CLI share the child's process group: kill them all without warning.
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
    await exited;
    expect(await doneCount()).toBeLessThan(events.length);
    const [killed] = await runsOf(t.db, 'process-webhooks');
    expect(killed).toMatchObject({ status: 'running', triggeredBy: 'cli', finishedAt: null });

    // The server drops the dead process's lock when it sees its connection close.
    const tenant = await tenantBySlug(t.db, 'default');
    await waitForFreeLock(jobLockName(t.url, 'process-webhooks', tenant.id));
    const next = await runJob({
      db: t.db,
      mainDatabaseUrl: t.url,
      job: processWebhooksJob,
      tenantSlug: 'default',
      trigger: 'cli',
      requestedBy: 'test',
      encryptionKey: NO_KEY,
      budgetMs: 100_000,
    });
    expect(next.runs).toEqual([expect.objectContaining({ tenant: 'default', status: 'succeeded', more: false })]);

    const [afterKill] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, killed!.id));
    expect(afterKill).toMatchObject({ status: 'abandoned', error: ABANDONED_RUN_ERROR });

    const statuses = await t.db
      .select({ status: webhookEvents.status, n: count() })
      .from(webhookEvents)
      .where(like(webhookEvents.externalId, '%J-%'))
      .groupBy(webhookEvents.status);
    expect(statuses).toEqual([{ status: 'done', n: events.length }]);
    for (let i = 0; i < ORDERS; i += 1) {
      const id = `J-${i}`;
      expect(await orderState(id), id).toEqual({
        orders: 1,
        linked: true,
        lines: expectedLines.get(id),
        totals: 3,
        history: i < CANCELLED ? [1, 7] : [1],
      });
    }
    expect(await stockOf(t.db, products)).toEqual(expectedStock);
  }, 180_000);
});
