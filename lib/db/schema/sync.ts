import { bigint, datetime, decimal, index, int, mysqlEnum, mysqlTable, text, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/**
 * Stock and price sync out to the marketplaces ("Sync out" in docs/architecture.md). A listing is one
 * marketplace SKU of one account (msc_product_link's unique key); every table here is keyed by it,
 * so what the marketplace holds survives an unlink and a relink of the same SKU.
 */

/** Per-tenant sync rules. A tenant without a row uses the defaults. */
export const syncSettings = mysqlTable(
  'msc_sync_settings',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    /** A price change bigger than this (percent of the marketplace's confirmed price) waits for review. */
    priceChangeThresholdPct: decimal('price_change_threshold_pct', { precision: 7, scale: 2 }).notNull().default('30.00'),
    updatedBy: varchar('updated_by', { length: 64 }).notNull().default(''),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_sync_settings_tenant_uq').on(t.tenantId)],
);

export type SyncSettingsRow = typeof syncSettings.$inferSelect;

/**
 * What one listing holds on the marketplace (the last values a batch result confirmed) and the
 * review state of a price change held by the safety threshold.
 */
export const syncListingStates = mysqlTable(
  'msc_sync_state',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull(),
    confirmedQuantity: int('confirmed_quantity'),
    confirmedPrice: decimal('confirmed_price', { precision: 15, scale: 4 }),
    confirmedListPrice: decimal('confirmed_list_price', { precision: 15, scale: 4 }),
    confirmedAt: datetime('confirmed_at', { mode: 'date', fsp: 3 }),
    /** The outbox item behind the confirmed values: an older batch finishing late never overwrites a newer one. */
    confirmedOutboxId: bigint('confirmed_outbox_id', { mode: 'number', unsigned: true }),
    /** The shop's new price, held because it moves more than the threshold from `heldBasePrice`. */
    heldPrice: decimal('held_price', { precision: 15, scale: 4 }),
    heldBasePrice: decimal('held_base_price', { precision: 15, scale: 4 }),
    heldAt: datetime('held_at', { mode: 'date', fsp: 3 }),
    /** A reviewed price: approved goes out despite the threshold, rejected stays off the marketplace until the shop's price moves again. */
    approvedPrice: decimal('approved_price', { precision: 15, scale: 4 }),
    rejectedPrice: decimal('rejected_price', { precision: 15, scale: 4 }),
    reviewedBy: varchar('reviewed_by', { length: 64 }).notNull().default(''),
    reviewedAt: datetime('reviewed_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('msc_sync_state_listing_uq').on(t.accountId, t.marketplaceSku),
    index('msc_sync_state_held_idx').on(t.tenantId, t.heldAt),
  ],
);

export type SyncListingState = typeof syncListingStates.$inferSelect;

export const SYNC_BATCH_STATUSES = [
  /** Claimed items are being pushed; the marketplace's id is not stored yet. */
  'sending',
  /** Accepted by the marketplace under `marketplaceBatchId`; its result is polled. */
  'sent',
  /** The result came back (per item in the outbox). */
  'done',
  /** The push was refused or could not be made; the items went back to the queue. */
  'failed',
  /** The run that claimed the items died before it stored a batch id; the lease expired. */
  'abandoned',
  /** No result within the time the marketplace keeps it; the items went back to the queue. */
  'expired',
] as const;
export type SyncBatchStatus = (typeof SYNC_BATCH_STATUSES)[number];

/** One pushStockAndPrice call: the marketplace answers it asynchronously under its own id. */
export const syncBatches = mysqlTable(
  'msc_sync_batch',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    marketplaceBatchId: varchar('marketplace_batch_id', { length: 191 }),
    status: mysqlEnum('status', SYNC_BATCH_STATUSES).notNull().default('sending'),
    itemCount: int('item_count').notNull(),
    okCount: int('ok_count').notNull().default(0),
    failedCount: int('failed_count').notNull().default(0),
    pollCount: int('poll_count').notNull().default(0),
    error: text('error'),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
    polledAt: datetime('polled_at', { mode: 'date', fsp: 3 }),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    index('msc_sync_batch_account_status_idx').on(t.accountId, t.status, t.id),
    index('msc_sync_batch_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export type SyncBatch = typeof syncBatches.$inferSelect;

export const SYNC_OUTBOX_STATUSES = [
  /** Waiting to be sent (again, after a deferral). */
  'pending',
  /** Claimed by a run that is pushing it (until `leaseUntil`). */
  'sending',
  /** In a batch the marketplace accepted; waiting for its result. */
  'sent',
  'confirmed',
  /** The marketplace refused it (or the push failed); retried after `nextAttemptAt`, if set. */
  'failed',
  /** A newer item of the same listing took its place before it was sent again. */
  'superseded',
  /** The shop's values went back to what the marketplace holds, or the listing was unlinked. */
  'cancelled',
] as const;
export type SyncOutboxStatus = (typeof SYNC_OUTBOX_STATUSES)[number];

/**
 * Stock and price to push, one row per listing change. `openSlot` is 1 while the item is waiting
 * (pending, or failed and due for a retry) and NULL once claimed or finished; the unique key on
 * (account, SKU, openSlot) allows one waiting item per listing (NULLs never collide), so a new
 * change of a waiting listing updates that row (coalescing) while an item already in flight is left
 * alone.
 */
export const syncOutbox = mysqlTable(
  'msc_sync_outbox',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    linkId: bigint('link_id', { mode: 'number', unsigned: true }).notNull(),
    ocProductId: int('oc_product_id').notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull(),
    quantity: int('quantity').notNull(),
    price: decimal('price', { precision: 15, scale: 4 }).notNull(),
    listPrice: decimal('list_price', { precision: 15, scale: 4 }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    status: mysqlEnum('status', SYNC_OUTBOX_STATUSES).notNull().default('pending'),
    openSlot: tinyint('open_slot'),
    attempts: int('attempts').notNull().default(0),
    /** When a waiting item may be claimed; NULL after the last allowed attempt (a new change of the listing revives it). */
    nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }),
    batchId: bigint('batch_id', { mode: 'number', unsigned: true }),
    /** A claim lasts until then; an item still `sending` afterwards belonged to a run that died. */
    leaseUntil: datetime('lease_until', { mode: 'date', fsp: 3 }),
    lastError: text('last_error'),
    queuedAt: datetime('queued_at', { mode: 'date', fsp: 3 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull(),
    sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('msc_sync_outbox_open_uq').on(t.accountId, t.marketplaceSku, t.openSlot),
    index('msc_sync_outbox_due_idx').on(t.accountId, t.openSlot, t.nextAttemptAt, t.id),
    index('msc_sync_outbox_listing_idx').on(t.accountId, t.marketplaceSku, t.status, t.id),
    index('msc_sync_outbox_batch_idx').on(t.batchId),
    index('msc_sync_outbox_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('msc_sync_outbox_lease_idx').on(t.status, t.leaseUntil),
  ],
);

export type SyncOutboxItem = typeof syncOutbox.$inferSelect;
export type NewSyncOutboxItem = typeof syncOutbox.$inferInsert;
