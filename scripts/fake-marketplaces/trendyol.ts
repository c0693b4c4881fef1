import { randomUUID } from 'node:crypto';
import type { FakeHandler } from './server';
import { basicCredentials, fail, ok, route, type FakeState } from './state';

export type TrendyolFakeCredentials = { sellerId: string; apiKey: string; apiSecret: string };

const DAY_MS = 24 * 60 * 60_000;
/** [doc] An identical price-and-inventory body inside 15 minutes is refused. */
const REPEAT_WINDOW_MS = 15 * 60_000;

/** Trendyol: Basic apiKey:apiSecret and a User-Agent on every call [doc]. */
export function trendyolHandler(state: FakeState, creds: TrendyolFakeCredentials): FakeHandler {
  const acceptedBodies = new Map<string, number>();
  return (req) => {
    const basic = basicCredentials(req);
    if (!basic || basic.user !== creds.apiKey || basic.password !== creds.apiSecret) {
      return fail(401, { exception: 'ClientApiAuthenticationException', message: 'Unauthorized' });
    }
    if (!req.headers['user-agent']) return fail(403, { message: 'User-Agent is required' });

    const push = route('/integration/inventory/sellers/{sellerId}/products/price-and-inventory', req.path);
    if (push && req.method === 'POST') {
      if (push.sellerId !== creds.sellerId) return fail(403, { message: 'seller mismatch' });
      const body = req.json() as { items?: Array<{ barcode: string }> };
      const items = body.items ?? [];
      if (items.length === 0 || items.length > 1000) return fail(400, { errors: [{ message: 'items must hold 1 to 1000 entries' }] });
      const seenAt = acceptedBodies.get(req.body);
      if (seenAt !== undefined && state.now() - seenAt < REPEAT_WINDOW_MS) {
        return fail(400, { errors: [{ message: '15 dakika boyunca aynı isteği tekrarlı olarak atamazsınız!' }] });
      }
      acceptedBodies.set(req.body, state.now());
      const batch = state.accept('price-and-inventory', items.map((i) => i.barcode), items, `${randomUUID()}-${Math.floor(state.now() / 1000)}`);
      return ok({ batchRequestId: batch.id });
    }

    const result = route('/integration/product/sellers/{sellerId}/products/batch-requests/{id}', req.path);
    if (result && req.method === 'GET') {
      const batch = state.batch(result.id);
      if (!batch) return fail(404, { message: 'batch request not found' });
      const processing = state.stillProcessing(batch);
      const items = processing
        ? []
        : (batch.items as Array<Record<string, unknown> & { barcode: string }>).map((item) => {
            const reason = state.failSkus.get(item.barcode);
            return { requestItem: { ...item, updateRequestDate: new Date(batch.at).toISOString() }, status: reason ? 'FAILED' : 'SUCCESS', failureReasons: reason ? [reason] : [] };
          });
      return ok({
        batchRequestId: batch.id,
        items,
        creationDate: batch.at,
        lastModification: state.now(),
        sourceType: 'API',
        itemCount: batch.items.length,
        failedItemCount: items.filter((i) => i.status === 'FAILED').length,
        batchRequestType: 'ProductInventoryUpdate',
      });
    }

    const stream = route('/integration/order/sellers/{sellerId}/orders/stream', req.path);
    if (stream && req.method === 'GET') {
      if (stream.sellerId !== creds.sellerId) return fail(403, { message: 'seller mismatch' });
      const start = Number(req.query.get('lastModifiedStartDate') ?? state.now() - 14 * DAY_MS);
      const end = Number(req.query.get('lastModifiedEndDate') ?? state.now());
      if (end - start > 14 * DAY_MS) return fail(400, { message: 'The time range is limited to 2 weeks' });
      const size = Math.min(Number(req.query.get('size') ?? 50), 200);
      const offset = req.query.get('nextCursor') ? Number(Buffer.from(req.query.get('nextCursor')!, 'base64url').toString()) : 0;
      // [doc] lastModifiedDate newest first.
      const matching = state.orders.filter((o) => o.modifiedAt >= start && o.modifiedAt <= end).sort((a, b) => b.modifiedAt - a.modifiedAt);
      const page = matching.slice(offset, offset + size);
      const hasMore = offset + size < matching.length;
      return ok({
        content: page.map((o) => ({ ...o.raw, lastModifiedDate: o.modifiedAt })),
        hasMore,
        nextCursor: hasMore ? Buffer.from(String(offset + size)).toString('base64url') : null,
      });
    }
    return null;
  };
}
