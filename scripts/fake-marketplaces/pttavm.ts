import { randomUUID } from 'node:crypto';
import type { FakeHandler } from './server';
import { fail, ok, route, type FakeState } from './state';

export type PttavmFakeCredentials = { apiKey: string; accessToken: string };

const DAY_MS = 24 * 60 * 60_000;
/** [sdk] The same stock-prices request is refused inside 5 minutes. */
const REPEAT_WINDOW_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PttAVM REST: `Api-Key`, `access-token` and a fresh `X-Correlation-Id` per request [sdk]. */
export function pttavmHandler(state: FakeState, creds: PttavmFakeCredentials): FakeHandler {
  const correlationIds = new Set<string>();
  const acceptedBodies = new Map<string, number>();
  return (req) => {
    if (req.headers['api-key'] !== creds.apiKey || req.headers['access-token'] !== creds.accessToken) {
      return fail(401, { success: false, message: 'Unauthorized' });
    }
    const correlationId = req.headers['x-correlation-id'] ?? '';
    if (!UUID.test(correlationId) || correlationIds.has(correlationId)) {
      return fail(400, { success: false, message: 'X-Correlation-Id must be a new UUID on every request' });
    }
    correlationIds.add(correlationId);

    if (req.path === '/api/v1/products/stock-prices' && req.method === 'POST') {
      const items = (req.json() as { items?: Array<{ barcode: string }> }).items ?? [];
      if (items.length === 0 || items.length > 1000) return fail(400, { success: false, message: 'items must hold 1 to 1000 entries' });
      const seenAt = acceptedBodies.get(req.body);
      if (seenAt !== undefined && state.now() - seenAt < REPEAT_WINDOW_MS) {
        return fail(400, { success: false, message: 'Aynı istek 5 dakika içinde tekrar gönderilemez' });
      }
      acceptedBodies.set(req.body, state.now());
      const batch = state.accept('stock-prices', items.map((i) => i.barcode), items, randomUUID());
      return ok({ success: true, message: 'İşlem kuyruğa alındı', trackingId: batch.id, countOfProductsToBeProcessed: items.length });
    }

    const result = route('/api/v1/products/tracking-result/{trackingId}', req.path);
    if (result && req.method === 'GET') {
      const batch = state.batch(result.trackingId);
      if (!batch) return fail(404, { success: false, message: 'tracking id not found' });
      if (state.stillProcessing(batch)) return ok({ success: true, status: 'PROCESSING', items: [] });
      return ok({
        success: true,
        status: 'COMPLETED',
        items: batch.skus.map((barcode) => {
          const failure = state.failSkus.get(barcode);
          return { barcode, success: !failure, message: failure ?? null };
        }),
      });
    }

    if (req.path === '/api/v1/orders/search' && req.method === 'GET') {
      const start = Date.parse(req.query.get('startDate') ?? '');
      const end = Date.parse(req.query.get('endDate') ?? '');
      if (Number.isNaN(start) || Number.isNaN(end)) return fail(400, { success: false, message: 'startDate and endDate are required' });
      if (end - start > 40 * DAY_MS) return fail(400, { success: false, message: 'the range is at most 40 days' });
      return ok(state.orders.filter((o) => o.createdAt >= start && o.createdAt <= end).map((o) => o.raw));
    }
    return null;
  };
}
