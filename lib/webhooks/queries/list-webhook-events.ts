import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { marketplaceAccounts, webhookEvents } from '@/lib/db/schema';
import { webhookEventConditions } from './event-conditions';
import type { WebhookEventFilters } from './event-filters';
import { toWebhookEventListItem, webhookEventListColumns, type WebhookEventListItem } from './event-list-item';

/** Events per page of the webhooks list. */
export const PAGE_SIZE = 25;

export type WebhookEventPage = {
  events: WebhookEventListItem[];
  total: number;
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  pageCount: number;
  pageSize: number;
};

/** One page of a tenant's events under the filters, newest first. Date filters are days in `timeZone`. */
export async function listWebhookEvents(
  db: DbOrTx,
  tenantId: number,
  filters: WebhookEventFilters,
  { timeZone = 'UTC' }: { timeZone?: string } = {},
): Promise<WebhookEventPage> {
  const where = webhookEventConditions(tenantId, filters, timeZone);
  const [counted] = await db.select({ total: count() }).from(webhookEvents).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select(webhookEventListColumns)
    .from(webhookEvents)
    .leftJoin(
      marketplaceAccounts,
      and(eq(marketplaceAccounts.id, webhookEvents.accountId), eq(marketplaceAccounts.tenantId, webhookEvents.tenantId)),
    )
    .where(where)
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { events: rows.map(toWebhookEventListItem), total, page, pageCount, pageSize: PAGE_SIZE };
}
