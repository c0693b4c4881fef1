import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { orderStatusMaps } from '@/lib/db/schema';
import { CANONICAL_ORDER_STATUSES, type CanonicalOrderStatus } from './canonical-events';

/**
 * OpenCart order status for each canonical marketplace status, when the tenant has not chosen one
 * (ids of OpenCart's install data, identical in 3.0 and 4.0). What decides stock is whether the id is
 * in config_processing_status ∪ config_complete_status (by default 1, 2, 3, 5, 12):
 * - created → 1 Pending: what OpenCart's own checkout confirms an order with (COD, free checkout);
 *   Pending is a processing status, so stock drops when the marketplace order arrives, as it would
 *   for a web order.
 * - processing → 2 Processing, shipped → 3 Shipped, delivered → 5 Complete: all hold stock.
 * - cancelled → 7 Canceled: not a processing status, so the stock comes back.
 * - returned → 11 Refunded, not 12 Reversed: the goods came back and the money went back. Reversed is
 *   a payment reversal and sits in the default processing list, so it would keep the stock away.
 * - undelivered → 10 Failed: the parcel could not be delivered and is on its way back; the sale has
 *   failed, so the stock is released as for a cancellation. A shop that would rather hold the stock
 *   until the parcel is in hand maps undelivered to 3 in msc_order_status_map.
 */
export const DEFAULT_ORDER_STATUS_MAP: Readonly<Record<CanonicalOrderStatus, number>> = {
  created: 1,
  processing: 2,
  shipped: 3,
  delivered: 5,
  cancelled: 7,
  returned: 11,
  undelivered: 10,
};

export type OrderStatusMap = Readonly<Record<CanonicalOrderStatus, number>>;

const isCanonicalOrderStatus = (value: string): value is CanonicalOrderStatus =>
  (CANONICAL_ORDER_STATUSES as readonly string[]).includes(value);

/** The tenant's choices over the defaults; rows naming an unknown canonical status are ignored. */
export async function loadOrderStatusMap(db: DbOrTx, tenantId: number): Promise<OrderStatusMap> {
  const rows = await db
    .select({ canonicalStatus: orderStatusMaps.canonicalStatus, ocOrderStatusId: orderStatusMaps.ocOrderStatusId })
    .from(orderStatusMaps)
    .where(eq(orderStatusMaps.tenantId, tenantId));
  const map: Record<CanonicalOrderStatus, number> = { ...DEFAULT_ORDER_STATUS_MAP };
  for (const row of rows) {
    if (isCanonicalOrderStatus(row.canonicalStatus)) map[row.canonicalStatus] = row.ocOrderStatusId;
  }
  return map;
}

/** The canonical statuses an OpenCart status stands for under this map (several when mapped alike). */
export function canonicalStatusesFor(map: OrderStatusMap, ocOrderStatusId: number): CanonicalOrderStatus[] {
  return CANONICAL_ORDER_STATUSES.filter((status) => map[status] === ocOrderStatusId);
}
