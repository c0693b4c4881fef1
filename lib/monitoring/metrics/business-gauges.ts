import { Gauge } from 'prom-client';
import type { Db } from '@/lib/db/pool';
import { appMetrics } from './registry';
import { cachedSnapshot, readBusinessSnapshot, type BusinessSnapshot } from './business-snapshot';

type Setter = (s: BusinessSnapshot) => void;

/**
 * Registers the gauges computed from the database at scrape time (once per process). Each reads the
 * shared cached snapshot in its collect(), so one scrape costs one round of queries at most.
 */
export function registerBusinessGauges(db: Db) {
  const m = appMetrics();
  if (m.businessRegistered) return;
  m.businessRegistered = true;
  const snapshot = cachedSnapshot(() => readBusinessSnapshot(db));
  const gauge = <L extends string>(name: string, help: string, labelNames: L[], set: (g: Gauge<L>, s: BusinessSnapshot) => void) => {
    const g: Gauge<L> = new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [m.registry],
      async collect() {
        const s = await snapshot();
        g.reset();
        set(g, s);
      },
    });
    return g;
  };
  gauge('msc_webhook_queue_depth', 'Webhook events waiting to be applied (pending, or failed and retried).', ['marketplace'], (g, s) => {
    const by = new Map<string, number>();
    for (const q of s.queue) if (q.status !== 'dead') by.set(q.marketplace, (by.get(q.marketplace) ?? 0) + q.count);
    for (const [marketplace, count] of by) g.set({ marketplace }, count);
  });
  gauge('msc_webhook_dead_letters', 'Webhook events given up on, waiting for a person.', ['marketplace'], (g, s) => {
    for (const q of s.queue) if (q.status === 'dead') g.set({ marketplace: q.marketplace }, q.count);
  });
  gauge('msc_webhook_oldest_waiting_seconds', 'Age of the oldest webhook event still waiting to be applied.', [], (g, s) => g.set(s.oldestWaitingSeconds));
  gauge('msc_job_runs_last_24h', 'Job runs started in the last 24 hours, by job and result.', ['job', 'status'], (g, s) => {
    for (const r of s.jobRuns24h) g.set({ job: r.job, status: r.status }, r.count);
  });
  gauge('msc_job_last_duration_seconds', "Duration of each job's latest finished run (the longest across shops).", ['job'], (g, s) => {
    for (const r of s.jobLastDurationSeconds) g.set({ job: r.job }, r.seconds);
  });
  gauge('msc_marketplace_api_calls_last_hour', 'Outbound marketplace API attempts in the last hour, by HTTP status class (none: no answer).', ['marketplace', 'status_class'], (g, s) => {
    for (const r of s.apiCallsLastHour) g.set({ marketplace: r.marketplace, status_class: r.statusClass }, r.count);
  });
  gauge('msc_circuit_breakers', 'Marketplace account circuit breakers by state.', ['marketplace', 'state'], (g, s) => {
    for (const r of s.circuits) g.set({ marketplace: r.marketplace, state: r.state }, r.count);
  });
  gauge('msc_quota_used_max', 'Highest use of a quota metric by any shop in the current minute or UTC day.', ['metric', 'grain'], (g, s) => {
    for (const r of s.quotaUsedMax) g.set({ metric: r.metric, grain: r.grain }, r.used);
  });
  gauge('msc_alerts_open', 'Alerts raised and not yet acknowledged.', ['kind', 'severity'], (g, s) => {
    for (const r of s.openAlerts) g.set({ kind: r.kind, severity: r.severity }, r.count);
  });
  gauge('msc_sync_outbox_depth', 'Stock and price items waiting to be pushed.', [], (g, s) => g.set(s.outboxDepth));
}

export async function renderMetrics(db: Db): Promise<{ body: string; contentType: string }> {
  registerBusinessGauges(db);
  const { registry } = appMetrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
