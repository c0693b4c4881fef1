import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { marketplaceApiCalls } from '@/lib/db/schema';
import { pruneQuotaUsage } from '@/lib/quotas/usage';
import type { JobDefinition } from './types';

/** The monitoring rollups and the usage page read at most 30 days of API calls; kept with a margin. */
export const API_CALLS_KEPT_MS = 35 * 24 * 60 * 60_000;
const DELETE_BATCH = 5_000;

/** Deletes the tenant's outbound call log rows older than the cut-off, in batches, until done or told to stop. */
export async function pruneApiCalls(db: Db, tenantId: number, before: Date, shouldStop: () => boolean): Promise<{ deleted: number; more: boolean }> {
  let deleted = 0;
  while (!shouldStop()) {
    const [result] = await db
      .delete(marketplaceApiCalls)
      .where(and(eq(marketplaceApiCalls.tenantId, tenantId), lt(marketplaceApiCalls.createdAt, before)))
      .limit(DELETE_BATCH);
    deleted += result.affectedRows;
    if (result.affectedRows < DELETE_BATCH) return { deleted, more: false };
  }
  return { deleted, more: true };
}

/**
 * Keeps the companion tables that grow with traffic bounded: quota counters no page reads any more and
 * the outbound API call log past its retention. Webhook deliveries and events are kept (they are the
 * record of what marketplaces sent and the source of replays).
 */
export const housekeepingJob: JobDefinition = {
  name: 'housekeeping',
  title: { tr: 'Temizlik', en: 'Housekeeping' },
  budgetMs: 50_000,
  countLabels: {
    quotaCounters: { tr: 'Silinen kota sayaçları', en: 'Quota counters deleted' },
    apiCalls: { tr: 'Silinen API çağrı kayıtları', en: 'API call log rows deleted' },
  },
  async run(ctx) {
    const tenantId = ctx.tenant.tenant.id;
    const now = Date.now();
    const quotaCounters = await pruneQuotaUsage(ctx.mainDb, now, tenantId);
    const apiCalls = await pruneApiCalls(ctx.mainDb, tenantId, new Date(now - API_CALLS_KEPT_MS), ctx.shouldStop);
    return { counts: { quotaCounters, apiCalls: apiCalls.deleted }, more: apiCalls.more };
  },
};
