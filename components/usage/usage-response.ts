import { z } from 'zod';
import type { TenantUsage } from '@/lib/quotas/usage';

// Spelled out rather than imported from lib/quotas/resources: that module pulls zod enums of the server's names.
const resourceSchema = z.enum([
  'webhook_events_per_minute',
  'webhook_events_per_day',
  'api_calls_per_minute',
  'linked_products',
  'backup_storage_bytes',
  'gdpr_exports_per_day',
]);
const metricSchema = z.enum(['webhook_events', 'api_calls', 'gdpr_exports', 'linked_products', 'backup_storage']);
const bucketSchema = z.object({ start: z.number(), value: z.number() });
const projectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reached') }),
  z.object({ kind: z.literal('at'), at: z.number() }),
  z.object({ kind: z.literal('not_at_this_rate') }),
  z.object({ kind: z.literal('unknown') }),
]);
const share = z.number().min(0).max(1).nullable();

/** The live refresh's answer (app/api/usage), checked before the page shows it. */
export const tenantUsageResponseSchema = z.object({
  overview: z.object({
    generatedAt: z.string(),
    quotas: z.array(
      z.object({
        resource: resourceSchema,
        scope: z.string(),
        window: z.enum(['minute', 'day', 'total']),
        limit: z.number(),
        isDefault: z.boolean(),
        used: z.number().nullable(),
        percent: z.number().nullable(),
        resetsAt: z.string().nullable(),
        projection: projectionSchema,
      }),
    ),
    series: z.array(z.object({ metric: metricSchema, hours: z.array(bucketSchema), days: z.array(bucketSchema) })),
  }),
  service: z.object({
    apiCallsPerMinute: z.number(),
    apiCallsLastHour: z.number(),
    ingestP95Ms: z.number().nullable(),
    deliveries24h: z.number(),
    errorRate: share,
    attempts24h: z.number(),
    sla: z.object({ events: z.number(), answeredShare: share, processedShare: share, bothShare: share }),
  }),
  alerts: z.array(
    z.object({
      id: z.number(),
      level: z.enum(['warning', 'exhausted']),
      resource: resourceSchema,
      scope: z.string(),
      windowStart: z.string(),
      raisedAt: z.string(),
      acknowledged: z.boolean(),
    }),
  ),
}) satisfies z.ZodType<TenantUsage>;

export async function fetchTenantUsage(tenantId: number): Promise<TenantUsage> {
  const response = await fetch(`/api/usage?tenant=${tenantId}`, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The usage refresh answered ${response.status}`);
  return tenantUsageResponseSchema.parse(await response.json());
}
