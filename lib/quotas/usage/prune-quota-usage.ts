import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { quotaUsage } from '@/lib/db/schema';
import { MS_PER_DAY } from '../windows';

/** Minute counters feed the 24-hour chart and the fits; day counters the 30-day chart. Kept with a margin. */
export const MINUTE_COUNTERS_KEPT_MS = 2 * MS_PER_DAY;
export const DAY_COUNTERS_KEPT_MS = 400 * MS_PER_DAY;
const PRUNE_BATCH = 5_000;

/**
 * Deletes counters no page reads any more (one tenant's, or all), in batches so no statement holds
 * locks for long. Level rows (at the epoch) are kept. For the housekeeping job; answers how many rows went.
 */
export async function pruneQuotaUsage(db: Db, now: number = Date.now(), tenantId?: number): Promise<number> {
  const ofTenant = tenantId === undefined ? undefined : eq(quotaUsage.tenantId, tenantId);
  let deleted = 0;
  for (const [grain, keptMs] of [['minute', MINUTE_COUNTERS_KEPT_MS], ['day', DAY_COUNTERS_KEPT_MS]] as const) {
    for (;;) {
      const [result] = await db
        .delete(quotaUsage)
        .where(and(ofTenant, eq(quotaUsage.grain, grain), gt(quotaUsage.windowStart, new Date(0)), lt(quotaUsage.windowStart, new Date(now - keptMs))))
        .limit(PRUNE_BATCH);
      deleted += result.affectedRows;
      if (result.affectedRows < PRUNE_BATCH) break;
    }
  }
  return deleted;
}
