import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/**
 * The orders that count as sales: the tenant's store, placed in [start, end), with an
 * `order_status_id` in `config_processing_status` ∪ `config_complete_status`. That union is where
 * OpenCart's `addOrderHistory` treats an order as placed (stock subtracted, coupons and rewards
 * confirmed); leaving it (Canceled, Refunded, status 0 "missing") undoes that.
 * Undefined when no status counts, so callers return zeros without a query.
 */
export function countedOrdersWhere(
  tdb: TenantDb,
  settings: StoreSettings,
  range: { start: string; end: string },
): SQL | undefined {
  if (settings.countedStatusIds.length === 0) return undefined;
  const o = tdb.oc.order;
  return and(
    eq(o.storeId, tdb.tenant.storeId),
    inArray(o.orderStatusId, settings.countedStatusIds),
    gte(o.dateAdded, range.start),
    lt(o.dateAdded, range.end),
  );
}
