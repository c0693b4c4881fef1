import { eq, sql } from 'drizzle-orm';
import { marketplaceOrders } from '@/lib/db/schema';
import { addOrderHistory } from '@/lib/orders/add-order-history';
import { shouldApplyMarketplaceStatus } from '@/lib/orders/marketplace-status-progression';
import { toOpenCartText } from '@/lib/orders/opencart-text';
import { toShopDateTime } from '@/lib/orders/shop-clock';
import type { CanonicalEventOf } from '../canonical-events';
import { canonicalStatusesFor } from '../status-map';
import type { ApplyContext } from './apply-context';
import { needsAction, tryAgainLater } from './apply-error';
import { readOrderLink } from './apply-order-created';
import { MARKETPLACE_CHANNEL_NAMES } from './marketplace-channels';

/**
 * order.status_changed through OpenCart's own stock rule (addOrderHistory), under the order's lock so
 * that it cannot interleave with the order's creation or another status of the same order.
 * - The order not imported yet: retried with backoff (its order.created may still be on its way).
 * - A late or repeated status (shouldApplyMarketplaceStatus): nothing is written, the event is done.
 *   "shipped" after "cancelled" therefore neither moves the order back nor takes the stock again.
 * - The order already at the target status (a crash after the status UPDATE): the missing history
 *   row is completed, and nothing else moves.
 */
export async function applyOrderStatusChanged(ctx: ApplyContext, event: CanonicalEventOf<'order.status_changed'>): Promise<void> {
  const { account } = ctx;
  await ctx.orderLock.acquire(account.id, event.externalOrderId);
  const link = await readOrderLink(ctx.tx, account.id, event.externalOrderId);
  if (link?.ocOrderId == null) {
    throw tryAgainLater(
      `Order ${event.externalOrderId} of account ${account.id} is not in OpenCart yet: its order.created has not been applied`,
    );
  }
  const shop = await ctx.shop();
  const { tdb, settings, charset } = shop.order;
  const [order] = await tdb.db
    .select({ orderStatusId: tdb.oc.order.orderStatusId })
    .from(tdb.oc.order)
    .where(eq(tdb.oc.order.orderId, link.ocOrderId));
  if (!order) {
    throw needsAction(`OpenCart order ${link.ocOrderId} (marketplace order ${event.externalOrderId}) no longer exists in the shop`);
  }

  const targetStatusId = shop.statusMap[event.status];
  const atTarget = order.orderStatusId === targetStatusId;
  if (!atTarget && !shouldApplyMarketplaceStatus(canonicalStatusesFor(shop.statusMap, order.orderStatusId), event.status)) return;

  const channel = MARKETPLACE_CHANNEL_NAMES[account.marketplace];
  const result = await addOrderHistory(
    tdb,
    {
      orderId: link.ocOrderId,
      fromStatusId: order.orderStatusId,
      toStatusId: targetStatusId,
      comment: toOpenCartText(`${channel}: ${event.marketplaceStatus}`, 1_000, charset),
      dateAdded: toShopDateTime(new Date(event.occurredAt), settings.timezone),
      dateModified: toShopDateTime(ctx.now, settings.timezone),
      countedStatusIds: settings.countedStatusIds,
    },
    { afterStatusUpdate: () => ctx.afterStep?.('status_updated', ctx.event) },
  );
  if (result.outcome === 'conflict') {
    throw tryAgainLater(`OpenCart order ${link.ocOrderId} changed status while this event was applied`);
  }
  await ctx.tx
    .update(marketplaceOrders)
    .set({ marketplaceStatus: event.marketplaceStatus, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(marketplaceOrders.id, link.id));
}
