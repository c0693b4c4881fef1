import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import type { QuotaMetric } from '../resources';
import { MS_PER_DAY, MS_PER_MINUTE, toSqlDatetime, windowStart } from '../windows';

export const MS_PER_HOUR = 3_600_000;
/** The charts: the last 24 hours by hour and the last 30 days by day. */
export const CHART_HOURS = 24;
export const CHART_DAYS = 30;
/** The linear fits of windowed quotas look back this far (minute counters). */
export const FIT_MINUTES = 60;

type Rows<T> = [T[], unknown];

/** DATETIME text from the driver (UTC) as epoch ms. */
export function epochOf(datetime: string): number {
  return Date.parse(`${datetime.replace(' ', 'T')}Z`);
}

export type MinuteCount = { metric: string; scope: string; start: number; used: number };

/** Every minute counter of the tenant in the last FIT_MINUTES minutes and the current one. */
export async function recentMinuteCounts(db: Db, tenantId: number, now: number): Promise<MinuteCount[]> {
  const from = toSqlDatetime(new Date(windowStart('minute', now).getTime() - FIT_MINUTES * MS_PER_MINUTE));
  const [rows] = (await db.execute(sql`
    SELECT metric, scope, window_start AS start, used FROM msc_quota_usage
    WHERE tenant_id = ${tenantId} AND grain = 'minute' AND window_start >= ${from}`)) as unknown as Rows<{ metric: string; scope: string; start: string; used: string | number }>;
  return rows.map((r) => ({ metric: r.metric, scope: r.scope, start: epochOf(r.start), used: Number(r.used) }));
}

/** Today's day counters of the tenant, by metric and scope. */
export async function todayCounts(db: Db, tenantId: number, now: number): Promise<Map<string, number>> {
  const [rows] = (await db.execute(sql`
    SELECT metric, scope, used FROM msc_quota_usage
    WHERE tenant_id = ${tenantId} AND grain = 'day' AND window_start = ${toSqlDatetime(windowStart('day', now))}`)) as unknown as Rows<{
    metric: string;
    scope: string;
    used: string | number;
  }>;
  return new Map(rows.map((r) => [`${r.metric}|${r.scope}`, Number(r.used)]));
}

export type Bucket = { start: number; value: number };

/** Fills the buckets of a range (oldest first) from sparse sums; missing ones are zero. */
export function fillBuckets(first: number, count: number, stepMs: number, sums: Map<number, number>): Bucket[] {
  return Array.from({ length: count }, (_, i) => {
    const start = first + i * stepMs;
    return { start, value: sums.get(start) ?? 0 };
  });
}

/** A windowed metric over the last 24 hours (hourly, summed over scopes) and 30 days (daily). */
export async function windowedSeries(db: Db, tenantId: number, metric: QuotaMetric, now: number): Promise<{ hours: Bucket[]; days: Bucket[] }> {
  const firstHour = Math.floor(now / MS_PER_HOUR) * MS_PER_HOUR - (CHART_HOURS - 1) * MS_PER_HOUR;
  const firstDay = windowStart('day', now).getTime() - (CHART_DAYS - 1) * MS_PER_DAY;
  const [[hourRows], [dayRows]] = (await Promise.all([
    db.execute(sql`
      SELECT DATE_FORMAT(window_start, '%Y-%m-%d %H:00:00') AS start, SUM(used) AS used FROM msc_quota_usage
      WHERE tenant_id = ${tenantId} AND metric = ${metric} AND grain = 'minute' AND window_start >= ${toSqlDatetime(new Date(firstHour))}
      GROUP BY DATE_FORMAT(window_start, '%Y-%m-%d %H:00:00')`),
    db.execute(sql`
      SELECT window_start AS start, SUM(used) AS used FROM msc_quota_usage
      WHERE tenant_id = ${tenantId} AND metric = ${metric} AND grain = 'day' AND window_start >= ${toSqlDatetime(new Date(firstDay))}
      GROUP BY window_start`),
  ])) as unknown as [Rows<{ start: string; used: string }>, Rows<{ start: string; used: string }>];
  const sums = (rows: Array<{ start: string; used: string }>) => new Map(rows.map((r) => [epochOf(r.start), Number(r.used)]));
  return { hours: fillBuckets(firstHour, CHART_HOURS, MS_PER_HOUR, sums(hourRows)), days: fillBuckets(firstDay, CHART_DAYS, MS_PER_DAY, sums(dayRows)) };
}

/** How many explicit product links the tenant held at the end of each hour and day (links are kept, not counted). */
export async function linkedProductSeries(db: Db, tenantId: number, now: number): Promise<{ hours: Bucket[]; days: Bucket[]; current: number }> {
  const firstHour = Math.floor(now / MS_PER_HOUR) * MS_PER_HOUR - (CHART_HOURS - 1) * MS_PER_HOUR;
  const firstDay = windowStart('day', now).getTime() - (CHART_DAYS - 1) * MS_PER_DAY;
  const [rows] = (await db.execute(sql`
    SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour, COUNT(*) AS n FROM msc_product_link
    WHERE tenant_id = ${tenantId} GROUP BY DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00')`)) as unknown as Rows<{ hour: string; n: string | number }>;
  const added = rows.map((r) => ({ at: epochOf(r.hour), n: Number(r.n) }));
  const current = added.reduce((s, r) => s + r.n, 0);
  const levelAtEndOf = (start: number, stepMs: number) => added.filter((r) => r.at < start + stepMs).reduce((s, r) => s + r.n, 0);
  return {
    hours: Array.from({ length: CHART_HOURS }, (_, i) => firstHour + i * MS_PER_HOUR).map((start) => ({ start, value: levelAtEndOf(start, MS_PER_HOUR) })),
    days: Array.from({ length: CHART_DAYS }, (_, i) => firstDay + i * MS_PER_DAY).map((start) => ({ start, value: levelAtEndOf(start, MS_PER_DAY) })),
    current,
  };
}
