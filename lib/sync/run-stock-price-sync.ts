import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { JobContext, JobResult } from '@/lib/jobs/types';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { MarketplaceClient } from '@/lib/marketplaces/outbound/types';
import { recoverExpiredClaims } from './claim-outbox';
import { detectChanges } from './detect-changes';
import { describeFailure } from './marketplace-failure';
import { pollSentBatches } from './poll-batches';
import { readShopPricing } from './read-shop-stock-prices';
import { sendPendingItems } from './send-pending-items';
import { getSyncSettings } from './sync-settings';

/** An account the sync pushes to. */
export type SyncAccount = { id: number; tenantId: number; marketplace: MarketplaceName; name: string };

/** The outbound client of an account (the real one in production, a fake in tests). */
export type ClientFor = (account: SyncAccount) => Promise<MarketplaceClient>;

export type StockPriceSyncDeps = {
  clientFor: ClientFor;
  /** The sync's clock: due times, leases, backoff. */
  clock: () => Date;
};

export const SYNC_COUNT_NAMES = ['queued', 'sent', 'confirmed', 'failed', 'held', 'batches', 'deferred', 'unavailable'] as const;
export type SyncCounts = Record<(typeof SYNC_COUNT_NAMES)[number], number>;

/** Active accounts of marketplaces with an outbound API (`generic` only pushes to us). */
export async function listSyncAccounts(db: Db, tenantId: number): Promise<SyncAccount[]> {
  return db
    .select({ id: marketplaceAccounts.id, tenantId: marketplaceAccounts.tenantId, marketplace: marketplaceAccounts.marketplace, name: marketplaceAccounts.name })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.tenantId, tenantId), eq(marketplaceAccounts.status, 'active'), ne(marketplaceAccounts.marketplace, 'generic')))
    .orderBy(asc(marketplaceAccounts.id));
}

/**
 * One run of `sync-stock-price` on one tenant. First, items whose claim expired (a run that died)
 * go back to the queue. Then per account: read the results of batches sent earlier, compare the
 * shop with what the marketplace holds and queue the differences, and send what is due. Each step
 * checks the time budget; whatever is left waits in the database for the next run.
 */
export async function runStockPriceSync(ctx: JobContext, deps: StockPriceSyncDeps): Promise<JobResult> {
  const counts: SyncCounts = { queued: 0, sent: 0, confirmed: 0, failed: 0, held: 0, batches: 0, deferred: 0, unavailable: 0 };
  const db = ctx.mainDb;
  const tenantId = ctx.tenant.tenant.id;
  const { clock } = deps;
  const shouldStop = () => ctx.shouldStop();

  await recoverExpiredClaims(db, tenantId, clock());
  const accounts = await listSyncAccounts(db, tenantId);
  if (accounts.length === 0) return { counts };
  const [settings, pricing] = await Promise.all([getSyncSettings(db, tenantId), readShopPricing(ctx.tenant, clock())]);

  for (const account of accounts) {
    if (shouldStop()) return { counts, more: true };
    let client: MarketplaceClient | null = null;
    try {
      client = await deps.clientFor(account);
    } catch (err) {
      counts.unavailable++;
      console.warn(`[sync] account ${account.id} (${account.marketplace}) has no usable client: ${describeFailure(err)}`);
    }
    const step = { tenantId, accountId: account.id, clock, shouldStop };

    if (client) {
      const polled = await pollSentBatches(db, client, step);
      counts.confirmed += polled.confirmed;
      counts.failed += polled.failed;
    }

    const detected = await detectChanges(db, ctx.tenant, {
      tenantId,
      accountId: account.id,
      pricing,
      thresholdPct: settings.priceChangeThresholdPct,
      now: clock(),
      shouldStop,
    });
    counts.queued += detected.queued;
    counts.held += detected.held;
    if (detected.stopped) return { counts, more: true };

    if (client) {
      const sent = await sendPendingItems(db, client, step);
      counts.sent += sent.sent;
      counts.batches += sent.batches;
      counts.failed += sent.failed;
      counts.deferred += sent.deferred;
    }
    await ctx.reportProgress?.(counts);
  }
  return shouldStop() ? { counts, more: true } : { counts };
}
