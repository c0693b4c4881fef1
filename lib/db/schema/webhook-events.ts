import { bigint, datetime, index, int, json, mysqlEnum, mysqlTable, text, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { CANONICAL_EVENT_TYPES } from '@/lib/webhooks/canonical-events';

export const WEBHOOK_EVENT_STATUSES = ['pending', 'done', 'failed', 'dead'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/**
 * A canonical event, durable before the marketplace gets its answer. The unique key on
 * (account, external id) makes a redelivery a no-op. Workers claim due rows with
 * SELECT … FOR UPDATE SKIP LOCKED ordered by (priority, id).
 */
export const webhookEvents = mysqlTable(
  'msc_webhook_event',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    deliveryId: bigint('delivery_id', { mode: 'number', unsigned: true }).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    type: mysqlEnum('type', CANONICAL_EVENT_TYPES).notNull(),
    externalId: varchar('external_id', { length: 191 }).notNull(),
    /** Lower runs first: orders, then status changes, stock, prices, questions. */
    priority: tinyint('priority').notNull(),
    payload: json('payload').notNull(),
    status: mysqlEnum('status', WEBHOOK_EVENT_STATUSES).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    lastError: text('last_error'),
    receivedAt: datetime('received_at', { mode: 'date', fsp: 3 }).notNull(),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('msc_webhook_event_account_external_uq').on(t.accountId, t.externalId),
    index('msc_webhook_event_due_idx').on(t.status, t.nextAttemptAt, t.priority, t.id),
    index('msc_webhook_event_tenant_idx').on(t.tenantId, t.receivedAt),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type NewWebhookEvent = typeof webhookEvents.$inferInsert;

/** One processing attempt, for the event's detail page. */
export const webhookEventAttempts = mysqlTable(
  'msc_webhook_event_attempt',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    eventId: bigint('event_id', { mode: 'number', unsigned: true }).notNull(),
    attempt: int('attempt').notNull(),
    worker: varchar('worker', { length: 64 }).notNull(),
    outcome: mysqlEnum('outcome', ['done', 'failed', 'dead']).notNull(),
    error: text('error'),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull(),
    durationMs: int('duration_ms').notNull(),
  },
  (t) => [index('msc_webhook_event_attempt_event_idx').on(t.eventId)],
);
