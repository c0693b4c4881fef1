import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { mapPttavmOrder } from '@/lib/marketplaces/pttavm/map-order';
import { pttavmOrderSchema } from '@/lib/marketplaces/pttavm/schema';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, segment, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor, windowEnd } from './cursor';
import { decimalJson, money2 } from './decimal-json';
import { DAY_MS } from './defaults';
import { MarketplaceApiError } from './errors';
import { mapListedOrders, rawId } from './map-orders';
import type { BatchItemResult, BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** [sdk] At most 1,000 items per stock-prices request. */
export const PTTAVM_MAX_BATCH = 1_000;
/** [sdk] The order search spans at most 40 days; one adapter slices by 30. */
const ORDER_WINDOW_MS = 30 * DAY_MS;
/** Orders are searched by date, not by change [sdk]: reach back so line status changes are seen again [inferred]. */
const STATUS_LOOKBACK_MS = 14 * DAY_MS;

const PUSH = '/api/v1/products/stock-prices';
/** [sdk] Adapters disagree on GET or POST; GET is used [inferred]. */
const RESULT = '/api/v1/products/tracking-result/{trackingId}';
const ORDERS = '/api/v1/orders/search';

const pushSchema = z.object({ success: z.boolean(), message: z.string().nullish(), trackingId: z.string().max(80).nullish() });
/**
 * The tracking result's shape is not in the sources [inferred]: `{ success, status, items: [{ barcode,
 * success, message }] }`, with a status other than COMPLETED (or no items yet) read as still processing.
 */
const resultSchema = z.object({
  success: z.boolean(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  items: z.array(z.object({ barcode: z.string(), success: z.boolean(), message: z.string().nullish() })).nullish(),
});
/** [inferred] The search answers a JSON array of orders (the sources show single items only). */
const ordersSchema = z.array(z.unknown());

const cursorSchema = z.object({ from: z.number(), to: z.number(), until: z.number() });

/** PttAVM's REST API: `Api-Key`, `access-token` and a fresh `X-Correlation-Id` on every request [sdk]. */
export function pttavmClient(ctx: ClientContext<'pttavm'>): MarketplaceClient {
  const { account, http, clock } = ctx;
  const headers = () => ({
    'api-key': account.credentials.apiKey,
    'access-token': account.credentials.accessToken,
    'x-correlation-id': randomUUID(),
    accept: 'application/json',
  });
  const refused = (endpoint: string, message: string | null | undefined) =>
    new MarketplaceApiError({ kind: 'client', marketplace: 'pttavm', endpoint, message: `pttavm ${endpoint}: ${message || 'success: false'}`, status: 200 });

  return {
    marketplace: 'pttavm',
    maxBatchSize: PTTAVM_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > PTTAVM_MAX_BATCH) throw new Error(`A PttAVM batch holds 1 to ${PTTAVM_MAX_BATCH} items`);
      // [sdk] The shop's price includes VAT: it is sent as priceWithVAT (the rate stays as listed).
      const body = decimalJson({ items: items.map((i) => ({ barcode: i.sku, quantity: i.quantity, priceWithVAT: money2(i.price) })) });
      const answer = await http.request({
        method: 'POST',
        url: urlOf(ctx, 'api', PUSH),
        endpoint: PUSH,
        headers: { ...headers(), 'content-type': 'application/json' },
        body,
        response: { json: pushSchema },
        unsafe: true,
        rateLimit: bucketOf(ctx, PUSH),
      });
      if (!answer.success || !answer.trackingId) throw refused(PUSH, answer.message);
      await recordBatch(ctx.db, account.id, answer.trackingId, items.map((i) => i.sku), clock.now());
      return { batchId: answer.trackingId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const answer = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', RESULT.replace('{trackingId}', segment(batchId))),
        endpoint: RESULT,
        headers: headers(),
        response: { json: resultSchema },
        rateLimit: bucketOf(ctx, RESULT),
      });
      if (!answer.success) throw refused(RESULT, answer.message);
      const listed = answer.items ?? [];
      if ((answer.status && answer.status.toUpperCase() !== 'COMPLETED') || listed.length === 0) return { state: 'pending' };
      const bySku = new Map(listed.map((item) => [item.barcode, item]));
      const skus = (await batchSkus(ctx.db, account.id, batchId)) ?? listed.map((item) => item.barcode);
      const items: BatchItemResult[] = skus.map((sku) => {
        const item = bySku.get(sku);
        if (!item) return { sku, ok: false, reason: 'not in the tracking result' };
        return item.success ? { sku, ok: true } : { sku, ok: false, reason: item.message || 'refused' };
      });
      return { state: 'done', items };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const untilMs = until?.getTime() ?? clock.now();
      const from = Math.min(since.getTime(), untilMs - STATUS_LOOKBACK_MS);
      const position = cursor ? decodeCursor(cursor, cursorSchema) : { from, to: windowEnd(from, untilMs, ORDER_WINDOW_MS), until: untilMs };
      const orders = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', ORDERS, {
          startDate: new Date(position.from).toISOString(),
          endDate: new Date(position.to).toISOString(),
          isActiveOrders: false,
        }),
        endpoint: ORDERS,
        headers: headers(),
        response: { json: ordersSchema },
        rateLimit: bucketOf(ctx, ORDERS),
      });
      const receivedAt = new Date(clock.now()).toISOString();
      const mapped = mapListedOrders(orders, pttavmOrderSchema, (order) => mapPttavmOrder(order, receivedAt), rawId('siparisNo'));
      // The search is not paged [sdk]: each window is one request.
      const next = position.to < position.until ? { from: position.to, to: windowEnd(position.to, position.until, ORDER_WINDOW_MS), until: position.until } : null;
      return { ...mapped, nextCursor: next ? encodeCursor(next) : null, rawBody: JSON.stringify(orders) };
    },
  };
}
