import type { Db } from '@/lib/db/pool';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { WebhookRequest } from '@/lib/marketplaces/adapter';
import { EVENT_PRIORITY, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { decisionFrom, quotaStatements, type QuotaDecision, type QuotaUse } from '@/lib/quotas/quota-statements';
import { runStatementBatch } from '@/lib/quotas/run-statement-batch';

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

/** First occurrence of each external id, in the order sent (a later stock change must stay later). */
function firstOfEachExternalId(events: CanonicalEvent[]): CanonicalEvent[] {
  const byExternalId = new Map<string, CanonicalEvent>();
  for (const event of events) if (!byExternalId.has(event.externalId)) byExternalId.set(event.externalId, event);
  return [...byExternalId.values()];
}

/** DATETIME(3) text in UTC, as Drizzle writes it. */
function toDatetime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

// Fixed texts: values only ever travel as `?` placeholders (see getStatementBatchPool).
const BEGIN = 'START TRANSACTION;';
/**
 * Concurrent deliveries lock the event keys they insert (and, on a duplicate, the gap before it).
 * Two transactions each inserting several keys can take them in different orders and deadlock;
 * one inserting a single key cannot close a cycle. So a batch holds the account row alone while
 * single-event pushes run side by side without it, and the events keep the order they were sent in.
 */
const TAKE_ACCOUNT_TURN = 'SELECT id FROM msc_marketplace_account WHERE id = ? FOR UPDATE;';
const INSERT_DELIVERY =
  'INSERT INTO msc_webhook_delivery (tenant_id, account_id, method, path, headers, raw_body, received_at, event_count, ingest_latency_ms) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?); SET @msc_delivery_id = LAST_INSERT_ID();';
const EVENT_ROW = '(?, ?, @msc_delivery_id, ?, ?, ?, ?, ?, ?)';
const insertEvents = (count: number) =>
  'INSERT INTO msc_webhook_event (tenant_id, account_id, delivery_id, marketplace, type, external_id, priority, payload, received_at) VALUES ' +
  Array.from({ length: count }, () => EVENT_ROW).join(', ') +
  // A redelivered key changes nothing; without FOUND_ROWS it then counts 0 affected rows, a new one 1.
  ' ON DUPLICATE KEY UPDATE id = id; SET @msc_received = ROW_COUNT();';
const RECORD_DUPLICATES =
  'UPDATE msc_webhook_delivery SET duplicate_count = ? - @msc_received WHERE id = @msc_delivery_id AND @msc_received < ?;';
const FINISH_COLUMNS = '@msc_delivery_id AS deliveryId, @msc_received AS received';

/**
 * The statements of one delivery, and of its quota use when there is one, sent together in one round
 * trip (the webhook path's cost is mostly round trips and commits: the quota rides in the same ones).
 * The quota's reads go first; its counter rows are taken by the last statement before COMMIT, because
 * every push of the tenant waits for them while they are held. Over the quota that statement fails and
 * the whole transaction is rolled back: a refused push stores nothing. The closing SELECT runs after
 * COMMIT, holding nothing.
 */
function deliveryStatements(delivery: DeliveryToRecord, quota: QuotaUse | null) {
  const { request } = delivery;
  const unique = firstOfEachExternalId(delivery.events);
  const receivedAt = toDatetime(request.receivedAt);
  const q = quota ? quotaStatements(quota) : null;
  const text: string[] = [BEGIN];
  const values: unknown[] = [];
  if (q) {
    text.push(...q.prepare.text);
    values.push(...q.prepare.values);
  }
  if (unique.length > 1) {
    text.push(TAKE_ACCOUNT_TURN);
    values.push(delivery.accountId);
  }
  text.push(INSERT_DELIVERY);
  values.push(
    delivery.tenantId,
    delivery.accountId,
    request.method,
    request.pathTail.join('/').slice(0, 255),
    JSON.stringify(delivery.storedHeaders),
    request.rawBody,
    receivedAt,
    delivery.events.length,
    Math.max(0, Date.now() - request.receivedAt.getTime()),
  );
  if (unique.length > 0) {
    text.push(insertEvents(unique.length));
    for (const event of unique) {
      values.push(
        delivery.tenantId,
        delivery.accountId,
        delivery.marketplace,
        event.type,
        event.externalId,
        EVENT_PRIORITY[event.type],
        JSON.stringify(event),
        receivedAt,
      );
    }
  } else {
    text.push('SET @msc_received = 0;');
  }
  text.push(RECORD_DUPLICATES);
  values.push(delivery.events.length, delivery.events.length);
  if (q) {
    text.push(...q.take.text);
    values.push(...q.take.values);
  }
  text.push('COMMIT;', `SELECT ${FINISH_COLUMNS}${q ? `, ${q.select}` : ''};`);
  if (q) values.push(...q.selectValues);
  return { text: text.join(' '), values, q };
}

function recordedFrom(row: Record<string, unknown>, eventCount: number): RecordedDelivery {
  if (row.deliveryId == null) throw new Error('Recording the delivery returned no id');
  const received = Number(row.received);
  return { deliveryId: Number(row.deliveryId), received, duplicate: eventCount - received };
}

/**
 * Stores the delivery and its events in one transaction, durable before the sender is answered,
 * in a single round trip (the statements travel together; the webhook path's cost is mostly round trips).
 * A redelivered event hits the unique (account_id, external_id) key and changes nothing; it counts
 * as new only if this transaction inserted it. Under concurrent redeliveries the second insert waits
 * for the first to commit and then finds it, so exactly one delivery counts it as received.
 */
export async function recordDelivery(db: Db, delivery: DeliveryToRecord): Promise<RecordedDelivery> {
  const { text, values } = deliveryStatements(delivery, null);
  return recordedFrom((await runStatementBatch(db, text, values, null)).row, delivery.events.length);
}

/**
 * recordDelivery inside the tenant's quota: the same transaction and round trip also take the events
 * from the tenant's counters (lib/quotas/quota-statements.ts), and keep the delivery only if they were
 * taken. Counted if and only if stored; a refused push stores nothing.
 */
export type DeliveryWithinQuota =
  | { decision: Extract<QuotaDecision, { allowed: true }>; recorded: RecordedDelivery }
  | { decision: Extract<QuotaDecision, { allowed: false }>; recorded: null };

export async function recordDeliveryWithinQuota(db: Db, delivery: DeliveryToRecord, quota: QuotaUse): Promise<DeliveryWithinQuota> {
  const { text, values, q } = deliveryStatements(delivery, quota);
  const { row, refusedByQuota } = await runStatementBatch(db, text, values, q);
  const decision = decisionFrom(row, quota, q!.plans, !refusedByQuota);
  return decision.allowed ? { decision, recorded: recordedFrom(row, delivery.events.length) } : { decision, recorded: null };
}
