import type { Db } from '@/lib/db/pool';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { INGEST_BUCKET_BOUNDS_MS, LAG_BUCKET_BOUNDS_MS } from '../buckets';
import { databaseNow } from '../database-time';
import { listAlerts, type AlertItem } from './alert-list';
import { getApiFigures, type ApiFigures } from './api-series';
import { getCachedBusinessFigures } from './business-cache';
import type { BusinessFigures } from './business-figures';
import { getJobFigures, type JobFigures } from './job-figures';
import { getLiveFigures, type LiveFigures } from './live-figures';
import { rangeWindow, type MonitoringRange } from './range';
import { getWebhookFigures, type WebhookFigures } from './webhook-series';

export type MonitoringData = {
  range: MonitoringRange;
  from: string;
  to: string;
  stepMs: number;
  grain: 'minute' | 'hour';
  now: string;
  tenants: string[];
  /** The histogram bounds percentiles are exact to (upper bounds, ms; the last bucket is open). */
  resolution: { ingestMs: number[]; lagMs: number[] };
  webhooks: WebhookFigures;
  api: ApiFigures;
  live: LiveFigures;
  jobs: JobFigures;
  business: BusinessFigures[];
  alerts: { open: AlertItem[]; acknowledged: AlertItem[] };
};

/** Everything the monitoring page shows for the tenants in view, the independent reads in parallel. */
export async function getMonitoringData(
  mainDb: Db,
  tenantDbs: TenantDb[],
  jobNames: readonly string[],
  range: MonitoringRange,
): Promise<MonitoringData> {
  const now = await databaseNow(mainDb);
  const w = rangeWindow(range, now);
  const ids = tenantDbs.map((t) => t.tenant.id);
  const [webhooks, api, live, jobs, business, alerts] = await Promise.all([
    getWebhookFigures(mainDb, ids, w),
    getApiFigures(mainDb, ids, w),
    getLiveFigures(mainDb, ids, w, now),
    getJobFigures(mainDb, ids, jobNames, w),
    Promise.all(tenantDbs.map((t) => getCachedBusinessFigures(mainDb, t, () => now))),
    listAlerts(mainDb, ids),
  ]);
  return {
    range,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    stepMs: w.stepMs,
    grain: w.grain,
    now: now.toISOString(),
    tenants: tenantDbs.map((t) => t.tenant.slug),
    resolution: { ingestMs: INGEST_BUCKET_BOUNDS_MS.slice(0, -1), lagMs: LAG_BUCKET_BOUNDS_MS.slice(0, -1) },
    webhooks,
    api,
    live,
    jobs,
    business,
    alerts,
  };
}
