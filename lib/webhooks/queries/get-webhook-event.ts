import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import {
  marketplaceAccounts,
  webhookDeliveries,
  webhookEventAttempts,
  webhookEvents,
  type WebhookDelivery,
} from '@/lib/db/schema';
import { toWebhookEventListItem, webhookEventListColumns, type WebhookEventListItem } from './event-list-item';
import { prettyBody, prettyJson, readStoredHeaders, readStoredJson } from './stored-json';
import { unknownSkuFromError } from './unknown-sku';

export type WebhookEventAttempt = {
  attempt: number;
  worker: string;
  outcome: 'done' | 'failed' | 'dead';
  error: string | null;
  startedAt: string;
  durationMs: number;
};

export type WebhookDeliveryView = {
  id: number;
  method: string;
  path: string;
  receivedAt: string;
  ingestLatencyMs: number;
  eventCount: number;
  duplicateCount: number;
  /** Lower-cased names as stored; secrets were never stored. */
  headers: Array<[name: string, value: string]>;
  /** The raw body, indented when it is JSON. */
  body: string;
  bodyIsJson: boolean;
};

export type WebhookEventDetail = WebhookEventListItem & {
  /** The canonical event, indented. */
  payload: string;
  delivery: WebhookDeliveryView | null;
  /** Every processing attempt, first to last (`attempts` is their count). */
  attemptLog: WebhookEventAttempt[];
  /** Set when the event died on an order line whose SKU maps to no product. */
  unknownSku: string | null;
};

function toDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  const body = prettyBody(delivery.rawBody);
  return {
    id: delivery.id,
    method: delivery.method,
    path: delivery.path,
    receivedAt: delivery.receivedAt.toISOString(),
    ingestLatencyMs: delivery.ingestLatencyMs,
    eventCount: delivery.eventCount,
    duplicateCount: delivery.duplicateCount,
    headers: readStoredHeaders(delivery.headers),
    body: body.text,
    bodyIsJson: body.isJson,
  };
}

/** One of a tenant's events with the push it came in and every processing attempt; null when the tenant has no such event. */
export async function getWebhookEvent(db: DbOrTx, tenantId: number, eventId: number): Promise<WebhookEventDetail | null> {
  const [row] = await db
    .select({ ...webhookEventListColumns, payload: webhookEvents.payload, deliveryId: webhookEvents.deliveryId })
    .from(webhookEvents)
    .leftJoin(
      marketplaceAccounts,
      and(eq(marketplaceAccounts.id, webhookEvents.accountId), eq(marketplaceAccounts.tenantId, webhookEvents.tenantId)),
    )
    .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.tenantId, tenantId)))
    .limit(1);
  if (!row) return null;

  const { payload, deliveryId, ...item } = row;
  const [deliveries, attempts] = await Promise.all([
    db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.tenantId, tenantId)))
      .limit(1),
    db
      .select()
      .from(webhookEventAttempts)
      .where(eq(webhookEventAttempts.eventId, eventId))
      .orderBy(asc(webhookEventAttempts.attempt), asc(webhookEventAttempts.id)),
  ]);
  const delivery = deliveries[0];
  const unknownSku = item.status === 'dead' ? unknownSkuFromError(item.lastError) : null;

  return {
    ...toWebhookEventListItem(item),
    payload: prettyJson(readStoredJson(payload)),
    delivery: delivery ? toDeliveryView(delivery) : null,
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      worker: a.worker,
      outcome: a.outcome,
      error: a.error,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
    })),
    unknownSku: unknownSku && unknownSku.accountId === item.accountId ? unknownSku.sku : null,
  };
}
