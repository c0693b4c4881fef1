/** Seeding for the monitoring tests: known deliveries, events, attempts, API calls and job runs at chosen times. */
import type { Db } from '@/lib/db/pool';
import {
  jobRuns,
  marketplaceAccounts,
  marketplaceApiCalls,
  tenants,
  webhookDeliveries,
  webhookEventAttempts,
  webhookEvents,
} from '@/lib/db/schema';
import type { ApiErrorKind } from '@/lib/db/schema/outbound';
import type { MarketplaceName } from '@/lib/marketplaces/names';

export const at = (base: Date, minutesAgo: number, plusMs = 0) => new Date(base.getTime() - minutesAgo * 60_000 + plusMs);

export async function addTenant(db: Db, slug: string): Promise<number> {
  const [row] = await db.insert(tenants).values({ slug, name: slug, tablePrefix: 'oc_', storeId: 0 }).$returningId();
  return row!.id;
}

export async function addAccount(db: Db, tenantId: number, marketplace: MarketplaceName): Promise<number> {
  const [row] = await db
    .insert(marketplaceAccounts)
    .values({ tenantId, marketplace, name: `${marketplace} ${tenantId}`, authType: 'basic', secretCiphertext: 'unused', skuMatch: 'sku' })
    .$returningId();
  return row!.id;
}

let serial = 0;

export type SeedEvent = {
  receivedAt: Date;
  ingestMs: number;
  /** done with this lag, dead at this time, or still waiting. */
  outcome: { done: number; attempts?: number } | { deadAt: Date } | 'pending';
};

/** One delivery carrying one event per entry, on one account. */
export async function addDeliveries(db: Db, tenantId: number, accountId: number, marketplace: MarketplaceName, events: SeedEvent[]) {
  for (const e of events) {
    serial += 1;
    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({ tenantId, accountId, method: 'POST', headers: {}, rawBody: '{}', receivedAt: e.receivedAt, ingestLatencyMs: e.ingestMs, eventCount: 1 })
      .$returningId();
    const base = { tenantId, accountId, deliveryId: delivery!.id, marketplace, type: 'order.created' as const, externalId: `ext-${serial}`, priority: 1, payload: {}, receivedAt: e.receivedAt };
    if (e.outcome === 'pending') {
      await db.insert(webhookEvents).values({ ...base, status: 'pending', nextAttemptAt: e.receivedAt });
    } else if ('done' in e.outcome) {
      await db.insert(webhookEvents).values({
        ...base,
        status: 'done',
        attempts: e.outcome.attempts ?? 1,
        nextAttemptAt: e.receivedAt,
        processedAt: new Date(e.receivedAt.getTime() + e.outcome.done),
      });
    } else {
      const [event] = await db
        .insert(webhookEvents)
        .values({ ...base, status: 'dead', attempts: 1, nextAttemptAt: e.receivedAt, lastError: 'test' })
        .$returningId();
      await db.insert(webhookEventAttempts).values({ eventId: event!.id, attempt: 1, worker: 'test', outcome: 'dead', error: 'test', startedAt: e.outcome.deadAt, durationMs: 3 });
    }
  }
}

export async function addApiCalls(
  db: Db,
  tenantId: number,
  accountId: number,
  marketplace: MarketplaceName,
  calls: Array<{ at: Date; status: number | null; durationMs: number; errorKind?: ApiErrorKind }>,
) {
  await db.insert(marketplaceApiCalls).values(
    calls.map((c) => ({ tenantId, accountId, marketplace, endpoint: '/orders', method: 'GET', status: c.status, durationMs: c.durationMs, errorKind: c.errorKind ?? null, attempt: 1, createdAt: c.at })),
  );
}

export async function addJobRun(db: Db, tenantId: number, job: string, startedAt: Date, status: 'succeeded' | 'failed', durationMs: number) {
  serial += 1;
  await db.insert(jobRuns).values({
    job,
    tenantId,
    triggeredBy: 'cli',
    requestedBy: 'cli',
    slot: `test-${serial}`,
    status,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + durationMs),
    durationMs,
    budgetMs: 50_000,
    error: status === 'failed' ? 'boom' : null,
  });
}
