import { z } from 'zod';
import type { MonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';

const count = z.number().int().nonnegative();
const pct = z.object({ ms: z.number(), above: z.boolean() }).nullable();
const percentiles = z.object({ p50: pct, p95: pct, p99: pct });
const webhookStep = {
  received: count,
  byMarketplace: z.record(z.string(), count),
  deliveries: count,
  applied: count,
  dead: count,
  retries: count,
  ingest: percentiles,
  lag: percentiles,
};
const alertSchema = z.object({
  id: z.number().int(),
  tenant: z.string(),
  kind: z.string(),
  severity: z.string(),
  message: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  active: z.boolean(),
});

/** The live refresh's answer (app/api/admin/monitoring), checked before the page shows it. */
export const monitoringDataSchema = z.object({
  range: z.enum(['1h', '24h', '7d', '30d']),
  from: z.string(),
  to: z.string(),
  stepMs: z.number().int().positive(),
  grain: z.enum(['minute', 'hour']),
  now: z.string(),
  tenants: z.array(z.string()),
  resolution: z.object({ ingestMs: z.array(z.number()), lagMs: z.array(z.number()) }),
  webhooks: z.object({
    points: z.array(z.object({ t: z.string(), ...webhookStep })),
    totals: z.object({ ...webhookStep, ingestMsSum: count, lagMsSum: count }),
  }),
  api: z.object({
    points: z.array(z.object({ t: z.string(), calls: count, errors: count, rateLimited: count })),
    byMarketplace: z.array(z.object({ marketplace: z.string(), calls: count, errors: count, rateLimited: count, avgMs: z.number().nullable() })),
  }),
  live: z.object({
    queue: z.array(z.object({ marketplace: z.string(), pending: count, failed: count, dead: count })),
    queueCountedAt: z.string().nullable(),
    queueDepth: count,
    deadLetters: count,
    oldestWaitingMs: z.number().nullable(),
    outboxDepth: count,
    pushed: z.array(z.object({ marketplace: z.string(), items: count, ok: count, failed: count })),
    circuits: z.array(z.object({ marketplace: z.string(), state: z.enum(['open', 'half_open']), since: z.string().nullable(), lastErrorKind: z.string().nullable() })),
    closedCircuits: count,
  }),
  jobs: z.object({
    jobs: z.array(
      z.object({
        job: z.string(),
        last: z.object({ status: z.string(), startedAt: z.string(), durationMs: z.number().nullable() }).nullable(),
        runs: count,
        failures: count,
        avgMs: z.number().nullable(),
        maxMs: z.number().nullable(),
      }),
    ),
    points: z.array(z.object({ t: z.string(), byJob: z.record(z.string(), z.number()) })),
  }),
  business: z.array(
    z.object({
      tenant: z.string(),
      currency: z.string(),
      timeZone: z.string(),
      channels: z.array(z.string()),
      days: z.array(z.object({ date: z.string(), byChannel: z.record(z.string(), z.object({ orders: count, revenue: z.string() })) })),
    }),
  ),
  alerts: z.object({ open: z.array(alertSchema), acknowledged: z.array(alertSchema) }),
}) satisfies z.ZodType<MonitoringData>;

export async function fetchMonitoringData(query: string): Promise<MonitoringData> {
  const response = await fetch(`/api/admin/monitoring?${query}`, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The monitoring refresh answered ${response.status}`);
  return monitoringDataSchema.parse(await response.json());
}
