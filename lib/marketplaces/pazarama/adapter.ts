import type { MarketplaceAdapter } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapPazaramaOrder } from './map-order';
import { parsePazaramaOrders } from './schema';

/**
 * Pazarama documents no webhooks [doc]: its channel is the order pull. This adapter takes what
 * `POST /order/getOrdersForApi` returns (the wrapped list, or one order), pushed by the pull job or a
 * relay, so both feed the same idempotent import.
 */
export const pazaramaAdapter: MarketplaceAdapter = {
  marketplace: 'pazarama',
  authTypes: ['apikey', 'basic'],
  parse(body, request) {
    const orders = parsePazaramaOrders(body);
    if (!orders.success) return { ok: false, issues: orders.error.issues };
    const receivedAt = request.receivedAt.toISOString();
    return checkCanonicalEvents(orders.data.flatMap((order) => mapPazaramaOrder(order, receivedAt)));
  },
};
