import { bigint, datetime, index, int, json, mysqlEnum, mysqlTable, smallint, text, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { MARKETPLACES } from '@/lib/marketplaces/names';

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/** Why an outbound HTTP attempt failed; null on a call log row that succeeded. */
export const API_ERROR_KINDS = [
  'rate_limited',
  'server',
  'timeout',
  'network',
  'circuit_open',
  'client',
  'auth',
  'invalid_response',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/**
 * One circuit breaker per marketplace account, in the database so every instance (and every cron
 * run) sees the same state. It opens after consecutive failures, lets one probe through once
 * `next_probe_at` has passed (half_open, with `probe_started_at` as the probe's lease), and closes
 * when a call succeeds.
 */
export const circuitBreakers = mysqlTable('msc_circuit_breaker', {
  accountId: bigint('account_id', { mode: 'number', unsigned: true }).primaryKey(),
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
  marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
  state: mysqlEnum('state', CIRCUIT_STATES).notNull().default('closed'),
  consecutiveFailures: int('consecutive_failures').notNull().default(0),
  openedAt: datetime('opened_at', { mode: 'date', fsp: 3 }),
  nextProbeAt: datetime('next_probe_at', { mode: 'date', fsp: 3 }),
  probeStartedAt: datetime('probe_started_at', { mode: 'date', fsp: 3 }),
  /** The kind of the last failure, for the monitoring page; never a message that could carry a secret. */
  lastErrorKind: mysqlEnum('last_error_kind', API_ERROR_KINDS),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
});

export type CircuitBreakerRow = typeof circuitBreakers.$inferSelect;

/**
 * One row per outbound HTTP attempt, for monitoring (error rates, 429s, latency per endpoint).
 * `endpoint` is the path template (`/integration/order/sellers/{sellerId}/orders/stream`): no ids,
 * no query string, no credentials.
 */
export const marketplaceApiCalls = mysqlTable(
  'msc_marketplace_api_call',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    endpoint: varchar('endpoint', { length: 191 }).notNull(),
    method: varchar('method', { length: 8 }).notNull(),
    /** The HTTP status, or null when no answer came (timeout, connection error, open circuit). */
    status: smallint('status', { unsigned: true }),
    durationMs: int('duration_ms').notNull(),
    errorKind: mysqlEnum('error_kind', API_ERROR_KINDS),
    /** 1 for the first try of a call, 2 for its first retry, … */
    attempt: tinyint('attempt', { unsigned: true }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [
    index('msc_marketplace_api_call_created_idx').on(t.createdAt),
    index('msc_marketplace_api_call_account_idx').on(t.accountId, t.createdAt),
    index('msc_marketplace_api_call_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

export type MarketplaceApiCall = typeof marketplaceApiCalls.$inferSelect;

/**
 * How far the order pull of one account has come. `pulled_until` is the end of the last finished
 * sweep; a sweep in progress keeps its bounds and the marketplace's page cursor, so a run that stops
 * on its time budget continues where it was, and the bounds move only after its events are stored.
 */
export const orderPullCursors = mysqlTable('msc_order_pull_cursor', {
  accountId: bigint('account_id', { mode: 'number', unsigned: true }).primaryKey(),
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
  pulledUntil: datetime('pulled_until', { mode: 'date', fsp: 3 }),
  sweepSince: datetime('sweep_since', { mode: 'date', fsp: 3 }),
  sweepUntil: datetime('sweep_until', { mode: 'date', fsp: 3 }),
  /** The marketplace client's opaque cursor inside the sweep; null at its start. */
  pageCursor: text('page_cursor'),
  lastRunAt: datetime('last_run_at', { mode: 'date', fsp: 3 }),
  lastError: varchar('last_error', { length: 500 }),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
});

export type OrderPullCursor = typeof orderPullCursors.$inferSelect;

/**
 * What one stock/price batch carried, by the marketplace's batch id: Hepsiburada's upload results and
 * Amazon's feed reports list only the failures (by position), so the SKUs that were sent are kept to
 * report every item. Rows older than a week are pruned as new batches are sent.
 */
export const outboundBatches = mysqlTable(
  'msc_outbound_batch',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    batchId: varchar('batch_id', { length: 191 }).notNull(),
    /** The SKUs in the order they were sent. */
    skus: json('skus').$type<string[]>().notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_outbound_batch_account_batch_uq').on(t.accountId, t.batchId), index('msc_outbound_batch_created_idx').on(t.createdAt)],
);
