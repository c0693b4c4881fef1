/**
 * How fast the monitoring page's data requests answer with a big history.
 *   npx tsx bench/monitoring.ts [--events 2000000] [--orders 200000] [--calls 100]
 * Builds a scratch database (OpenCart's install SQL, companion tables), fills it with webhook events and
 * deliveries over 30 days, API calls, job runs and OpenCart orders by multi-row inserts, runs the
 * rollup job over all of it, then times the data endpoint's query functions per range and prints
 * p50/p95. The database is dropped afterwards.
 */
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { closeAllPools } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { orderMarker } from '@/lib/orders/write-opencart-order';
import { seedOrder } from '@/lib/overview/seed-orders.test-helper';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { createAppTestDatabase } from '@/lib/testing/harness';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { INGEST_BUCKET_BOUNDS_MS } from '@/lib/monitoring/buckets';
import { DAY_MS, databaseNow } from '@/lib/monitoring/database-time';
import { getApiFigures } from '@/lib/monitoring/dashboard/api-series';
import { getBusinessFigures } from '@/lib/monitoring/dashboard/business-figures';
import { getJobFigures } from '@/lib/monitoring/dashboard/job-figures';
import { getLiveFigures } from '@/lib/monitoring/dashboard/live-figures';
import { getMonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import { MONITORING_RANGES, rangeWindow } from '@/lib/monitoring/dashboard/range';
import { getWebhookFigures } from '@/lib/monitoring/dashboard/webhook-series';
import { listAlerts } from '@/lib/monitoring/dashboard/alert-list';
import { rollupMetrics } from '@/lib/monitoring/rollup/rollup-metrics';

const argsSchema = z.object({
  events: z.coerce.number().int().min(1_000).default(2_000_000),
  orders: z.coerce.number().int().min(100).default(200_000),
  calls: z.coerce.number().int().min(5).default(100),
});
const ROWS_PER_INSERT = 5_000;
const ORDERS_PER_INSERT = 2_000;
const API_CALLS = 200_000;
const JOB_NAMES = ['process-webhooks', 'sync-stock-price', 'pull-orders', 'rollup-metrics', 'evaluate-alerts'];
const JOB_RUN_EVERY_MS = 5 * 60_000;
const MARKETPLACE_LIST = MARKETPLACES.filter((m) => m !== 'generic');

/** A small deterministic generator, so two runs fill the same rows. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const sqlDate = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const args = argsSchema.parse(parseArgs({ options: { events: { type: 'string' }, orders: { type: 'string' }, calls: { type: 'string' } } }).values);
  const t = await createAppTestDatabase('benchmon');
  try {
    const db = t.db;
    const [def] = await db.select().from(tenants).where(eq(tenants.slug, 'default'));
    const tenantId = def!.id;
    const accounts: Array<{ id: number; marketplace: string }> = [];
    for (const marketplace of MARKETPLACE_LIST) {
      await db.execute(sql`INSERT INTO msc_marketplace_account (tenant_id, marketplace, name, auth_type, secret_ciphertext, settings, api_options)
        VALUES (${tenantId}, ${marketplace}, ${marketplace}, 'basic', 'unused', '{}', '{}')`);
      const [rows] = (await db.execute(sql`SELECT LAST_INSERT_ID() AS id`)) as unknown as [Array<{ id: number }>];
      accounts.push({ id: Number(rows[0]!.id), marketplace });
    }
    const now = (await databaseNow(db)).getTime();
    const start = now - 30 * DAY_MS;
    const rnd = random(42);
    const latency = () => Math.round(INGEST_BUCKET_BOUNDS_MS[Math.floor(rnd() * 9)]! * rnd());

    await timed(`${args.events} deliveries and events`, async () => {
      for (let done = 0; done < args.events; done += ROWS_PER_INSERT) {
        const n = Math.min(ROWS_PER_INSERT, args.events - done);
        const deliveries: string[] = [];
        const events: string[] = [];
        for (let i = 0; i < n; i += 1) {
          const id = done + i + 1;
          const account = accounts[id % accounts.length]!;
          const received = start + Math.floor(((done + i) / args.events) * 30 * DAY_MS);
          const r = rnd();
          const status = r < 0.01 ? 'dead' : r < 0.011 ? 'pending' : 'done';
          const attempts = status === 'done' ? 1 + (rnd() < 0.05 ? 1 : 0) : status === 'dead' ? 5 : 0;
          const processed = status === 'done' ? `'${sqlDate(received + 200 + Math.floor(rnd() * 20_000))}'` : 'NULL';
          deliveries.push(`(${id},${tenantId},${account.id},'POST','',JSON_OBJECT(),'{}','${sqlDate(received)}',${latency()},1,0)`);
          events.push(
            `(${id},${tenantId},${account.id},${id},'${account.marketplace}','order.created','e${id}',1,JSON_OBJECT(),'${status}',${attempts},'${sqlDate(received)}','${sqlDate(received)}',${processed})`,
          );
        }
        await db.execute(sql.raw(`INSERT INTO msc_webhook_delivery (id, tenant_id, account_id, method, path, headers, raw_body, received_at, ingest_latency_ms, event_count, duplicate_count) VALUES ${deliveries.join(',')}`));
        await db.execute(sql.raw(`INSERT INTO msc_webhook_event (id, tenant_id, account_id, delivery_id, marketplace, type, external_id, priority, payload, status, attempts, next_attempt_at, received_at, processed_at) VALUES ${events.join(',')}`));
      }
    });
    await timed(`${API_CALLS} API calls and job runs`, async () => {
      for (let done = 0; done < API_CALLS; done += ROWS_PER_INSERT) {
        const rows: string[] = [];
        for (let i = 0; i < ROWS_PER_INSERT; i += 1) {
          const account = accounts[(done + i) % accounts.length]!;
          const r = rnd();
          const [status, kind] = r < 0.03 ? ['429', "'rate_limited'"] : r < 0.05 ? ['500', "'server'"] : ['200', 'NULL'];
          rows.push(`(${tenantId},${account.id},'${account.marketplace}','/orders','GET',${status},${Math.floor(rnd() * 800)},${kind},1,'${sqlDate(start + Math.floor(((done + i) / API_CALLS) * 30 * DAY_MS))}')`);
        }
        await db.execute(sql.raw(`INSERT INTO msc_marketplace_api_call (tenant_id, account_id, marketplace, endpoint, method, status, duration_ms, error_kind, attempt, created_at) VALUES ${rows.join(',')}`));
      }
      const runs: string[] = [];
      let slot = 0;
      for (let at = start; at < now; at += JOB_RUN_EVERY_MS) {
        for (const job of JOB_NAMES) {
          slot += 1;
          const failed = rnd() < 0.02;
          const ms = Math.floor(rnd() * 5_000);
          runs.push(`('${job}',${tenantId},'cron','cron','b${slot}','${failed ? 'failed' : 'succeeded'}','${sqlDate(at)}','${sqlDate(at + ms)}',${ms},50000,JSON_OBJECT())`);
        }
      }
      for (let i = 0; i < runs.length; i += ROWS_PER_INSERT) {
        await db.execute(sql.raw(`INSERT INTO msc_job_run (job, tenant_id, triggered_by, requested_by, slot, status, started_at, finished_at, duration_ms, budget_ms, counts) VALUES ${runs.slice(i, i + ROWS_PER_INSERT).join(',')}`));
      }
    });
    const shop = tenantDb({ id: tenantId, slug: 'default', name: 'default', prefix: 'oc_', storeId: 0 }, t.url);
    await timed(`${args.orders} orders`, async () => {
      const templateId = await seedOrder(shop, { orderStatusId: 5, total: '1.0000', dateAdded: sqlDate(now).slice(0, 19) });
      const [cols] = (await db.execute(sql`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'oc_order' AND column_name NOT IN ('order_id', 'date_added', 'date_modified', 'total', 'custom_field', 'order_status_id') ORDER BY ordinal_position`)) as unknown as [Array<{ c: string }>];
      const copied = cols.map((c) => `\`${c.c}\``).join(', ');
      for (let done = 0; done < args.orders; done += ORDERS_PER_INSERT) {
        const n = Math.min(ORDERS_PER_INSERT, args.orders - done);
        const values: string[] = [];
        for (let i = 0; i < n; i += 1) {
          const added = sqlDate(now - Math.floor(rnd() * 90 * DAY_MS)).slice(0, 19);
          const account = rnd() < 0.6 ? accounts[Math.floor(rnd() * accounts.length)]! : null;
          const marker = account ? orderMarker(account.id, `X${done + i}`).replace(/'/g, "''") : '[]';
          values.push(`SELECT '${added}' AS a, '${added}' AS m, ${(rnd() * 500).toFixed(4)} AS t, '${marker}' AS cf, ${rnd() < 0.9 ? 5 : 7} AS s`);
        }
        await db.execute(
          sql.raw(`INSERT INTO oc_order (${copied}, date_added, date_modified, total, custom_field, order_status_id)
            SELECT ${cols.map((c) => `o.\`${c.c}\``).join(', ')}, v.a, v.m, v.t, v.cf, v.s FROM oc_order o JOIN (${values.join(' UNION ALL ')}) v WHERE o.order_id = ${templateId}`),
        );
      }
    });
    const rollup = await timed('rollup-metrics over 30 days (first run)', () => rollupMetrics(db, tenantId));
    console.log(`  minutes computed: ${rollup.minutes}`);
    await timed('rollup-metrics, next run (5-minute overlap)', () => rollupMetrics(db, tenantId));
    const [counts] = (await db.execute(sql`SELECT (SELECT COUNT(*) FROM msc_webhook_event) AS events, (SELECT COUNT(*) FROM oc_order) AS orders, (SELECT COUNT(*) FROM msc_metric_webhook_rollup) AS rollups`)) as unknown as [Array<Record<string, number>>];
    console.log(`rows: ${JSON.stringify(counts[0])}`);

    const settings = await getStoreSettings(shop);
    const ids = [tenantId];
    const measure = async (label: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i += 1) await fn();
      const times: number[] = [];
      for (let i = 0; i < args.calls; i += 1) {
        const started = performance.now();
        await fn();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${label} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`);
    };
    console.log(`\n${args.calls} calls each (after 3 warm-up calls), ms:\n| query | p50 | p95 | max |\n|---|---|---|---|`);
    for (const range of MONITORING_RANGES) {
      const w = rangeWindow(range, new Date());
      await measure(`${range} whole data endpoint (getMonitoringData)`, () => getMonitoringData(db, [shop], JOB_NAMES, range));
      await measure(`${range} webhook rollups`, () => getWebhookFigures(db, ids, w));
      await measure(`${range} API rollups`, () => getApiFigures(db, ids, w));
      await measure(`${range} job runs`, () => getJobFigures(db, ids, JOB_NAMES, w));
      await measure(`${range} live figures`, () => getLiveFigures(db, ids, w, new Date()));
    }
    await measure('business (30 days of orders, any range)', () => getBusinessFigures(db, shop, settings, new Date()));
    await measure('alerts list', () => listAlerts(db, ids));
  } finally {
    await closeAllPools();
    await t.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
