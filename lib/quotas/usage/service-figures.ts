import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { toSqlDatetime } from '../windows';
import { MS_PER_HOUR } from './usage-rows';

/** The promise to a shop: a push answered within 100 ms and applied within 60 s. */
export const SLA_ANSWER_MS = 100;
export const SLA_PROCESS_MS = 60_000;
const SERVICE_WINDOW_MS = 24 * MS_PER_HOUR;
/** Retries of an event can come days after it arrived: attempts of events this old are looked at. */
const ATTEMPT_LOOKBACK_MS = 8 * 24 * MS_PER_HOUR;
const P95 = 0.95;

export type ServiceFigures = {
  /** Marketplace API calls (attempts) per minute, averaged over the last hour. */
  apiCallsPerMinute: number;
  apiCallsLastHour: number;
  /** Webhook ingest latency (receipt to stored) at the 95th percentile over 24 hours; null without pushes. */
  ingestP95Ms: number | null;
  deliveries24h: number;
  /** Failed or dead-lettered processing attempts among all attempts over 24 hours; null without attempts. */
  errorRate: number | null;
  attempts24h: number;
  /** Events of the last 24 hours: answered within SLA_ANSWER_MS, processed within SLA_PROCESS_MS, and both. */
  sla: { events: number; answeredShare: number | null; processedShare: number | null; bothShare: number | null };
};

type Rows<T> = [T[], unknown];
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * A tenant's service figures from what the app recorded: msc_marketplace_api_call (calls per minute),
 * msc_webhook_delivery.ingest_latency_ms (p95), msc_webhook_event_attempt (error rate) and the events'
 * receipt and processing times (SLA). Portable to MySQL 8 and MariaDB: the percentile is read with
 * ORDER BY … LIMIT 1 OFFSET, not a window function MySQL lacks.
 */
export async function getServiceFigures(db: Db, tenantId: number, now: number = Date.now()): Promise<ServiceFigures> {
  const hourAgo = toSqlDatetime(new Date(now - MS_PER_HOUR));
  const dayAgo = toSqlDatetime(new Date(now - SERVICE_WINDOW_MS));
  // Events younger than the processing SLA may still be on time: they are judged later.
  const judgedBefore = toSqlDatetime(new Date(now - SLA_PROCESS_MS));
  const attemptsOfEventsSince = toSqlDatetime(new Date(now - ATTEMPT_LOOKBACK_MS));
  // The deliveries index is per account: reach a tenant's deliveries through its accounts.
  const tenantDeliveries = sql`account_id IN (SELECT id FROM msc_marketplace_account WHERE tenant_id = ${tenantId}) AND received_at >= ${dayAgo}`;

  const [[calls], [deliveries], [attempts], [sla]] = (await Promise.all([
    db.execute(sql`SELECT COUNT(*) AS n FROM msc_marketplace_api_call WHERE tenant_id = ${tenantId} AND created_at >= ${hourAgo}`),
    db.execute(sql`SELECT COUNT(*) AS n FROM msc_webhook_delivery WHERE ${tenantDeliveries}`),
    db.execute(sql`
      SELECT COUNT(*) AS n, COALESCE(SUM(a.outcome <> 'done'), 0) AS failed
      FROM msc_webhook_event e JOIN msc_webhook_event_attempt a ON a.event_id = e.id
      WHERE e.tenant_id = ${tenantId} AND e.received_at >= ${attemptsOfEventsSince} AND a.started_at >= ${dayAgo}`),
    db.execute(sql`
      SELECT COUNT(*) AS n,
        COALESCE(SUM(d.ingest_latency_ms <= ${SLA_ANSWER_MS}), 0) AS answered,
        COALESCE(SUM(e.processed_at IS NOT NULL AND e.processed_at <= e.received_at + INTERVAL ${SLA_PROCESS_MS / 1000} SECOND), 0) AS processed,
        COALESCE(SUM(d.ingest_latency_ms <= ${SLA_ANSWER_MS} AND e.processed_at IS NOT NULL AND e.processed_at <= e.received_at + INTERVAL ${SLA_PROCESS_MS / 1000} SECOND), 0) AS both_met
      FROM msc_webhook_event e JOIN msc_webhook_delivery d ON d.id = e.delivery_id
      WHERE e.tenant_id = ${tenantId} AND e.received_at >= ${dayAgo} AND e.received_at < ${judgedBefore}`),
  ])) as unknown as [
    Rows<{ n: string | number }>,
    Rows<{ n: string | number }>,
    Rows<{ n: string | number; failed: string | number }>,
    Rows<{ n: string | number; answered: string | number; processed: string | number; both_met: string | number }>,
  ];

  const deliveries24h = Number(deliveries[0]?.n ?? 0);
  let ingestP95Ms: number | null = null;
  if (deliveries24h > 0) {
    const offset = Math.max(0, Math.ceil(P95 * deliveries24h) - 1);
    const [rows] = (await db.execute(
      sql`SELECT ingest_latency_ms AS ms FROM msc_webhook_delivery WHERE ${tenantDeliveries} ORDER BY ingest_latency_ms LIMIT 1 OFFSET ${offset}`,
    )) as unknown as Rows<{ ms: number }>;
    ingestP95Ms = rows[0] ? Number(rows[0].ms) : null;
  }
  const apiCallsLastHour = Number(calls[0]?.n ?? 0);
  const attempts24h = Number(attempts[0]?.n ?? 0);
  const events = Number(sla[0]?.n ?? 0);
  return {
    apiCallsPerMinute: apiCallsLastHour / 60,
    apiCallsLastHour,
    ingestP95Ms,
    deliveries24h,
    errorRate: share(Number(attempts[0]?.failed ?? 0), attempts24h),
    attempts24h,
    sla: {
      events,
      answeredShare: share(Number(sla[0]?.answered ?? 0), events),
      processedShare: share(Number(sla[0]?.processed ?? 0), events),
      bothShare: share(Number(sla[0]?.both_met ?? 0), events),
    },
  };
}
