import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { INGEST_BUCKET_BOUNDS_MS, LAG_BUCKET_BOUNDS_MS, bucketSumsSql } from '../buckets';
import { HOUR_MS, MINUTE_MS, ceilTo, floorTo } from '../database-time';

/**
 * How long before it is applied an event may have become due and still count in the processing
 * rollup. Applied events are found through the due index (status, next_attempt_at): an event that
 * waited longer than this is left out of the lag chart (the live queue age and the lag alert still see it).
 * The upper bound is exact: an event becomes due before it is applied (or given up on), so a range's
 * applied and dead events are due before its end, and a backfill reads each event once, not once per step.
 */
export const APPLIED_LOOKBACK_MS = 6 * HOUR_MS;

const MINUTE_OF = (column: string) => `DATE_FORMAT(${column}, '%Y-%m-%d %H:%i:00')`;
const INGEST_COLUMNS = INGEST_BUCKET_BOUNDS_MS.map((_, i) => `ingest_b${i}`);
const LAG_COLUMNS = LAG_BUCKET_BOUNDS_MS.map((_, i) => `lag_b${i}`);
const WEBHOOK_SUM_COLUMNS = ['received', 'deliveries', 'ingest_ms_sum', ...INGEST_COLUMNS, 'applied', 'dead', 'retries', 'lag_ms_sum', ...LAG_COLUMNS];
const API_SUM_COLUMNS = ['calls', 'errors', 'rate_limited', 'duration_ms_sum'];

const updateFrom = (columns: string[]) => columns.map((c) => `${c} = VALUES(${c})`).join(', ');

/**
 * Recomputes whole minutes [from, to) of one tenant's rollups from the source rows, then the hours
 * that hold them from the minute rows. Everything in the range is deleted and written again in one
 * transaction, so running it twice (or over a range already done) gives the same rows, and a reader
 * sees the old rows or the new ones, never half.
 */
export async function rollupRange(db: Db, tenantId: number, from: Date, to: Date): Promise<void> {
  const start = floorTo(from, MINUTE_MS);
  const end = ceilTo(to, MINUTE_MS);
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM msc_metric_webhook_rollup WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}`);
    await tx.execute(sql`DELETE FROM msc_metric_api_rollup WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}`);
    await tx.execute(sql`DELETE FROM msc_metric_job_rollup WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}`);
    await rollupJobRuns(tx, tenantId, start, end);
    await rollupReceived(tx, tenantId, start, end);
    await rollupDeliveries(tx, tenantId, start, end);
    await rollupApplied(tx, tenantId, start, end);
    await rollupDead(tx, tenantId, start, end);
    await rollupApiCalls(tx, tenantId, start, end);
    await rollupHours(tx, tenantId, floorTo(start, HOUR_MS), ceilTo(end, HOUR_MS));
  });
}

async function rollupReceived(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  await tx.execute(sql`
    INSERT INTO msc_metric_webhook_rollup (tenant_id, grain, marketplace, bucket_start, received)
    SELECT tenant_id, 'minute', marketplace, ${sql.raw(MINUTE_OF('received_at'))} AS m, COUNT(*)
    FROM msc_webhook_event
    WHERE tenant_id = ${tenantId} AND received_at >= ${start} AND received_at < ${end}
    GROUP BY tenant_id, marketplace, m
    ON DUPLICATE KEY UPDATE received = VALUES(received)`);
}

/**
 * Deliveries carry no tenant: they are read per account of the tenant. The account ids are listed in
 * the query so the (account, received_at) index serves a range per account; joined from the account
 * table instead, MariaDB reads every delivery an account ever had and filters.
 */
async function rollupDeliveries(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  const accounts = await selectRows(tx, sql`SELECT id FROM msc_marketplace_account WHERE tenant_id = ${tenantId}`, z.object({ id: z.coerce.number() }));
  if (accounts.length === 0) return;
  await tx.execute(sql`
    INSERT INTO msc_metric_webhook_rollup (tenant_id, grain, marketplace, bucket_start, deliveries, ingest_ms_sum, ${sql.raw(INGEST_COLUMNS.join(', '))})
    SELECT a.tenant_id, 'minute', a.marketplace, ${sql.raw(MINUTE_OF('d.received_at'))} AS m, COUNT(*), SUM(d.ingest_latency_ms),
      ${sql.raw(bucketSumsSql('d.ingest_latency_ms', INGEST_BUCKET_BOUNDS_MS, 'ib'))}
    FROM msc_webhook_delivery d
    STRAIGHT_JOIN msc_marketplace_account a ON a.id = d.account_id
    WHERE d.account_id IN (${sql.join(accounts.map((a) => sql`${a.id}`), sql`, `)}) AND d.received_at >= ${start} AND d.received_at < ${end}
    GROUP BY a.tenant_id, a.marketplace, m
    ON DUPLICATE KEY UPDATE ${sql.raw(updateFrom(['deliveries', 'ingest_ms_sum', ...INGEST_COLUMNS]))}`);
}

async function rollupApplied(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  const lag = 'TIMESTAMPDIFF(MICROSECOND, received_at, processed_at) DIV 1000';
  await tx.execute(sql`
    INSERT INTO msc_metric_webhook_rollup (tenant_id, grain, marketplace, bucket_start, applied, retries, lag_ms_sum, ${sql.raw(LAG_COLUMNS.join(', '))})
    SELECT tenant_id, 'minute', marketplace, ${sql.raw(MINUTE_OF('processed_at'))} AS m, COUNT(*), SUM(attempts - 1), SUM(${sql.raw(lag)}),
      ${sql.raw(bucketSumsSql(`(${lag})`, LAG_BUCKET_BOUNDS_MS, 'lb'))}
    FROM msc_webhook_event
    WHERE status = 'done' AND next_attempt_at >= ${new Date(start.getTime() - APPLIED_LOOKBACK_MS)} AND next_attempt_at < ${end}
      AND tenant_id = ${tenantId} AND processed_at >= ${start} AND processed_at < ${end}
    GROUP BY tenant_id, marketplace, m
    ON DUPLICATE KEY UPDATE ${sql.raw(updateFrom(['applied', 'retries', 'lag_ms_sum', ...LAG_COLUMNS]))}`);
}

/** Dead letters by the minute of their last attempt (a dead event keeps no processed_at). */
async function rollupDead(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  await tx.execute(sql`
    INSERT INTO msc_metric_webhook_rollup (tenant_id, grain, marketplace, bucket_start, dead)
    SELECT e.tenant_id, 'minute', e.marketplace, ${sql.raw(MINUTE_OF('x.started_at'))} AS m, COUNT(*)
    FROM msc_webhook_event e
    JOIN msc_webhook_event_attempt x ON x.event_id = e.id AND x.outcome = 'dead'
    WHERE e.status = 'dead' AND e.next_attempt_at >= ${new Date(start.getTime() - APPLIED_LOOKBACK_MS)} AND e.next_attempt_at < ${end}
      AND e.tenant_id = ${tenantId} AND x.started_at >= ${start} AND x.started_at < ${end}
    GROUP BY e.tenant_id, e.marketplace, m
    ON DUPLICATE KEY UPDATE dead = VALUES(dead)`);
}

async function rollupApiCalls(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  await tx.execute(sql`
    INSERT INTO msc_metric_api_rollup (tenant_id, grain, marketplace, bucket_start, calls, errors, rate_limited, duration_ms_sum)
    SELECT tenant_id, 'minute', marketplace, ${sql.raw(MINUTE_OF('created_at'))} AS m, COUNT(*),
      SUM(CASE WHEN error_kind IS NOT NULL THEN 1 ELSE 0 END),
      SUM(CASE WHEN error_kind = 'rate_limited' OR status = 429 THEN 1 ELSE 0 END),
      SUM(duration_ms)
    FROM msc_marketplace_api_call
    WHERE tenant_id = ${tenantId} AND created_at >= ${start} AND created_at < ${end}
    GROUP BY tenant_id, marketplace, m`);
}

/** Job runs by the minute they started; a run still going is counted again (finished) by a later recompute. */
async function rollupJobRuns(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  await tx.execute(sql`
    INSERT INTO msc_metric_job_rollup (tenant_id, grain, job, bucket_start, runs, failures, finished, duration_ms_sum, duration_ms_max)
    SELECT tenant_id, 'minute', job, ${sql.raw(MINUTE_OF('started_at'))} AS m, COUNT(*),
      SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END),
      SUM(CASE WHEN status IN ('succeeded', 'failed') THEN 1 ELSE 0 END),
      SUM(CASE WHEN status IN ('succeeded', 'failed') THEN COALESCE(duration_ms, 0) ELSE 0 END),
      MAX(CASE WHEN status IN ('succeeded', 'failed') THEN duration_ms END)
    FROM msc_job_run
    WHERE tenant_id = ${tenantId} AND started_at >= ${start} AND started_at < ${end} AND status <> 'skipped'
    GROUP BY tenant_id, job, m`);
}

/** Hour rows are sums of their minute rows, so the 7- and 30-day charts read a sixtieth of the rows. */
async function rollupHours(tx: DbOrTx, tenantId: number, start: Date, end: Date) {
  const hourOf = "DATE_FORMAT(bucket_start, '%Y-%m-%d %H:00:00')";
  await tx.execute(sql`DELETE FROM msc_metric_webhook_rollup WHERE tenant_id = ${tenantId} AND grain = 'hour' AND bucket_start >= ${start} AND bucket_start < ${end}`);
  await tx.execute(sql`
    INSERT INTO msc_metric_webhook_rollup (tenant_id, grain, marketplace, bucket_start, ${sql.raw(WEBHOOK_SUM_COLUMNS.join(', '))})
    SELECT tenant_id, 'hour', marketplace, ${sql.raw(hourOf)} AS h, ${sql.raw(WEBHOOK_SUM_COLUMNS.map((c) => `SUM(${c})`).join(', '))}
    FROM msc_metric_webhook_rollup
    WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}
    GROUP BY tenant_id, marketplace, h`);
  await tx.execute(sql`DELETE FROM msc_metric_api_rollup WHERE tenant_id = ${tenantId} AND grain = 'hour' AND bucket_start >= ${start} AND bucket_start < ${end}`);
  await tx.execute(sql`
    INSERT INTO msc_metric_api_rollup (tenant_id, grain, marketplace, bucket_start, ${sql.raw(API_SUM_COLUMNS.join(', '))})
    SELECT tenant_id, 'hour', marketplace, ${sql.raw(hourOf)} AS h, ${sql.raw(API_SUM_COLUMNS.map((c) => `SUM(${c})`).join(', '))}
    FROM msc_metric_api_rollup
    WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}
    GROUP BY tenant_id, marketplace, h`);
  await tx.execute(sql`DELETE FROM msc_metric_job_rollup WHERE tenant_id = ${tenantId} AND grain = 'hour' AND bucket_start >= ${start} AND bucket_start < ${end}`);
  await tx.execute(sql`
    INSERT INTO msc_metric_job_rollup (tenant_id, grain, job, bucket_start, runs, failures, finished, duration_ms_sum, duration_ms_max)
    SELECT tenant_id, 'hour', job, ${sql.raw(hourOf)} AS h, SUM(runs), SUM(failures), SUM(finished), SUM(duration_ms_sum), MAX(duration_ms_max)
    FROM msc_metric_job_rollup
    WHERE tenant_id = ${tenantId} AND grain = 'minute' AND bucket_start >= ${start} AND bucket_start < ${end}
    GROUP BY tenant_id, job, h`);
}
