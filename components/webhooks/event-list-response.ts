import { z } from 'zod';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { CANONICAL_EVENT_TYPES } from '@/lib/webhooks/canonical-events';
import type { WebhookEventList } from '@/lib/webhooks/queries/get-webhook-event-list';

// Spelled out rather than imported: the statuses live beside the Drizzle table, which the browser bundle must not pull in.
const statusSchema = z.enum(['pending', 'done', 'failed', 'dead']);
const count = z.number().int().nonnegative();

/** The live refresh's answer (app/api/admin/webhook-events), checked before the table shows it. */
export const webhookEventListResponseSchema = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      accountId: z.number().int(),
      accountName: z.string().nullable(),
      marketplace: z.enum(MARKETPLACES),
      type: z.enum(CANONICAL_EVENT_TYPES),
      externalId: z.string(),
      status: statusSchema,
      attempts: count,
      lastError: z.string().nullable(),
      receivedAt: z.string(),
      processedAt: z.string().nullable(),
      nextAttemptAt: z.string(),
    }),
  ),
  total: count,
  page: z.number().int().min(1),
  pageCount: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  counts: z.object({ all: count, pending: count, done: count, failed: count, dead: count }),
}) satisfies z.ZodType<WebhookEventList>;

export async function fetchWebhookEventList(query: string): Promise<WebhookEventList> {
  const response = await fetch(`/api/admin/webhook-events?${query}`, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The webhook events refresh answered ${response.status}`);
  return webhookEventListResponseSchema.parse(await response.json());
}
