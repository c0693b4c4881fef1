import { processDueEvents } from '@/lib/webhooks/worker';
import type { JobDefinition } from './types';

/** Events claimed per pass; each pass is short, so the budget is checked often. */
export const PROCESS_WEBHOOKS_BATCH_SIZE = 50;
/** Leaves room under a serverless function's minute for the run's own bookkeeping. */
const PROCESS_WEBHOOKS_BUDGET_MS = 50_000;

/**
 * Applies due webhook events until none is left or the time budget is spent (then `more` says the
 * next run continues). Each event is applied exactly once whatever happens to this run
 * (lib/webhooks/worker.ts), so a run killed midway loses nothing: the next one finds the rest due.
 * Each run claims only its own tenant's events, so the counts on a shop's run are that shop's.
 */
export const processWebhooksJob: JobDefinition = {
  name: 'process-webhooks',
  title: { tr: 'Webhook işleme', en: 'Webhook processing' },
  budgetMs: PROCESS_WEBHOOKS_BUDGET_MS,
  countLabels: {
    applied: { tr: 'Uygulanan', en: 'Applied' },
    failed: { tr: 'Yeniden denenecek', en: 'Failed (will retry)' },
    dead: { tr: 'Ölü mektup', en: 'Dead-lettered' },
  },
  async run(ctx) {
    const counts = { applied: 0, failed: 0, dead: 0 };
    while (!ctx.shouldStop()) {
      const batch = await processDueEvents({
        db: ctx.mainDb,
        mainDatabaseUrl: ctx.mainDatabaseUrl,
        workerId: `job-run-${ctx.runId}`,
        limit: PROCESS_WEBHOOKS_BATCH_SIZE,
        tenantId: ctx.tenant.tenant.id,
      });
      counts.applied += batch.done;
      counts.failed += batch.failed;
      counts.dead += batch.dead;
      if (batch.claimed === 0) return { counts, more: false };
      await ctx.reportProgress?.(counts);
    }
    return { counts, more: true };
  },
};
