import type { FakeHandler } from './server';
import { fail, ok, type FakeState } from './state';

export type N11FakeCredentials = { appKey: string; appSecret: string };

const DAY_MS = 24 * 60 * 60_000;
/** [doc] Price fields must have exactly two decimals, written as a JSON number. */
const PRICE_FIELD = /"(listPrice|salePrice)":\s*(-?[\d.]+)/g;

/** N11: `appkey`/`appsecret` headers [doc]; failures may come with HTTP 200 [doc]. */
export function n11Handler(state: FakeState, creds: N11FakeCredentials): FakeHandler {
  let nextTaskId = 91_000_001;
  const rejected = new Map<number, string>();
  return (req) => {
    if (req.headers.appkey !== creds.appKey || req.headers.appsecret !== creds.appSecret) {
      return fail(401, { errors: [{ reason: 'Unauthorized' }] });
    }

    if (req.path === '/ms/product/tasks/price-stock-update' && req.method === 'POST') {
      const body = req.json() as { payload?: { integrator?: string; skus?: Array<{ stockCode: string; currencyType?: string }> } };
      const skus = body.payload?.skus ?? [];
      const id = nextTaskId++;
      const badPrice = [...req.body.matchAll(PRICE_FIELD)].find((m) => !/^-?\d+\.\d{2}$/.test(m[2]!));
      const badCurrency = skus.find((s) => s.currencyType !== undefined && s.currencyType !== 'TL');
      const reason =
        !body.payload?.integrator ? 'integrator is required' :
        skus.length === 0 || skus.length > 1000 ? 'skus must hold 1 to 1000 entries' :
        badPrice ? `${badPrice[1]} must have exactly two decimals` :
        badCurrency ? 'currencyType must be TL' : null;
      if (reason) {
        rejected.set(id, reason);
        return ok({ id, type: 'SKU_UPDATE', status: 'REJECT', reasons: [reason] });
      }
      state.accept('price-stock-update', skus.map((s) => s.stockCode), skus, String(id));
      return ok({ id, type: 'SKU_UPDATE', status: 'IN_QUEUE', reasons: [] });
    }

    if (req.path === '/ms/product/task-details/page-query' && req.method === 'POST') {
      const body = req.json() as { taskId: number; pageable?: { page?: number; size?: number } };
      const reason = rejected.get(Number(body.taskId));
      if (reason) return ok({ taskId: body.taskId, status: 'REJECT', reasons: [reason], skus: { content: [], totalPages: 0 } });
      const batch = state.batch(String(body.taskId));
      if (!batch) return fail(404, { errors: [{ reason: 'task not found' }] });
      if (state.stillProcessing(batch)) return ok({ taskId: body.taskId, status: 'IN_QUEUE', skus: { content: [], totalPages: 0 } });
      const size = body.pageable?.size ?? 1000;
      const page = body.pageable?.page ?? 0;
      const content = batch.skus.slice(page * size, page * size + size).map((sku) => {
        const failure = state.failSkus.get(sku);
        return { itemCode: sku, status: failure ? 'FAIL' : 'SUCCESS', reasons: failure ? [failure] : [] };
      });
      return ok({ taskId: body.taskId, status: 'PROCESSED', skus: { content, totalPages: Math.max(1, Math.ceil(batch.skus.length / size)), page, size } });
    }

    if (req.path === '/rest/delivery/v1/shipmentPackages' && req.method === 'GET') {
      const status = req.query.get('status');
      if (!status || status.includes(',')) return ok({ code: 'INVALID', status: 'failure', errorCode: 'SELLER_API.invalidStatus', errorMessage: 'one status is required' });
      let start = Number(req.query.get('startDate') ?? 0);
      const end = Number(req.query.get('endDate') ?? state.now());
      // [doc] A range over about 15 days is clipped silently.
      start = Math.max(start, end - 15 * DAY_MS);
      const size = Math.min(Number(req.query.get('size') ?? 100), 100);
      const page = Number(req.query.get('page') ?? 0);
      const matching = state.orders.filter(
        (o) => String(o.raw.shipmentPackageStatus).trim().toLowerCase() === status.toLowerCase() && o.modifiedAt >= start && o.modifiedAt <= end,
      );
      const content = matching.slice(page * size, page * size + size).map((o) => ({ ...o.raw, lastModifiedDate: o.modifiedAt }));
      const totalPages = Math.ceil(matching.length / size);
      return ok({ pageCount: content.length, totalPages, page, size, content });
    }
    return null;
  };
}
