import { randomUUID } from 'node:crypto';
import type { FakeHandler } from './server';
import { basicCredentials, fail, ok, parseTurkeyWallClock, route, type FakeState } from './state';

export type HepsiburadaFakeCredentials = { sellerId: string; serviceKey: string };

/** Hepsiburada: Basic merchantId:serviceKey and a mandatory User-Agent [doc]. */
export function hepsiburadaHandler(state: FakeState, creds: HepsiburadaFakeCredentials): FakeHandler {
  return (req) => {
    const basic = basicCredentials(req);
    if (!basic || basic.user !== creds.sellerId || basic.password !== creds.serviceKey) return fail(401, { message: 'Unauthorized' });
    if (!req.headers['user-agent']) return fail(403, { message: 'User-Agent is required' });

    const upload = route('/listings/merchantid/{merchantId}/{kind}', req.path);
    if (upload && req.method === 'POST' && (upload.kind === 'stock-uploads' || upload.kind === 'price-uploads')) {
      if (upload.merchantId !== creds.sellerId) return fail(403, { message: 'merchant mismatch' });
      const items = req.json() as Array<{ merchantSku?: string; hepsiburadaSku?: string }>;
      if (!Array.isArray(items) || items.length === 0) return fail(400, { message: 'a JSON array of items is required' });
      const batch = state.accept(upload.kind, items.map((i) => i.merchantSku ?? i.hepsiburadaSku ?? ''), items, randomUUID());
      return ok({ id: batch.id });
    }

    const result = route('/listings/merchantid/{merchantId}/{kind}/id/{id}', req.path);
    if (result && req.method === 'GET') {
      const batch = state.batch(result.id);
      if (!batch || batch.kind !== result.kind) return fail(404, { message: 'upload not found' });
      const base = { id: batch.id, createdAt: new Date(batch.at).toISOString(), total: batch.items.length };
      if (state.stillProcessing(batch)) return ok({ ...base, status: 'PROCESSING', errors: [] });
      const errors = batch.skus.flatMap((sku, elementNo) => {
        const reason = state.failSkus.get(sku);
        return reason ? [{ elementNo, hepsiburadaSku: null, merchantSku: sku, errors: [reason] }] : [];
      });
      return ok({ ...base, status: errors.length ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED', errors });
    }

    const packages = route('/packages/merchantid/{merchantId}', req.path);
    if (packages && req.method === 'GET') {
      if (packages.merchantId !== creds.sellerId) return fail(403, { message: 'merchant mismatch' });
      const offset = req.query.get('offset');
      const limit = req.query.get('limit');
      if (offset === null || limit === null) return fail(400, { message: 'Bad Request limit and offset parameters are required' });
      const begin = parseTurkeyWallClock(req.query.get('begindate')) ?? 0;
      const end = parseTurkeyWallClock(req.query.get('enddate')) ?? Number.MAX_SAFE_INTEGER;
      const matching = state.orders.filter((o) => o.modifiedAt >= begin && o.modifiedAt <= end + 59_999);
      const items = matching.slice(Number(offset), Number(offset) + Number(limit)).map((o) => o.raw);
      return ok({ totalCount: matching.length, limit: Number(limit), offset: Number(offset), pageCount: Math.ceil(matching.length / Number(limit)), items });
    }
    return null;
  };
}
