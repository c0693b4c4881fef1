import { and, eq, inArray, sql } from 'drizzle-orm';
import { marketplaceAccounts, webhookDeliveries, webhookEvents, type NewWebhookEvent } from '@/lib/db/schema';
import type { Db, Transaction } from '@/lib/db/pool';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { WebhookRequest } from '@/lib/marketplaces/adapter';
import { EVENT_PRIORITY, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';

export type DeliveryToRecord = {
  tenantId: number;
  accountId: number;
  marketplace: MarketplaceName;
  request: WebhookRequest;
  /** Already stripped of credentials. */
  storedHeaders: Record<string, string>;
  events: CanonicalEvent[];
};

export type RecordedDelivery = { deliveryId: number; received: number; duplicate: number };

/**
 * Concurrent deliveries lock the event keys they insert (and, on a duplicate, the gap before it).
 * Two transactions each inserting several keys can take them in different orders and deadlock;
 * one inserting a single key cannot close a cycle. So a batch holds the account row alone while
 * single-event pushes run side by side without it, and the events keep the order they were sent in.
 */
async function takeAccountTurn(tx: Transaction, accountId: number) {
  await tx.execute(sql`SELECT ${marketplaceAccounts.id} FROM ${marketplaceAccounts} WHERE ${marketplaceAccounts.id} = ${accountId} FOR UPDATE`);
}

/** First occurrence of each external id, in the order sent (a later stock change must stay later). */
function firstOfEachExternalId(events: CanonicalEvent[]): CanonicalEvent[] {
  const byExternalId = new Map<string, CanonicalEvent>();
  for (const event of events) if (!byExternalId.has(event.externalId)) byExternalId.set(event.externalId, event);
  return [...byExternalId.values()];
}

/**
 * Stores the delivery and its events in one transaction, durable before the sender is answered.
 * A redelivered event hits the unique (account_id, external_id) key and changes nothing; it counts
 * as new only if the stored row carries this delivery's id, which holds under concurrent redeliveries
 * because the locking read sees the committed winner.
 */
export async function recordDelivery(db: Db, delivery: DeliveryToRecord): Promise<RecordedDelivery> {
  const { request } = delivery;
  const unique = firstOfEachExternalId(delivery.events);
  return retryOnDeadlock(() =>
    db.transaction(async (tx) => {
      // A single key cannot close a deadlock cycle, so single-event pushes skip the account turn
      // (one round trip fewer on the common path); batches take it exclusively.
      if (unique.length > 1) await takeAccountTurn(tx, delivery.accountId);
      const [created] = await tx
        .insert(webhookDeliveries)
        .values({
          tenantId: delivery.tenantId,
          accountId: delivery.accountId,
          method: request.method,
          path: request.pathTail.join('/').slice(0, 255),
          headers: delivery.storedHeaders,
          rawBody: request.rawBody,
          receivedAt: request.receivedAt,
          eventCount: delivery.events.length,
          ingestLatencyMs: Math.max(0, Date.now() - request.receivedAt.getTime()),
        })
        .$returningId();
      if (!created) throw new Error('Insert into msc_webhook_delivery returned no id');
      const deliveryId = created.id;

      let received = 0;
      if (unique.length > 0) {
        const rows: NewWebhookEvent[] = unique.map((event) => ({
          tenantId: delivery.tenantId,
          accountId: delivery.accountId,
          deliveryId,
          marketplace: delivery.marketplace,
          type: event.type,
          externalId: event.externalId,
          priority: EVENT_PRIORITY[event.type],
          payload: event,
          receivedAt: request.receivedAt,
        }));
        await tx
          .insert(webhookEvents)
          .values(rows)
          .onDuplicateKeyUpdate({ set: { id: sql`${webhookEvents.id}` } });
        const stored = await tx
          .select({ deliveryId: webhookEvents.deliveryId })
          .from(webhookEvents)
          .where(
            and(
              eq(webhookEvents.accountId, delivery.accountId),
              inArray(
                webhookEvents.externalId,
                unique.map((e) => e.externalId),
              ),
            ),
          )
          .for('update');
        received = stored.filter((row) => row.deliveryId === deliveryId).length;
      }
      const duplicate = delivery.events.length - received;
      if (duplicate > 0) {
        await tx.update(webhookDeliveries).set({ duplicateCount: duplicate }).where(eq(webhookDeliveries.id, deliveryId));
      }
      return { deliveryId, received, duplicate };
    }),
  );
}
