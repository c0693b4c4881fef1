import { evaluateAlertsJob } from '@/lib/alerts/evaluate-alerts-job';
import { backupJob } from '@/lib/backups/backup-job';
import { gdprDeadlinesJob } from '@/lib/gdpr/deadlines-job';
import { gdprRetentionJob } from '@/lib/gdpr/retention-job';
import { pricingSuggestionsJob } from '@/lib/pricing/pricing-suggestions-job';
import { rollupMetricsJob } from '@/lib/monitoring/rollup/rollup-metrics-job';
import { pullOrdersJob } from '@/lib/sync/pull-orders-job';
import { syncStockPriceJob } from '@/lib/sync/stock-price-job';
import { housekeepingJob } from './housekeeping-job';
import { processWebhooksJob } from './process-webhooks-job';
import type { JobDefinition } from './types';

export type RegisteredJob = {
  definition: JobDefinition;
  /** Cron expression (UTC) the schedulers use: vercel.json and docs/cron.md hold the same (a test checks vercel.json). */
  schedule: string;
};

/**
 * Every job the cron route, the CLI and the jobs page know. A new job is one line here and one entry
 * in vercel.json; its name becomes `/api/cron/<name>` and `npm run cli -- job:run <name>`.
 */
export const JOBS: readonly RegisteredJob[] = [
  { definition: processWebhooksJob, schedule: '* * * * *' },
  { definition: syncStockPriceJob, schedule: '*/5 * * * *' },
  { definition: pullOrdersJob, schedule: '*/15 * * * *' },
  { definition: rollupMetricsJob, schedule: '* * * * *' },
  { definition: evaluateAlertsJob(() => JOB_NAMES), schedule: '* * * * *' },
  { definition: housekeepingJob, schedule: '17 3 * * *' },
  { definition: pricingSuggestionsJob, schedule: '*/10 1-3 * * *' },
  { definition: gdprDeadlinesJob, schedule: '23 6 * * *' },
  { definition: gdprRetentionJob, schedule: '41 4 * * *' },
  { definition: backupJob, schedule: '7 2 * * *' },
];

export const JOB_NAMES: readonly string[] = JOBS.map((j) => j.definition.name);

export function findJob(name: string): RegisteredJob | undefined {
  return JOBS.find((j) => j.definition.name === name);
}
