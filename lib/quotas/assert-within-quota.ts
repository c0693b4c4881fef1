import { and, count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/lib/db/pool';
import { productLinks, quotaUsage } from '@/lib/db/schema';
import { QuotaExceededError } from './quota-exceeded-error';
import { crossedLevels, raiseQuotaAlert } from './quota-alerts';
import { getQuotaLimit } from './quota-limits';
import { definitionOf, type QuotaResource } from './resources';
import { windowStart } from './windows';

/** Levels have no window; their counter row sits at the epoch and serves as the lock and a snapshot. */
const LEVEL_WINDOW = new Date(0);

export type LevelCheck = {
  tenantId: number;
  resource: QuotaResource;
  /** How much the caller is about to add (links, bytes). */
  adding: number;
  /** What the tenant holds now, read inside the caller's transaction after the lock is taken. */
  measure: (tx: Transaction) => Promise<number>;
  now?: Date;
};

/**
 * Refuses (QuotaExceededError) a write that would take a level quota (linked products, backup bytes)
 * over its limit. Call it inside the transaction that writes: it locks the tenant's counter row for the
 * resource first, so two writers measure one after the other and cannot both squeeze under the cap.
 * On success the row keeps the new level for the usage page; alerts fire at 80% and 100%, once a day.
 */
export async function assertWithinQuota(tx: Transaction, check: LevelCheck): Promise<{ limit: number; used: number }> {
  const def = definitionOf(check.resource);
  if (def.window !== 'total') throw new Error(`${check.resource} is a windowed quota; use consumeQuota`);
  const key = {
    tenantId: check.tenantId,
    metric: def.metric,
    scope: '',
    grain: 'day' as const,
    windowStart: LEVEL_WINDOW,
  };
  await tx.insert(quotaUsage).values({ ...key, used: 0 }).onDuplicateKeyUpdate({ set: { used: sql`used` } });
  const where = and(
    eq(quotaUsage.tenantId, key.tenantId),
    eq(quotaUsage.metric, key.metric),
    eq(quotaUsage.scope, key.scope),
    eq(quotaUsage.grain, key.grain),
    eq(quotaUsage.windowStart, key.windowStart),
  );
  await tx.select({ used: quotaUsage.used }).from(quotaUsage).where(where).for('update');
  const [limit, current] = await Promise.all([getQuotaLimit(tx, check.tenantId, check.resource), check.measure(tx)]);
  const after = current + check.adding;
  const now = check.now ?? new Date();
  const alertWindow = windowStart('day', now);
  if (after > limit) {
    await raiseQuotaAlert(tx, { tenantId: check.tenantId, level: 'exhausted', resource: check.resource, scope: '', windowStart: alertWindow, used: current, limit });
    throw new QuotaExceededError(check.resource, limit, current, check.adding, null);
  }
  await tx.update(quotaUsage).set({ used: after }).where(where);
  for (const level of crossedLevels(current, after, limit)) {
    await raiseQuotaAlert(tx, { tenantId: check.tenantId, level, resource: check.resource, scope: '', windowStart: alertWindow, used: after, limit });
  }
  return { limit, used: after };
}

/** The tenant's explicit product links, as the linked-products quota counts them. */
export async function countLinkedProducts(tx: Transaction, tenantId: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(productLinks).where(eq(productLinks.tenantId, tenantId));
  return Number(row?.n ?? 0);
}

/**
 * For lib/product-links: call inside the transaction that inserts `adding` new links (not when an
 * existing SKU's link is re-pointed), before the insert.
 */
export function assertCanLinkProducts(tx: Transaction, tenantId: number, adding: number) {
  return assertWithinQuota(tx, { tenantId, resource: 'linked_products', adding, measure: (t) => countLinkedProducts(t, tenantId) });
}

/**
 * For the backups feature (not built yet): call before a backup starts, with the bytes the tenant's
 * kept backups hold and an estimate of the new one's size.
 */
export function assertBackupWithinQuota(tx: Transaction, tenantId: number, input: { storedBytes: number; estimatedBytes: number }) {
  return assertWithinQuota(tx, { tenantId, resource: 'backup_storage_bytes', adding: input.estimatedBytes, measure: async () => input.storedBytes });
}
