import { randomUUID } from 'node:crypto';
import type { FakeHandler } from './server';
import { basicCredentials, fail, ok, parseTurkeyWallClock, route, type FakeState } from './state';

export type PazaramaFakeCredentials = { clientId: string; clientSecret: string };

const DAY_MS = 24 * 60 * 60_000;
const wrap = (data: unknown, extra: Record<string, unknown> = {}) => ({ data, success: true, messageCode: null, message: null, userMessage: null, fromCache: false, ...extra });

/** Pazarama: OAuth client credentials at /connect/token, Bearer tokens on the API [doc]. */
export function pazaramaHandler(state: FakeState, creds: PazaramaFakeCredentials): FakeHandler {
  return (req) => {
    if (req.path === '/connect/token' && req.method === 'POST') {
      const basic = basicCredentials(req);
      const form = new URLSearchParams(req.body);
      if (!basic || basic.user !== creds.clientId || basic.password !== creds.clientSecret || form.get('grant_type') !== 'client_credentials') {
        return fail(400, { error: 'invalid_client' });
      }
      const token = randomUUID();
      state.tokens.add(token);
      return ok({ data: { accessToken: token, expiresIn: 3600 }, success: true });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!bearer || !state.tokens.has(bearer[1]!)) return { status: 401, text: '' };

    if ((req.path === '/product/updateStock-v2' || req.path === '/product/updatePrice-v2') && req.method === 'POST') {
      const items = (req.json() as { items?: Array<{ code: string }> }).items ?? [];
      if (items.length === 0 || items.length > 3000) return ok({ ...wrap(null), success: false, message: 'items must hold 1 to 3000 entries' });
      const kind = req.path.includes('Stock') ? 'stock' : 'price';
      const batch = state.accept(kind, items.map((i) => i.code), items);
      return ok(wrap(batch.id, { message: 'Fiyat/Stok güncelleme işleminiz sıraya alındı.' }));
    }

    const result = route('/listing-state/batch-id/{dataId}/lake-projections', req.path);
    if (result && req.method === 'GET') {
      const batch = state.batch(result.dataId);
      if (!batch) return ok({ ...wrap([]), success: false, message: 'batch not found' });
      const processing = state.stillProcessing(batch);
      const data = batch.skus.map((code, i) => {
        const failure = state.failSkus.get(code);
        const status = processing ? 3 : failure ? 1 : 0;
        const operation = { status, operationDetail: processing ? 'İşleniyor' : failure ?? 'Başarılı' };
        const item = batch.items[i] as { stockCount?: number; listPrice?: number; salePrice?: number };
        return {
          code,
          stock: batch.kind === 'stock' ? { ...operation, count: item.stockCount } : null,
          price: batch.kind === 'price' ? { ...operation, listPrice: item.listPrice, salePrice: item.salePrice } : null,
          operationSourceText: 'MerchantApi',
          operationStatusText: processing ? 'İşleniyor' : failure ? 'Tamamlanamadı' : 'Başarılı',
        };
      });
      const count = (s: number) => data.filter((d) => (d.stock ?? d.price)!.status === s).length;
      return ok({ pageIndex: 1, pageSize: 3000, totalPages: 1, totalCount: data.length, ...wrap(data), successCount: count(0), notCompletedCount: count(1), failedCount: 0, processingCount: count(3) });
    }

    if (req.path === '/order/getOrdersForApi' && req.method === 'POST') {
      const body = req.json() as { pageSize?: number; pageNumber?: number; startDate?: string; endDate?: string };
      const start = parseTurkeyWallClock(body.startDate ?? null);
      const end = parseTurkeyWallClock(body.endDate ?? null);
      if (start === null || end === null) return ok({ ...wrap(null), success: false, message: 'startDate and endDate are required' });
      if (end - start > 31 * DAY_MS) return ok({ ...wrap(null), success: false, message: 'the range is at most one month' });
      const size = Math.min(body.pageSize ?? 100, 500);
      const page = Math.max(1, body.pageNumber ?? 1);
      // [doc] Orders are found by order date.
      const matching = state.orders.filter((o) => o.createdAt >= start && o.createdAt < end + 60_000);
      return ok(wrap(matching.slice((page - 1) * size, page * size).map((o) => o.raw), { messageCode: 'ORD0' }));
    }
    return null;
  };
}
