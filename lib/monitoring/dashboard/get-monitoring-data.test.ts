import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { apiCallRollups, tenantGrants, tenants, webhookRollups } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { orderMarker } from '@/lib/orders/write-opencart-order';
import { seedOrder } from '@/lib/overview/seed-orders.test-helper';
import { toUtcDate, toUtcDateTime } from '@/lib/overview/reporting-window';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { INGEST_BUCKET_BOUNDS_MS, LAG_BUCKET_BOUNDS_MS, bucketIndex } from '../buckets';
import { MINUTE_MS, databaseNow, floorTo } from '../database-time';
import { addAccount, addApiCalls, addDeliveries, addJobRun, addTenant, at } from '../monitoring.test-helper';
import { rollupMetrics } from '../rollup/rollup-metrics';
import { rollupRange } from '../rollup/rollup-range';
import { getMonitoringData } from './get-monitoring-data';
import { openAdministeredTenants } from './monitoring-scope';
import { MONITORING_RANGES } from './range';

let t: TestDatabase;
let base: Date;
let shop: TenantDb;
let other: TenantDb;
const JOBS = ['process-webhooks', 'rollup-metrics'];
const admin = { id: 1, username: 'admin', isAdministrator: true };
const clerk = { id: 2, username: 'clerk', isAdministrator: false };

/** What a percentile must be, exact to the bucket resolution: the bound of the bucket holding the rank's value. */
function expectedPercentile(bounds: readonly number[], values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
  const bound = bounds[bucketIndex(bounds, value)]!;
  return Number.isFinite(bound) ? { ms: bound, above: false } : { ms: bounds[bounds.length - 2]!, above: true };
}

const SHOP_INGEST = [3, 7, 40, 120, 8, 9000, 30];
const SHOP_LAG = [500, 2000, 2000, 70_000, 100];

beforeAll(async () => {
  t = await createAppTestDatabase('monitoringdata');
  base = floorTo(await databaseNow(t.db), MINUTE_MS);
  const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  shop = tenantDb({ id: def!.id, slug: 'default', name: 'default', prefix: 'oc_', storeId: 0 }, t.url);
  const otherId = await addTenant(t.db, 'other');
  other = tenantDb({ id: otherId, slug: 'other', name: 'other', prefix: 'oc_', storeId: 0 }, t.url);

  const trendyol = await addAccount(t.db, shop.tenant.id, 'trendyol');
  const hb = await addAccount(t.db, shop.tenant.id, 'hepsiburada');
  const otherTrendyol = await addAccount(t.db, otherId, 'trendyol');

  await addDeliveries(t.db, shop.tenant.id, trendyol, 'trendyol', [
    { receivedAt: at(base, 10, 1_000), ingestMs: 3, outcome: { done: 500 } },
    { receivedAt: at(base, 10, 2_000), ingestMs: 7, outcome: { done: 2_000 } },
    { receivedAt: at(base, 10, 3_000), ingestMs: 40, outcome: { done: 2_000, attempts: 2 } },
    { receivedAt: at(base, 10, 4_000), ingestMs: 120, outcome: { done: 70_000, attempts: 3 } },
    { receivedAt: at(base, 20, 1_000), ingestMs: 8, outcome: 'pending' },
    { receivedAt: at(base, 20, 2_000), ingestMs: 9_000, outcome: { deadAt: at(base, 19, 10_000) } },
  ]);
  await addDeliveries(t.db, shop.tenant.id, hb, 'hepsiburada', [{ receivedAt: at(base, 10, 5_000), ingestMs: 30, outcome: { done: 100 } }]);
  // Three days ago: in the 7- and 30-day views only.
  await addDeliveries(
    t.db,
    shop.tenant.id,
    trendyol,
    'trendyol',
    Array.from({ length: 5 }, (_, i) => ({ receivedAt: at(base, 3 * 24 * 60, i * 1_000), ingestMs: 20, outcome: { done: 1_000 } })),
  );
  await addDeliveries(
    t.db,
    otherId,
    otherTrendyol,
    'trendyol',
    Array.from({ length: 7 }, (_, i) => ({ receivedAt: at(base, 10, i * 1_000), ingestMs: 6_000, outcome: { done: 400_000 } })),
  );
  await addApiCalls(t.db, shop.tenant.id, trendyol, 'trendyol', [
    ...Array.from({ length: 6 }, () => ({ at: at(base, 5), status: 200, durationMs: 100 })),
    ...Array.from({ length: 3 }, () => ({ at: at(base, 5), status: 429, durationMs: 50, errorKind: 'rate_limited' as const })),
    { at: at(base, 5), status: 500, durationMs: 250, errorKind: 'server' },
  ]);
  await addApiCalls(t.db, otherId, otherTrendyol, 'trendyol', Array.from({ length: 4 }, () => ({ at: at(base, 5), status: 200, durationMs: 10 })));
  await addJobRun(t.db, shop.tenant.id, 'process-webhooks', at(base, 30), 'failed', 1_000);
  await addJobRun(t.db, shop.tenant.id, 'process-webhooks', at(base, 15), 'succeeded', 3_000);
  await addJobRun(t.db, otherId, 'process-webhooks', at(base, 12), 'failed', 9_000);

  const today = toUtcDateTime(base);
  await seedOrder(shop, { orderStatusId: 5, total: '10.0000', dateAdded: today });
  await seedOrder(shop, { orderStatusId: 5, total: '15.5000', dateAdded: today });
  await seedOrder(shop, { orderStatusId: 5, total: '99.9900', dateAdded: today, customField: orderMarker(trendyol, 'TY-1') });
  // Not a sale: OpenCart's "missing" status.
  await seedOrder(shop, { orderStatusId: 0, total: '1000.0000', dateAdded: today, customField: orderMarker(trendyol, 'TY-2') });

  for (const id of [shop.tenant.id, otherId]) await rollupMetrics(t.db, id);
}, 120_000);
afterAll(async () => t?.drop());

async function snapshot() {
  const w = await t.db.select().from(webhookRollups).orderBy(asc(webhookRollups.tenantId), asc(webhookRollups.grain), asc(webhookRollups.bucketStart), asc(webhookRollups.marketplace));
  const a = await t.db.select().from(apiCallRollups).orderBy(asc(apiCallRollups.tenantId), asc(apiCallRollups.grain), asc(apiCallRollups.bucketStart), asc(apiCallRollups.marketplace));
  return { w, a };
}

describe('monitoring data from the rollups', () => {
  it('running the rollup again, or over a range already done, writes the same rows', async () => {
    const first = await snapshot();
    expect(first.w.length).toBeGreaterThan(0);
    for (const id of [shop.tenant.id, other.tenant.id]) await rollupMetrics(t.db, id);
    await rollupRange(t.db, shop.tenant.id, at(base, 5 * 24 * 60), at(base, -1));
    expect(await snapshot()).toEqual(first);
  });

  it('the last hour: every webhook, API and job figure matches the rows fed in', async () => {
    const d = await getMonitoringData(t.db, [shop], JOBS, '1h');
    expect(d.webhooks.points).toHaveLength(60);
    expect(d.webhooks.totals).toMatchObject({ received: 7, deliveries: 7, applied: 5, dead: 1, retries: 3, byMarketplace: { trendyol: 6, hepsiburada: 1 } });
    expect(d.webhooks.totals.ingestMsSum).toBe(SHOP_INGEST.reduce((a, b) => a + b, 0));
    expect(d.webhooks.totals.lagMsSum).toBe(SHOP_LAG.reduce((a, b) => a + b, 0));
    for (const p of [50, 95, 99] as const) {
      expect(d.webhooks.totals.ingest[`p${p}`]).toEqual(expectedPercentile(INGEST_BUCKET_BOUNDS_MS, SHOP_INGEST, p));
      expect(d.webhooks.totals.lag[`p${p}`]).toEqual(expectedPercentile(LAG_BUCKET_BOUNDS_MS, SHOP_LAG, p));
    }
    // Each event sits in the minute it was received.
    const tenAgo = d.webhooks.points.find((p) => p.t === at(base, 10).toISOString());
    expect(tenAgo).toMatchObject({ received: 5, byMarketplace: { trendyol: 4, hepsiburada: 1 }, deliveries: 5 });
    const twentyAgo = d.webhooks.points.find((p) => p.t === at(base, 20).toISOString());
    expect(twentyAgo).toMatchObject({ received: 2, applied: 0 });
    expect(d.webhooks.points.find((p) => p.t === at(base, 19).toISOString())?.dead).toBe(1);
    expect(d.webhooks.points.reduce((s, p) => s + p.received, 0)).toBe(7);

    expect(d.api.points.reduce((s, p) => s + p.calls, 0)).toBe(10);
    expect(d.api.byMarketplace).toEqual([{ marketplace: 'trendyol', calls: 10, errors: 4, rateLimited: 3, avgMs: Math.round((600 + 150 + 250) / 10) }]);
    expect(d.api.points.find((p) => p.t === at(base, 5).toISOString())).toMatchObject({ calls: 10, errors: 4, rateLimited: 3 });

    expect(d.live).toMatchObject({ queueDepth: 1, deadLetters: 1, outboxDepth: 0, circuits: [], closedCircuits: 0 });
    expect(d.live.queueCountedAt).not.toBeNull();
    expect(d.live.oldestWaitingMs).toBeGreaterThanOrEqual(19 * MINUTE_MS);

    const pw = d.jobs.jobs.find((j) => j.job === 'process-webhooks')!;
    expect(pw).toMatchObject({ runs: 2, failures: 1, avgMs: 2_000, maxMs: 3_000, last: { status: 'succeeded', durationMs: 3_000 } });
    expect(d.jobs.jobs.find((j) => j.job === 'rollup-metrics')).toMatchObject({ runs: 0, last: null });
  });

  it('the range picker changes the steps and what falls inside, never the counts of what does', async () => {
    const expected = { '1h': { points: 60, stepMs: MINUTE_MS, received: 7 }, '24h': { points: 96, stepMs: 15 * MINUTE_MS, received: 7 }, '7d': { points: 168, stepMs: 60 * MINUTE_MS, received: 12 }, '30d': { points: 120, stepMs: 360 * MINUTE_MS, received: 12 } } as const;
    for (const range of MONITORING_RANGES) {
      const d = await getMonitoringData(t.db, [shop], JOBS, range);
      expect(d.webhooks.points).toHaveLength(expected[range].points);
      expect(d.stepMs).toBe(expected[range].stepMs);
      expect(d.webhooks.totals.received).toBe(expected[range].received);
      expect(d.webhooks.points.reduce((s, p) => s + p.received, 0)).toBe(expected[range].received);
      expect(d.api.points.reduce((s, p) => s + p.calls, 0)).toBe(10);
      // Steps are contiguous and the newest one holds now.
      const times = d.webhooks.points.map((p) => Date.parse(p.t));
      for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBe(d.stepMs);
      expect(Date.parse(d.now)).toBeGreaterThanOrEqual(times[times.length - 1]!);
      expect(Date.parse(d.now)).toBeLessThan(times[times.length - 1]! + d.stepMs);
    }
    const week = await getMonitoringData(t.db, [shop], JOBS, '7d');
    const old = floorTo(at(base, 3 * 24 * 60), 60 * MINUTE_MS).toISOString();
    expect(week.webhooks.points.find((p) => p.t === old)).toMatchObject({ received: 5, applied: 5 });
    expect(week.webhooks.totals.lag.p50).toEqual(expectedPercentile(LAG_BUCKET_BOUNDS_MS, [...SHOP_LAG, 1_000, 1_000, 1_000, 1_000, 1_000], 50));
  });

  it('orders and revenue per channel per day come from the counted OpenCart orders', async () => {
    const d = await getMonitoringData(t.db, [shop], JOBS, '24h');
    expect(d.business).toHaveLength(1);
    const b = d.business[0]!;
    expect(b.days).toHaveLength(30);
    expect(b.channels).toEqual(['shop', 'trendyol']);
    expect(b.days.find((day) => day.date === toUtcDate(base))?.byChannel).toEqual({
      shop: { orders: 2, revenue: '25.5000' },
      trendyol: { orders: 1, revenue: '99.9900' },
    });
  });
});

describe('tenant isolation', () => {
  it("one shop's figures never include another's", async () => {
    const d = await getMonitoringData(t.db, [other], JOBS, '1h');
    expect(d.webhooks.totals).toMatchObject({ received: 7, deliveries: 7, applied: 7, dead: 0, byMarketplace: { trendyol: 7 } });
    expect(d.webhooks.totals.ingest.p50).toEqual({ ms: 10_000, above: false });
    expect(d.webhooks.totals.lag.p50).toEqual({ ms: 900_000, above: false });
    expect(d.api.byMarketplace).toEqual([{ marketplace: 'trendyol', calls: 4, errors: 0, rateLimited: 0, avgMs: 10 }]);
    expect(d.live).toMatchObject({ queueDepth: 0, deadLetters: 0 });
    expect(d.jobs.jobs.find((j) => j.job === 'process-webhooks')).toMatchObject({ runs: 1, failures: 1 });
    expect(d.alerts.open).toEqual([]);
  });

  it('the all-shops view is refused to a non-administrator and covers only shops the administrator holds admin on', async () => {
    await expect(openAdministeredTenants(t.db, t.url, clerk)).rejects.toBeInstanceOf(ServiceError);
    expect((await openAdministeredTenants(t.db, t.url, admin)).map((x) => x.tenant.slug)).toEqual(['default']);
    await t.db.insert(tenantGrants).values({ tenantId: other.tenant.id, userId: admin.id, username: admin.username, role: 'viewer', grantedBy: 'test' });
    expect((await openAdministeredTenants(t.db, t.url, admin)).map((x) => x.tenant.slug)).toEqual(['default']);
    await t.db.update(tenantGrants).set({ role: 'admin' }).where(eq(tenantGrants.tenantId, other.tenant.id));
    const both = await openAdministeredTenants(t.db, t.url, admin);
    expect(both.map((x) => x.tenant.slug)).toEqual(['default', 'other']);
    const d = await getMonitoringData(t.db, both, JOBS, '1h');
    expect(d.webhooks.totals.received).toBe(14);
    expect(d.tenants).toEqual(['default', 'other']);
  });
});
