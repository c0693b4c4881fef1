import { bigint, datetime, index, int, json, mediumtext, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** One HTTP push as received: raw body, chosen headers (never secrets), timing and our answer. */
export const webhookDeliveries = mysqlTable(
  'msc_webhook_delivery',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    method: varchar('method', { length: 8 }).notNull(),
    path: varchar('path', { length: 255 }).notNull().default(''),
    headers: json('headers').notNull(),
    rawBody: mediumtext('raw_body').notNull(),
    receivedAt: datetime('received_at', { mode: 'date', fsp: 3 }).notNull(),
    ingestLatencyMs: int('ingest_latency_ms').notNull().default(0),
    eventCount: int('event_count').notNull().default(0),
    duplicateCount: int('duplicate_count').notNull().default(0),
  },
  (t) => [index('msc_webhook_delivery_account_idx').on(t.accountId, t.receivedAt)],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
