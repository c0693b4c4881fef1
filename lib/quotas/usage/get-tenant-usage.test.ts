import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import {
  marketplaceAccounts,
  marketplaceApiCalls,
  productLinks,
  quotaUsage,
  tenants,
  webhookDeliveries,
  webhookEventAttempts,
  webhookEvents,
} from '@/lib/db/schema';
import { setQuotaLimit } from '../set-quota-limit';
import { MS_PER_MINUTE, windowStart } from '../windows';
import { getTenantUsage } from './get-tenant-usage';

let t: TestDatabase;
let tenantId: number;
let accountId: number;
const NOW = windowStart('minute', Date.now()).getTime() + 30_000;
const actor = { actor: { userId: 1, username: 'boss' } };

beforeAll(async () => {
  t = await createAppTestDatabase('quotausage');
  const [row] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  tenantId = row!.id;
  const [account] = await t.db
    .insert(marketplaceAccounts)
    .values({ tenantId, marketplace: 'trendyol', name: 'T', authType: 'apikey', secretCiphertext: 'unused', skuMatch: 'sku' })
    .$returningId();
  accountId = account!.id;
});
afterAll(async () => t?.drop());

describe('the usage page’s figures', () => {
  it('per-minute use rising steadily over the last hour projects the minute it reaches the limit', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'webhook_events_per_minute', limit: 100 }, actor);
    const current = windowStart('minute', NOW).getTime();
    // 60 complete minutes at 1, 2, …, 60 events, and 10 so far in the current one.
    const rows = Array.from({ length: 60 }, (_, i) => ({ start: current - (60 - i) * MS_PER_MINUTE, used: i + 1 }));
    rows.push({ start: current, used: 10 });
    await t.db.insert(quotaUsage).values(rows.map((r) => ({ tenantId, metric: 'webhook_events', scope: '', grain: 'minute' as const, windowStart: new Date(r.start), used: r.used })));
    const day = windowStart('day', NOW);
    await t.db.insert(quotaUsage).values({ tenantId, metric: 'webhook_events', scope: '', grain: 'day', windowStart: day, used: 1_840 });

    const { overview } = await getTenantUsage(t.db, tenantId, NOW);
    const perMinute = overview.quotas.find((q) => q.resource === 'webhook_events_per_minute')!;
    expect(perMinute).toMatchObject({ used: 10, limit: 100, percent: 10, isDefault: false, window: 'minute' });
    // The fitted line gains one event a minute; from 10 now, 90 more minutes to 100.
    expect(perMinute.projection).toEqual({ kind: 'at', at: NOW + 90 * MS_PER_MINUTE });
    const perDay = overview.quotas.find((q) => q.resource === 'webhook_events_per_day')!;
    expect(perDay).toMatchObject({ used: 1_840, isDefault: true, resetsAt: new Date(day.getTime() + 86_400_000).toISOString() });
    expect(perDay.projection).toEqual({ kind: 'not_at_this_rate' });
    // Per-marketplace API quotas for the marketplaces the shop has accounts with.
    expect(overview.quotas.filter((q) => q.resource === 'api_calls_per_minute').map((q) => q.scope)).toEqual(['trendyol']);
    expect(overview.quotas.find((q) => q.resource === 'backup_storage_bytes')).toMatchObject({ used: null, projection: { kind: 'unknown' } });

    const series = overview.series.find((s) => s.metric === 'webhook_events')!;
    expect(series.hours).toHaveLength(24);
    expect(series.days).toHaveLength(30);
    expect(series.hours.reduce((n, b) => n + b.value, 0)).toBe(rows.reduce((n, r) => n + r.used, 0));
    expect(series.days.at(-1)).toEqual({ start: day.getTime(), value: 1_840 });
  });

  it('flat use says “not at this rate”; at the limit says “reached”', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'linked_products', limit: 3 }, actor);
    await t.db.insert(productLinks).values(
      ['A', 'B', 'C'].map((sku) => ({ tenantId, accountId, marketplaceSku: sku, ocProductId: 40, createdBy: 'test', createdAt: new Date(NOW - 3 * 86_400_000) })),
    );
    const { overview } = await getTenantUsage(t.db, tenantId, NOW);
    expect(overview.quotas.find((q) => q.resource === 'linked_products')).toMatchObject({ used: 3, percent: 100, projection: { kind: 'reached' } });
    expect(overview.quotas.find((q) => q.resource === 'gdpr_exports_per_day')).toMatchObject({ used: 0, projection: { kind: 'not_at_this_rate' } });
  });

  it('service figures come from the calls, deliveries, attempts and events recorded', async () => {
    const at = (msAgo: number) => new Date(NOW - msAgo);
    await t.db.insert(marketplaceApiCalls).values(
      Array.from({ length: 30 }, (_, i) => ({ tenantId, accountId, marketplace: 'trendyol' as const, endpoint: '/x', method: 'GET', status: 200, durationMs: 5, attempt: 1, createdAt: at(i * 60_000) })),
    );
    // 20 deliveries: latencies 10, 20, …, 200 ms; events of the first 10 processed in 5 s, the rest in 2 min.
    for (let i = 1; i <= 20; i++) {
      const [delivery] = await t.db
        .insert(webhookDeliveries)
        .values({ tenantId, accountId, method: 'POST', headers: {}, rawBody: '{}', receivedAt: at(3_600_000), ingestLatencyMs: i * 10, eventCount: 1 })
        .$returningId();
      const [event] = await t.db
        .insert(webhookEvents)
        .values({
          tenantId,
          accountId,
          deliveryId: delivery!.id,
          marketplace: 'trendyol',
          type: 'stock.changed',
          externalId: `sla-${i}`,
          priority: 3,
          payload: {},
          status: 'done',
          receivedAt: at(3_600_000),
          processedAt: at(3_600_000 - (i <= 10 ? 5_000 : 120_000)),
        })
        .$returningId();
      await t.db.insert(webhookEventAttempts).values({ eventId: event!.id, attempt: 1, worker: 'w', outcome: i % 4 === 0 ? 'failed' : 'done', startedAt: at(3_000_000), durationMs: 3 });
    }
    const { service } = await getTenantUsage(t.db, tenantId, NOW);
    expect(service.apiCallsLastHour).toBe(30);
    expect(service.apiCallsPerMinute).toBeCloseTo(0.5, 6);
    expect(service.deliveries24h).toBe(20);
    expect(service.ingestP95Ms).toBe(190);
    expect(service.attempts24h).toBe(20);
    expect(service.errorRate).toBeCloseTo(5 / 20, 6);
    expect(service.sla).toEqual({ events: 20, answeredShare: 10 / 20, processedShare: 10 / 20, bothShare: 10 / 20 });
  });
});
