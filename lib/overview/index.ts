import { getStoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { getDailyRevenue, type DailyRevenuePoint } from './get-daily-revenue';
import { getLatestOrders, type LatestOrder } from './get-latest-orders';
import { getLowStockProducts, LOW_STOCK_THRESHOLD, type LowStockProduct } from './get-low-stock-products';
import { getSalesSummary, type SalesSummary } from './get-sales-summary';

export type Overview = {
  /** The store's default currency: the one `sales` and `dailyRevenue` are in. */
  currencyCode: string;
  /** config_timezone: the days of every period are calendar days there. */
  timezone: string;
  sales: SalesSummary;
  dailyRevenue: DailyRevenuePoint[];
  latestOrders: LatestOrder[];
  lowStock: { threshold: number; products: LowStockProduct[] };
};

export type OverviewOptions = { now?: Date; lowStockThreshold?: number };

/** Everything the overview page shows for one tenant's store. */
export async function getOverview(
  tdb: TenantDb,
  { now = new Date(), lowStockThreshold = LOW_STOCK_THRESHOLD }: OverviewOptions = {},
): Promise<Overview> {
  const settings = await getStoreSettings(tdb);
  const [sales, dailyRevenue, latestOrders, lowStockProducts] = await Promise.all([
    getSalesSummary(tdb, { settings, now }),
    getDailyRevenue(tdb, { settings, now }),
    getLatestOrders(tdb, { settings }),
    getLowStockProducts(tdb, { settings, threshold: lowStockThreshold }),
  ]);
  return {
    currencyCode: settings.currencyCode,
    timezone: settings.timezone,
    sales,
    dailyRevenue,
    latestOrders,
    lowStock: { threshold: lowStockThreshold, products: lowStockProducts },
  };
}

export type { DailyRevenuePoint } from './get-daily-revenue';
export type { LatestOrder } from './get-latest-orders';
export type { LowStockProduct } from './get-low-stock-products';
export type { SalesPeriod, SalesSummary } from './get-sales-summary';
export { LATEST_ORDERS_LIMIT } from './get-latest-orders';
export { LOW_STOCK_LIMIT, LOW_STOCK_THRESHOLD } from './get-low-stock-products';
export { REPORT_DAYS } from './reporting-window';
