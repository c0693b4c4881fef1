import type { JobDefinition } from '@/lib/jobs/types';
import { rollupMetrics } from './rollup-metrics';

const ROLLUP_METRICS_BUDGET_MS = 50_000;

/**
 * Writes the monitoring page's per-minute and per-hour rollups from new webhook and API rows. Kept
 * off the webhook request path on purpose: ingest stays one database round trip.
 */
export const rollupMetricsJob: JobDefinition = {
  name: 'rollup-metrics',
  title: { tr: 'Metrik özetleri', en: 'Metric rollups' },
  budgetMs: ROLLUP_METRICS_BUDGET_MS,
  countLabels: { minutes: { tr: 'Hesaplanan dakika', en: 'Minutes computed' } },
  async run(ctx) {
    const progress = await rollupMetrics(ctx.mainDb, ctx.tenant.tenant.id, ctx.shouldStop);
    return { counts: { minutes: progress.minutes }, more: !progress.done };
  },
};
