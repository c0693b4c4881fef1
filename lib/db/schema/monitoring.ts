import { bigint, datetime, int, mysqlEnum, mysqlTable, primaryKey, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { MARKETPLACES } from '@/lib/marketplaces/names';

/** A rollup row covers one UTC minute (charts up to 24 h) or one UTC hour (7 and 30 days). */
export const ROLLUP_GRAINS = ['minute', 'hour'] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/**
 * Webhook traffic per tenant, marketplace and minute (or hour), written by the `rollup-metrics` job
 * from msc_webhook_delivery and msc_webhook_event; the monitoring page reads only these rows. The
 * histogram columns count observations at or under each bound of lib/monitoring/buckets.ts (not
 * cumulative: each column is one bucket), so a percentile is exact to that bucket resolution.
 * Recomputing a bucket writes the same row (the key is the row's identity), so re-runs are harmless.
 */
export const webhookRollups = mysqlTable(
  'msc_metric_webhook_rollup',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    grain: mysqlEnum('grain', ROLLUP_GRAINS).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    /** UTC, aligned to the grain. */
    bucketStart: datetime('bucket_start', { mode: 'date' }).notNull(),
    /** Events received (by received_at). */
    received: int('received').notNull().default(0),
    /** Deliveries (HTTP pushes) received, and their ingest latency. */
    deliveries: int('deliveries').notNull().default(0),
    ingestMsSum: bigint('ingest_ms_sum', { mode: 'number', unsigned: true }).notNull().default(0),
    ingestB0: int('ingest_b0').notNull().default(0),
    ingestB1: int('ingest_b1').notNull().default(0),
    ingestB2: int('ingest_b2').notNull().default(0),
    ingestB3: int('ingest_b3').notNull().default(0),
    ingestB4: int('ingest_b4').notNull().default(0),
    ingestB5: int('ingest_b5').notNull().default(0),
    ingestB6: int('ingest_b6').notNull().default(0),
    ingestB7: int('ingest_b7').notNull().default(0),
    ingestB8: int('ingest_b8').notNull().default(0),
    ingestB9: int('ingest_b9').notNull().default(0),
    ingestB10: int('ingest_b10').notNull().default(0),
    ingestB11: int('ingest_b11').notNull().default(0),
    /** Events applied (status done, by processed_at), dead-lettered, and the retries they took. */
    applied: int('applied').notNull().default(0),
    dead: int('dead').notNull().default(0),
    retries: int('retries').notNull().default(0),
    /** Processing lag (received to applied) of the applied events. */
    lagMsSum: bigint('lag_ms_sum', { mode: 'number', unsigned: true }).notNull().default(0),
    lagB0: int('lag_b0').notNull().default(0),
    lagB1: int('lag_b1').notNull().default(0),
    lagB2: int('lag_b2').notNull().default(0),
    lagB3: int('lag_b3').notNull().default(0),
    lagB4: int('lag_b4').notNull().default(0),
    lagB5: int('lag_b5').notNull().default(0),
    lagB6: int('lag_b6').notNull().default(0),
    lagB7: int('lag_b7').notNull().default(0),
    lagB8: int('lag_b8').notNull().default(0),
    lagB9: int('lag_b9').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'msc_metric_webhook_rollup_pk', columns: [t.tenantId, t.grain, t.bucketStart, t.marketplace] })],
);

/** Outbound marketplace API attempts per tenant, marketplace and minute (or hour), from msc_marketplace_api_call. */
export const apiCallRollups = mysqlTable(
  'msc_metric_api_rollup',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    grain: mysqlEnum('grain', ROLLUP_GRAINS).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    bucketStart: datetime('bucket_start', { mode: 'date' }).notNull(),
    calls: int('calls').notNull().default(0),
    /** Attempts with an error kind (429s included). */
    errors: int('errors').notNull().default(0),
    rateLimited: int('rate_limited').notNull().default(0),
    durationMsSum: bigint('duration_ms_sum', { mode: 'number', unsigned: true }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'msc_metric_api_rollup_pk', columns: [t.tenantId, t.grain, t.bucketStart, t.marketplace] })],
);

/**
 * The webhook queue of one tenant and marketplace as the last `rollup-metrics` run counted it (at
 * `computed_at`). Counting dead letters per tenant needs a row lookup per dead event (the due index
 * has no tenant), so the job pays for it once a minute and the page and the scrape read these rows.
 */
export const queueStates = mysqlTable(
  'msc_metric_queue_state',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    pending: int('pending').notNull().default(0),
    failed: int('failed').notNull().default(0),
    dead: int('dead').notNull().default(0),
    /** received_at of the oldest event still waiting (pending or failed); null when none waits. */
    oldestWaitingAt: datetime('oldest_waiting_at', { mode: 'date', fsp: 3 }),
    computedAt: datetime('computed_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [primaryKey({ name: 'msc_metric_queue_state_pk', columns: [t.tenantId, t.marketplace] })],
);

/** Job runs per tenant, job and minute (or hour) of their start, from msc_job_run (skipped runs left out). */
export const jobRunRollups = mysqlTable(
  'msc_metric_job_rollup',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    grain: mysqlEnum('grain', ROLLUP_GRAINS).notNull(),
    job: varchar('job', { length: 64 }).notNull(),
    bucketStart: datetime('bucket_start', { mode: 'date' }).notNull(),
    runs: int('runs').notNull().default(0),
    failures: int('failures').notNull().default(0),
    /** Runs that finished (succeeded or failed), and their durations. */
    finished: int('finished').notNull().default(0),
    durationMsSum: bigint('duration_ms_sum', { mode: 'number', unsigned: true }).notNull().default(0),
    durationMsMax: int('duration_ms_max'),
  },
  (t) => [primaryKey({ name: 'msc_metric_job_rollup_pk', columns: [t.tenantId, t.grain, t.bucketStart, t.job] })],
);

/** How far the rollups of one tenant are complete: the next run recomputes from a little before it. */
export const rollupWatermarks = mysqlTable('msc_metric_watermark', {
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).primaryKey(),
  rolledUntil: datetime('rolled_until', { mode: 'date' }).notNull(),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
});

/** A tenant's own value for one alert threshold (lib/alerts/thresholds.ts names them and their defaults). */
export const alertThresholds = mysqlTable(
  'msc_alert_threshold',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    name: varchar('name', { length: 48 }).notNull(),
    value: int('value').notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [primaryKey({ name: 'msc_alert_threshold_pk', columns: [t.tenantId, t.name] })],
);

/**
 * An alert rule's condition that holds right now, per tenant and subject (a job, an account): the
 * alert it raised names this episode in its dedupe key, so a condition raises one alert however many
 * times it is evaluated, and a new alert once it has cleared and come back.
 */
export const alertConditions = mysqlTable(
  'msc_alert_condition',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    kind: varchar('kind', { length: 64 }).notNull(),
    subject: varchar('subject', { length: 96 }).notNull().default(''),
    activeSince: datetime('active_since', { mode: 'date', fsp: 3 }).notNull(),
    alertId: bigint('alert_id', { mode: 'number', unsigned: true }),
  },
  (t) => [primaryKey({ name: 'msc_alert_condition_pk', columns: [t.tenantId, t.kind, t.subject] })],
);

/** The outgoing alert webhook's progress for one alert (ALERT_WEBHOOK_URL): retried with backoff until sent. */
export const alertDeliveries = mysqlTable('msc_alert_delivery', {
  alertId: bigint('alert_id', { mode: 'number', unsigned: true }).primaryKey(),
  attempts: int('attempts').notNull().default(0),
  nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }),
  deliveredAt: datetime('delivered_at', { mode: 'date', fsp: 3 }),
  lastError: varchar('last_error', { length: 255 }),
});

export type WebhookRollup = typeof webhookRollups.$inferSelect;
export type ApiCallRollup = typeof apiCallRollups.$inferSelect;
