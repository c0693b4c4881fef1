import { sql } from 'drizzle-orm';
import { normalizeMoney } from '@/lib/shop/money';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { countedOrdersWhere } from './counted-orders';
import { reportingWindow } from './reporting-window';

export type SalesPeriod = {
  orders: number;
  /** Sum of `oc_order.total`, a `decimal(15,4)` string in the store's default currency. */
  revenue: string;
};

export type SalesSummary = {
  /** `config_currency`: OpenCart stores `oc_order.total` in the default currency. */
  currencyCode: string;
  today: SalesPeriod;
  /** Today and the 6 calendar day (shop time zone)s before it. */
  last7Days: SalesPeriod;
  /** Today and the 29 calendar day (shop time zone)s before it. */
  last30Days: SalesPeriod;
};

export type SalesSummaryOptions = { settings: StoreSettings; now: Date };

const NO_SALES: SalesPeriod = { orders: 0, revenue: '0.0000' };

/** Order count and revenue for today, the last 7 and the last 30 calendar day (shop time zone)s. */
export async function getSalesSummary(tdb: TenantDb, { settings, now }: SalesSummaryOptions): Promise<SalesSummary> {
  const window = reportingWindow(now, settings.timezone);
  const where = countedOrdersWhere(tdb, settings, { start: window.monthStart, end: window.end });
  if (!where) {
    return { currencyCode: settings.currencyCode, today: NO_SALES, last7Days: NO_SALES, last30Days: NO_SALES };
  }

  const o = tdb.oc.order;
  const ordersSince = (start: string) =>
    sql<number>`COUNT(CASE WHEN ${o.dateAdded} >= ${start} THEN 1 END)`.mapWith(Number);
  const revenueSince = (start: string) =>
    sql<string>`COALESCE(SUM(CASE WHEN ${o.dateAdded} >= ${start} THEN ${o.total} END), 0)`.mapWith(String);

  const [row] = await tdb.db
    .select({
      todayOrders: ordersSince(window.todayStart),
      todayRevenue: revenueSince(window.todayStart),
      weekOrders: ordersSince(window.weekStart),
      weekRevenue: revenueSince(window.weekStart),
      monthOrders: sql<number>`COUNT(*)`.mapWith(Number),
      monthRevenue: sql<string>`COALESCE(SUM(${o.total}), 0)`.mapWith(String),
    })
    .from(o)
    .where(where);
  if (!row) {
    return { currencyCode: settings.currencyCode, today: NO_SALES, last7Days: NO_SALES, last30Days: NO_SALES };
  }

  return {
    currencyCode: settings.currencyCode,
    today: { orders: row.todayOrders, revenue: normalizeMoney(row.todayRevenue) },
    last7Days: { orders: row.weekOrders, revenue: normalizeMoney(row.weekRevenue) },
    last30Days: { orders: row.monthOrders, revenue: normalizeMoney(row.monthRevenue) },
  };
}
