import type { JobContext, JobDefinition } from '@/lib/jobs/types';
import { clientsFromAccounts } from './marketplace-clients';
import { runStockPriceSync, type ClientFor } from './run-stock-price-sync';

/** Leaves room under a serverless function's minute for the run's own bookkeeping. */
const SYNC_STOCK_PRICE_BUDGET_MS = 50_000;

export type SyncStockPriceJobOptions = {
  /** The outbound client of an account; the real clients (rate limit, retries, breaker) by default. */
  clientFor?: (ctx: JobContext) => ClientFor;
  clock?: () => Date;
};

/** The job with its collaborators replaced (tests pass a fake marketplace and a clock they move). */
export function createSyncStockPriceJob(options: SyncStockPriceJobOptions = {}): JobDefinition {
  const clientFor = options.clientFor ?? clientsFromAccounts;
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'sync-stock-price',
    title: { tr: 'Stok ve fiyat eşitleme', en: 'Stock and price sync' },
    budgetMs: SYNC_STOCK_PRICE_BUDGET_MS,
    countLabels: {
      queued: { tr: 'Kuyruğa alınan', en: 'Queued' },
      sent: { tr: 'Gönderilen', en: 'Sent' },
      confirmed: { tr: 'Onaylanan', en: 'Confirmed' },
      failed: { tr: 'Reddedilen (yeniden denenecek)', en: 'Failed (will retry)' },
      held: { tr: 'İncelemeye alınan fiyat', en: 'Prices held for review' },
      batches: { tr: 'Toplu gönderim', en: 'Batches' },
      deferred: { tr: 'Ertelenen (hız sınırı, devre kesici)', en: 'Deferred (rate limit, open circuit)' },
      unavailable: { tr: 'İstemcisi kurulamayan hesap', en: 'Accounts without a usable client' },
    },
    run: (ctx) => runStockPriceSync(ctx, { clientFor: clientFor(ctx), clock }),
  };
}

/**
 * `sync-stock-price`: the shop's stock and prices out to every linked marketplace listing
 * (lib/sync/run-stock-price-sync.ts), registered in lib/jobs/registry.ts.
 */
export const syncStockPriceJob: JobDefinition = createSyncStockPriceJob();
