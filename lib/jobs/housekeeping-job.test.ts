import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceApiCalls, quotaUsage } from '@/lib/db/schema';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { API_CALLS_KEPT_MS, housekeepingJob } from './housekeeping-job';
import type { JobContext } from './types';

let t: TestDatabase;
const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  t = await createAppTestDatabase('housekeep');
});
afterAll(async () => t?.drop());

function contextFor(tenantId: number): JobContext {
  return {
    tenant: tenantDb({ id: tenantId, slug: `t${tenantId}`, name: 'Shop', prefix: 'oc_', storeId: 0 }, t.url),
    mainDb: t.db,
    mainDatabaseUrl: t.url,
    key: Buffer.alloc(32),
    runId: 1,
    trigger: 'cli',
    deadline: Date.now() + 60_000,
    shouldStop: () => false,
  };
}

describe('the housekeeping job', () => {
  it('deletes one tenant’s stale quota counters and old API call rows, and nothing else', async () => {
    const now = Date.now();
    const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
    await t.db.insert(quotaUsage).values(
      [1, 2].flatMap((tenantId) => [
        { tenantId, metric: 'webhook_events', grain: 'minute' as const, windowStart: minute(now - 3 * DAY), used: 5 },
        { tenantId, metric: 'webhook_events', grain: 'minute' as const, windowStart: minute(now - 60_000), used: 7 },
        { tenantId, metric: 'webhook_events', grain: 'day' as const, windowStart: new Date(Math.floor((now - 10 * DAY) / DAY) * DAY), used: 9 },
      ]),
    );
    const call = (tenantId: number, ageMs: number) => ({
      tenantId,
      accountId: tenantId,
      marketplace: 'trendyol' as const,
      endpoint: '/x',
      method: 'GET',
      status: 200,
      durationMs: 5,
      attempt: 1,
      createdAt: new Date(now - ageMs),
    });
    await t.db.insert(marketplaceApiCalls).values([call(1, API_CALLS_KEPT_MS + DAY), call(1, DAY), call(2, API_CALLS_KEPT_MS + DAY)]);

    const result = await housekeepingJob.run(contextFor(1));
    expect(result).toEqual({ counts: { quotaCounters: 1, apiCalls: 1 }, more: false });

    const counters = await t.db.select().from(quotaUsage);
    // Tenant 1 keeps its fresh minute and its day counter; tenant 2's rows are not this run's business.
    expect(counters.filter((c) => c.tenantId === 1).map((c) => c.used).sort()).toEqual([7, 9]);
    expect(counters.filter((c) => c.tenantId === 2).map((c) => c.used).sort()).toEqual([5, 7, 9]);
    const calls = await t.db.select().from(marketplaceApiCalls);
    expect(calls.map((c) => c.tenantId).sort()).toEqual([1, 2]);
  });
});
