import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { webhookEvents } from '@/lib/db/schema';
import type { WebhookEventFilters } from './event-filters';
import { receivedRange } from './received-range';

/** The WHERE of a tenant's events under the filters (the page number aside), shared by the list and its counts. */
export function webhookEventConditions(
  tenantId: number,
  filters: Omit<WebhookEventFilters, 'page'>,
  timeZone: string,
): SQL {
  const e = webhookEvents;
  const { start, end } = receivedRange(filters.from, filters.to, timeZone);
  const conditions: Array<SQL | undefined> = [
    eq(e.tenantId, tenantId),
    filters.marketplace ? eq(e.marketplace, filters.marketplace) : undefined,
    filters.account ? eq(e.accountId, filters.account) : undefined,
    filters.type ? eq(e.type, filters.type) : undefined,
    filters.status ? eq(e.status, filters.status) : undefined,
    start ? gte(e.receivedAt, start) : undefined,
    end ? lt(e.receivedAt, end) : undefined,
  ];
  return and(...conditions)!;
}
