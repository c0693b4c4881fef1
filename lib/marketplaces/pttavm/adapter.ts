import type { MarketplaceAdapter } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapPttavmOrder } from './map-order';
import { parsePttavmOrders } from './schema';

/**
 * PttAVM documents no webhooks: its channel is the order pull [sdk]. This adapter takes what the
 * REST order search returns (a list, or one order), pushed by the pull job or a relay, so both feed
 * the same idempotent import.
 */
export const pttavmAdapter: MarketplaceAdapter = {
  marketplace: 'pttavm',
  authTypes: ['apikey', 'basic'],
  parse(body, request) {
    const orders = parsePttavmOrders(body);
    if (!orders.success) return { ok: false, issues: orders.error.issues };
    const receivedAt = request.receivedAt.toISOString();
    return checkCanonicalEvents(orders.data.flatMap((order) => mapPttavmOrder(order, receivedAt)));
  },
};
