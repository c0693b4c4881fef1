import { z } from 'zod';
import { mapN11Package } from '@/lib/marketplaces/n11/map-package';
import { n11PackageSchema } from '@/lib/marketplaces/n11/schema';
import { N11_PACKAGE_STATUSES } from '@/lib/marketplaces/n11/status';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor, windowEnd } from './cursor';
import { decimalJson, money2 } from './decimal-json';
import { DAY_MS } from './defaults';
import { MarketplaceApiError } from './errors';
import { mapListedOrders, rawId } from './map-orders';
import type { BatchItemResult, BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** [doc] At most 1,000 SKUs per price-stock task. */
export const N11_MAX_BATCH = 1_000;
/** [doc] Ranges are silently clipped to about 15 days; 14 keeps clear of the edge. Pages hold at most 100. */
const ORDER_WINDOW_MS = 14 * DAY_MS;
const ORDER_PAGE_SIZE = 100;
const TASK_PAGE_SIZE = 1_000;
/** [doc] One status per request: every status is asked for in turn. */
const ORDER_STATUSES = Object.keys(N11_PACKAGE_STATUSES);

const PUSH = '/ms/product/tasks/price-stock-update';
const TASK = '/ms/product/task-details/page-query';
const ORDERS = '/rest/delivery/v1/shipmentPackages';

const taskSchema = z.object({ id: z.union([z.int(), z.string().min(1)]), status: z.string(), reasons: z.array(z.string()).nullish() });
const taskDetailsSchema = z.object({
  status: z.string(),
  reasons: z.array(z.string()).nullish(),
  skus: z
    .object({
      content: z.array(z.object({ itemCode: z.string(), status: z.string(), reasons: z.array(z.string()).nullish() })),
      totalPages: z.int().nullish(),
    })
    .nullish(),
});
/** [doc] `/rest` failures come with HTTP 200 as `{ status: "failure", errorCode, errorMessage }`. */
const ordersSchema = z.union([
  z.object({ content: z.array(z.unknown()).max(ORDER_PAGE_SIZE), totalPages: z.int().nullish() }),
  z.object({ status: z.literal('failure'), errorCode: z.unknown().optional(), errorMessage: z.string().nullish() }),
]);

const cursorSchema = z.object({ from: z.number(), to: z.number(), until: z.number(), status: z.int().nonnegative(), page: z.int().nonnegative() });

/** N11's REST API: `appkey` and `appsecret` headers [doc]; failures may arrive with HTTP 200 [doc]. */
export function n11Client(ctx: ClientContext<'n11'>): MarketplaceClient {
  const { account, http } = ctx;
  const headers = { appkey: account.credentials.appKey, appsecret: account.credentials.appSecret, accept: 'application/json' };
  const refused = (endpoint: string, message: string) =>
    new MarketplaceApiError({ kind: 'client', marketplace: 'n11', endpoint, message: `n11 ${endpoint}: ${message}`, status: 200 });

  const taskPage = (taskId: string, page: number) =>
    http.request({
      method: 'POST',
      url: urlOf(ctx, 'api', TASK),
      endpoint: TASK,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ taskId: /^\d+$/.test(taskId) ? Number(taskId) : taskId, pageable: { page, size: TASK_PAGE_SIZE } }),
      response: { json: taskDetailsSchema },
      rateLimit: bucketOf(ctx, TASK),
    });

  return {
    marketplace: 'n11',
    maxBatchSize: N11_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > N11_MAX_BATCH) throw new Error(`An N11 task holds 1 to ${N11_MAX_BATCH} SKUs`);
      // [doc] A price needs list and sale price together, dot decimal, exactly two decimals, currency TL.
      const body = decimalJson({
        payload: {
          integrator: account.apiOptions.integrator || 'MesChainSync',
          skus: items.map((item) => ({
            stockCode: item.sku,
            quantity: item.quantity,
            listPrice: money2(item.listPrice ?? item.price),
            salePrice: money2(item.price),
            currencyType: item.currency === 'TRY' ? 'TL' : item.currency,
          })),
        },
      });
      const task = await http.request({
        method: 'POST',
        url: urlOf(ctx, 'api', PUSH),
        endpoint: PUSH,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        response: { json: taskSchema },
        unsafe: true,
        rateLimit: bucketOf(ctx, PUSH),
      });
      if (task.status === 'REJECT') throw refused(PUSH, `the task was rejected (${(task.reasons ?? []).join('; ') || 'no reason given'})`);
      const batchId = String(task.id);
      await recordBatch(ctx.db, account.id, batchId, items.map((i) => i.sku), ctx.clock.now());
      return { batchId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const first = await taskPage(batchId, 0);
      if (first.status === 'IN_QUEUE' || first.status === 'PROCESSING') return { state: 'pending' };
      const items: BatchItemResult[] = [];
      const pages = first.skus?.totalPages ?? 1;
      for (let page = 0; page < pages; page++) {
        const details = page === 0 ? first : await taskPage(batchId, page);
        for (const sku of details.skus?.content ?? []) {
          items.push(sku.status === 'SUCCESS' ? { sku: sku.itemCode, ok: true } : { sku: sku.itemCode, ok: false, reason: (sku.reasons ?? []).join('; ') || sku.status });
        }
      }
      if (first.status === 'REJECT' && items.length === 0) {
        // A task rejected whole names no SKU: every SKU it carried failed for the task's reasons.
        const reason = (first.reasons ?? []).join('; ') || 'task rejected';
        const skus = (await batchSkus(ctx.db, account.id, batchId)) ?? [];
        return { state: 'done', items: skus.map((sku) => ({ sku, ok: false, reason })) };
      }
      return { state: 'done', items };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const untilMs = until?.getTime() ?? ctx.clock.now();
      const position = cursor
        ? decodeCursor(cursor, cursorSchema)
        : { from: since.getTime(), to: windowEnd(since.getTime(), untilMs, ORDER_WINDOW_MS), until: untilMs, status: 0, page: 0 };
      const response = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', ORDERS, {
          status: ORDER_STATUSES[position.status],
          startDate: position.from,
          endDate: position.to,
          page: position.page,
          size: ORDER_PAGE_SIZE,
          orderByDirection: 'ASC',
        }),
        endpoint: ORDERS,
        headers,
        response: { json: ordersSchema },
        rateLimit: bucketOf(ctx, ORDERS),
      });
      if ('status' in response) throw refused(ORDERS, `the listing failed (${response.errorMessage ?? 'no message'})`);
      const mapped = mapListedOrders(response.content, n11PackageSchema, mapN11Package, rawId('id'));
      // [doc] Stop on an empty page; also when the last of `totalPages` was read.
      const lastPage = response.content.length === 0 || (response.totalPages != null && position.page + 1 >= response.totalPages);
      let next: z.infer<typeof cursorSchema> | null = null;
      if (!lastPage) next = { ...position, page: position.page + 1 };
      else if (position.status + 1 < ORDER_STATUSES.length) next = { ...position, status: position.status + 1, page: 0 };
      else if (position.to < position.until) {
        next = { from: position.to, to: windowEnd(position.to, position.until, ORDER_WINDOW_MS), until: position.until, status: 0, page: 0 };
      }
      return { ...mapped, nextCursor: next ? encodeCursor(next) : null, rawBody: JSON.stringify(response.content) };
    },
  };
}
