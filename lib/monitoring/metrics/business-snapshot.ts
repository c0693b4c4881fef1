import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from '../database-time';

/** Figures read from the database at scrape time, over every tenant (per-tenant labels would be unbounded). */
export type BusinessSnapshot = {
  queue: Array<{ marketplace: string; status: string; count: number }>;
  oldestWaitingSeconds: number;
  jobRuns24h: Array<{ job: string; status: string; count: number }>;
  jobLastDurationSeconds: Array<{ job: string; seconds: number }>;
  apiCallsLastHour: Array<{ marketplace: string; statusClass: string; count: number }>;
  circuits: Array<{ marketplace: string; state: string; count: number }>;
  quotaUsedMax: Array<{ metric: string; grain: string; used: number }>;
  openAlerts: Array<{ kind: string; severity: string; count: number }>;
  outboxDepth: number;
};

const n = z.coerce.number();

export async function readBusinessSnapshot(db: Db): Promise<BusinessSnapshot> {
  const [queue, oldest, jobRuns24h, jobLast, api, circuits, quota, alerts, outbox] = await Promise.all([
    // As the rollup job last counted it (msc_metric_queue_state): counting dead letters live costs a row lookup each.
    selectRows(
      db,
      sql`SELECT marketplace, SUM(pending) AS pending, SUM(failed) AS failed, SUM(dead) AS dead FROM msc_metric_queue_state GROUP BY marketplace`,
      z.object({ marketplace: z.string(), pending: n, failed: n, dead: n }),
    ),
    selectRows(
      db,
      sql`SELECT TIMESTAMPDIFF(MICROSECOND, MIN(oldest_waiting_at), UTC_TIMESTAMP(3)) / 1000000 AS age FROM msc_metric_queue_state`,
      z.object({ age: n.nullable() }),
    ),
    selectRows(
      db,
      sql`SELECT job, status, COUNT(*) AS count FROM msc_job_run WHERE started_at >= UTC_TIMESTAMP(3) - INTERVAL 1 DAY GROUP BY job, status`,
      z.object({ job: z.string(), status: z.string(), count: n }),
    ),
    selectRows(
      db,
      sql`SELECT r.job, MAX(r.duration_ms) / 1000 AS seconds FROM msc_job_run r
          JOIN (SELECT MAX(id) AS id FROM msc_job_run WHERE status IN ('succeeded', 'failed') GROUP BY tenant_id, job) m ON m.id = r.id GROUP BY r.job`,
      z.object({ job: z.string(), seconds: n }),
    ),
    selectRows(
      db,
      sql`SELECT marketplace, CASE WHEN status IS NULL THEN 'none' ELSE CONCAT(FLOOR(status / 100), 'xx') END AS status_class, COUNT(*) AS count
          FROM msc_marketplace_api_call WHERE created_at >= UTC_TIMESTAMP(3) - INTERVAL 1 HOUR GROUP BY marketplace, status_class`,
      z.object({ marketplace: z.string(), status_class: z.string(), count: n }),
    ),
    selectRows(db, sql`SELECT marketplace, state, COUNT(*) AS count FROM msc_circuit_breaker GROUP BY marketplace, state`, z.object({ marketplace: z.string(), state: z.string(), count: n })),
    selectRows(
      db,
      sql`SELECT metric, grain, MAX(used) AS used FROM msc_quota_usage
          WHERE (grain = 'minute' AND window_start >= UTC_TIMESTAMP() - INTERVAL 1 MINUTE) OR (grain = 'day' AND window_start >= UTC_DATE())
          GROUP BY metric, grain`,
      z.object({ metric: z.string(), grain: z.string(), used: n }),
    ),
    selectRows(db, sql`SELECT kind, severity, COUNT(*) AS count FROM msc_alert WHERE acknowledged_at IS NULL GROUP BY kind, severity`, z.object({ kind: z.string(), severity: z.string(), count: n })),
    selectRows(db, sql`SELECT COUNT(*) AS count FROM msc_sync_outbox WHERE status IN ('pending', 'failed') AND open_slot = 1`, z.object({ count: n })),
  ]);
  return {
    queue: queue.flatMap((q) => [
      { marketplace: q.marketplace, status: 'pending', count: q.pending },
      { marketplace: q.marketplace, status: 'failed', count: q.failed },
      { marketplace: q.marketplace, status: 'dead', count: q.dead },
    ]),
    oldestWaitingSeconds: oldest[0]?.age ?? 0,
    jobRuns24h,
    jobLastDurationSeconds: jobLast,
    apiCallsLastHour: api.map((r) => ({ marketplace: r.marketplace, statusClass: r.status_class, count: r.count })),
    circuits,
    quotaUsedMax: quota,
    openAlerts: alerts,
    outboxDepth: outbox[0]?.count ?? 0,
  };
}

/** Scrapes within this long share one read, so a scrape storm cannot hammer the database. */
export const BUSINESS_SNAPSHOT_TTL_MS = 10_000;

/** One in-flight or fresh snapshot per process. */
export function cachedSnapshot(read: () => Promise<BusinessSnapshot>, ttlMs = BUSINESS_SNAPSHOT_TTL_MS) {
  let current: { at: number; value: Promise<BusinessSnapshot> } | null = null;
  return () => {
    const now = Date.now();
    if (!current || now - current.at > ttlMs) {
      const value = read();
      current = { at: now, value };
      // A failed read is not cached: the next scrape tries again.
      value.catch(() => {
        if (current?.value === value) current = null;
      });
    }
    return current.value;
  };
}
