import type { DbOrTx } from '@/lib/db/pool';
import { countWebhookEventsByStatus, type WebhookEventStatusCounts } from './count-webhook-events-by-status';
import type { WebhookEventFilters } from './event-filters';
import { listWebhookEvents, type WebhookEventPage } from './list-webhook-events';

/** What the webhooks page shows and its live refresh re-reads: one page of events and the status tab counts. */
export type WebhookEventList = WebhookEventPage & { counts: WebhookEventStatusCounts };

export async function getWebhookEventList(
  db: DbOrTx,
  tenantId: number,
  filters: WebhookEventFilters,
  options: { timeZone?: string } = {},
): Promise<WebhookEventList> {
  const [page, counts] = await Promise.all([
    listWebhookEvents(db, tenantId, filters, options),
    countWebhookEventsByStatus(db, tenantId, filters, options),
  ]);
  return { ...page, counts };
}
