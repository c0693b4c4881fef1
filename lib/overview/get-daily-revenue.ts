import { sql } from 'drizzle-orm';
import { normalizeMoney } from '@/lib/shop/money';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { countedOrdersWhere } from './counted-orders';
import { reportingWindow } from './reporting-window';

export type DailyRevenuePoint = {
  /** calendar day (shop time zone), `YYYY-MM-DD`. */
  date: string;
  /** `decimal(15,4)` string in the store's default currency. */
  revenue: string;
  orders: number;
};

export type DailyRevenueOptions = { settings: StoreSettings; now: Date };

/** One point per day (shop time zone) for the last 30 days (today included), oldest first; days without sales are zero. */
export async function getDailyRevenue(tdb: TenantDb, { settings, now }: DailyRevenueOptions): Promise<DailyRevenuePoint[]> {
  const window = reportingWindow(now, settings.timezone);
  const where = countedOrdersWhere(tdb, settings, { start: window.monthStart, end: window.end });
  const byDay = new Map<string, { revenue: string; orders: number }>();

  if (where) {
    const o = tdb.oc.order;
    const day = sql<string>`DATE_FORMAT(${o.dateAdded}, '%Y-%m-%d')`.mapWith(String);
    const rows = await tdb.db
      .select({
        day,
        orders: sql<number>`COUNT(*)`.mapWith(Number),
        revenue: sql<string>`SUM(${o.total})`.mapWith(String),
      })
      .from(o)
      .where(where)
      .groupBy(day);
    for (const row of rows) byDay.set(row.day, { revenue: normalizeMoney(row.revenue), orders: row.orders });
  }

  return window.days.map((date) => ({ date, ...(byDay.get(date) ?? { revenue: '0.0000', orders: 0 }) }));
}
