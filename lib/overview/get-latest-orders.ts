import { and, desc, eq, gt } from 'drizzle-orm';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import { convertMoney } from '@/lib/shop/money';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';

export const LATEST_ORDERS_LIMIT = 10;

export type LatestOrder = {
  orderId: number;
  customerName: string;
  orderStatusId: number;
  /** In the store's language; null when the status has no name in that language. */
  statusName: string | null;
  /** What the customer paid, in the order's own currency: `total * currency_value`. */
  total: string;
  currencyCode: string;
  /** `YYYY-MM-DD HH:MM:SS`, the shop's wall-clock time (config_timezone). */
  dateAdded: string;
};

export type LatestOrdersOptions = { settings: StoreSettings; limit?: number };

/**
 * The store's newest orders, newest first. Status 0 marks a "missing" order (checkout started,
 * never confirmed), which OpenCart's own order list hides too.
 */
export async function getLatestOrders(
  tdb: TenantDb,
  { settings, limit = LATEST_ORDERS_LIMIT }: LatestOrdersOptions,
): Promise<LatestOrder[]> {
  const { order: o, orderStatus: s } = tdb.oc;
  const rows = await tdb.db
    .select({
      orderId: o.orderId,
      firstname: o.firstname,
      lastname: o.lastname,
      orderStatusId: o.orderStatusId,
      statusName: s.name,
      total: o.total,
      currencyCode: o.currencyCode,
      currencyValue: o.currencyValue,
      dateAdded: o.dateAdded,
    })
    .from(o)
    .leftJoin(s, and(eq(s.orderStatusId, o.orderStatusId), eq(s.languageId, settings.languageId)))
    .where(and(eq(o.storeId, tdb.tenant.storeId), gt(o.orderStatusId, 0)))
    .orderBy(desc(o.dateAdded), desc(o.orderId))
    .limit(limit);

  return rows.map((row) => ({
    orderId: row.orderId,
    customerName: decodeHtmlEntities(`${row.firstname} ${row.lastname}`.trim()),
    orderStatusId: row.orderStatusId,
    statusName: row.statusName === null ? null : decodeHtmlEntities(row.statusName),
    total: convertMoney(row.total, row.currencyValue),
    currencyCode: row.currencyCode,
    dateAdded: row.dateAdded,
  }));
}
