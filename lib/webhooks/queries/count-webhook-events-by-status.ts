import { count } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { webhookEvents, type WebhookEventStatus } from '@/lib/db/schema';
import { webhookEventConditions } from './event-conditions';
import type { WebhookEventFilters } from './event-filters';

export type WebhookEventStatusCounts = Record<WebhookEventStatus | 'all', number>;

/** How many of a tenant's events are in each status under the other filters: the numbers on the status tabs. */
export async function countWebhookEventsByStatus(
  db: DbOrTx,
  tenantId: number,
  filters: Omit<WebhookEventFilters, 'page' | 'status'>,
  { timeZone = 'UTC' }: { timeZone?: string } = {},
): Promise<WebhookEventStatusCounts> {
  const rows = await db
    .select({ status: webhookEvents.status, n: count() })
    .from(webhookEvents)
    .where(webhookEventConditions(tenantId, { ...filters, status: undefined }, timeZone))
    .groupBy(webhookEvents.status);
  const counts: WebhookEventStatusCounts = { all: 0, pending: 0, done: 0, failed: 0, dead: 0 };
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.all += row.n;
  }
  return counts;
}
