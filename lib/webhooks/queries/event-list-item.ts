import { marketplaceAccounts, webhookEvents, type WebhookEventStatus } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { CanonicalEventType } from '@/lib/webhooks/canonical-events';

/** An event as the list and the detail page show it. */
export type WebhookEventListItem = {
  id: number;
  accountId: number;
  /** Null when the account row is gone. */
  accountName: string | null;
  marketplace: MarketplaceName;
  type: CanonicalEventType;
  externalId: string;
  status: WebhookEventStatus;
  attempts: number;
  lastError: string | null;
  /** ISO 8601 instants, so a page and its JSON refresh carry the same values. */
  receivedAt: string;
  processedAt: string | null;
  nextAttemptAt: string;
};

/** The columns behind a list item; the account is left-joined on the event's tenant. */
export const webhookEventListColumns = {
  id: webhookEvents.id,
  accountId: webhookEvents.accountId,
  accountName: marketplaceAccounts.name,
  marketplace: webhookEvents.marketplace,
  type: webhookEvents.type,
  externalId: webhookEvents.externalId,
  status: webhookEvents.status,
  attempts: webhookEvents.attempts,
  lastError: webhookEvents.lastError,
  receivedAt: webhookEvents.receivedAt,
  processedAt: webhookEvents.processedAt,
  nextAttemptAt: webhookEvents.nextAttemptAt,
};

type DatedItem = Omit<WebhookEventListItem, 'receivedAt' | 'processedAt' | 'nextAttemptAt'> & {
  receivedAt: Date;
  processedAt: Date | null;
  nextAttemptAt: Date;
};

export function toWebhookEventListItem(row: DatedItem): WebhookEventListItem {
  return {
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt ? row.processedAt.toISOString() : null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
  };
}
