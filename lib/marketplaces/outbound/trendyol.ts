import { z } from 'zod';
import { mapTrendyolPackage } from '@/lib/marketplaces/trendyol/map-package';
import { trendyolPackageSchema } from '@/lib/marketplaces/trendyol/schema';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, segment, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor, windowEnd } from './cursor';
import { money2, decimalJson } from './decimal-json';
import { DAY_MS } from './defaults';
import { mapListedOrders, rawId } from './map-orders';
import { basicAuth } from './redact';
import type { BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** [doc] At most 1,000 items per price-and-inventory request. */
export const TRENDYOL_MAX_BATCH = 1_000;
/** [doc] The order stream answers at most 14 days of modifications per query, 200 packages a page. */
const ORDER_WINDOW_MS = 14 * DAY_MS;
const ORDER_PAGE_SIZE = 200;

const PUSH = '/integration/inventory/sellers/{sellerId}/products/price-and-inventory';
const BATCH = '/integration/product/sellers/{sellerId}/products/batch-requests/{batchRequestId}';
/** [doc for the semantics; path from an SDK] getShipmentPackagesStream, recommended for periodic polling. */
const ORDERS = '/integration/order/sellers/{sellerId}/orders/stream';

const pushResponseSchema = z.object({ batchRequestId: z.string().min(1).max(191) });

/**
 * [doc] Since 09.05.2025 the result has no top-level status: every item carries SUCCESS or FAILED
 * with its reasons once processed. An older-style `status` is still read when present.
 */
const batchResultSchema = z.object({
  status: z.string().nullish(),
  itemCount: z.int().nullish(),
  items: z
    .array(
      z.object({
        requestItem: z.looseObject({ barcode: z.string() }),
        status: z.string(),
        failureReasons: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

const streamSchema = z.object({
  content: z.array(z.unknown()).max(ORDER_PAGE_SIZE),
  hasMore: z.boolean().nullish(),
  nextCursor: z.string().nullish(),
});

const cursorSchema = z.object({ from: z.number(), to: z.number(), until: z.number(), next: z.string().nullable() });

/** Trendyol's seller API: Basic apiKey:apiSecret and the mandatory `User-Agent: {sellerId} - {integrator}` [doc]. */
export function trendyolClient(ctx: ClientContext<'trendyol'>): MarketplaceClient {
  const { account, http } = ctx;
  const sellerId = account.apiSellerId;
  if (!sellerId) throw new Error(`Trendyol account ${account.id} has no seller id`);
  const headers = {
    authorization: basicAuth(account.credentials.apiKey, account.credentials.apiSecret),
    'user-agent': `${sellerId} - ${account.apiOptions.integrator || 'SelfIntegration'}`.slice(0, 30),
    accept: 'application/json',
  };
  const path = (template: string, values: Record<string, string>) =>
    Object.entries({ sellerId, ...values }).reduce((p, [name, value]) => p.replace(`{${name}}`, segment(value)), template);

  return {
    marketplace: 'trendyol',
    maxBatchSize: TRENDYOL_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > TRENDYOL_MAX_BATCH) throw new Error(`A Trendyol batch holds 1 to ${TRENDYOL_MAX_BATCH} items`);
      const body = decimalJson({
        items: items.map((item) => ({
          barcode: item.sku,
          quantity: item.quantity,
          salePrice: money2(item.price),
          listPrice: money2(item.listPrice ?? item.price),
        })),
      });
      const { batchRequestId } = await http.request({
        method: 'POST',
        url: urlOf(ctx, 'api', path(PUSH, {})),
        endpoint: PUSH,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        response: { json: pushResponseSchema },
        unsafe: true,
        rateLimit: bucketOf(ctx, PUSH),
      });
      await recordBatch(ctx.db, account.id, batchRequestId, items.map((i) => i.sku), ctx.clock.now());
      return { batchId: batchRequestId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const result = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', path(BATCH, { batchRequestId: batchId })),
        endpoint: BATCH,
        headers,
        response: { json: batchResultSchema },
        rateLimit: bucketOf(ctx, BATCH),
      });
      const items = result.items ?? [];
      const expected = result.itemCount ?? (await batchSkus(ctx.db, account.id, batchId))?.length ?? items.length;
      const settled = items.every((i) => i.status === 'SUCCESS' || i.status === 'FAILED');
      const complete = items.length > 0 && items.length >= expected && settled;
      if (!complete && result.status?.toUpperCase() !== 'COMPLETED') return { state: 'pending' };
      return {
        state: 'done',
        items: items.map((i) => ({
          sku: i.requestItem.barcode,
          ok: i.status === 'SUCCESS',
          ...(i.status === 'SUCCESS' ? {} : { reason: (i.failureReasons ?? []).join('; ') || i.status }),
        })),
      };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const untilMs = until?.getTime() ?? ctx.clock.now();
      const position = cursor
        ? decodeCursor(cursor, cursorSchema)
        : { from: since.getTime(), to: windowEnd(since.getTime(), untilMs, ORDER_WINDOW_MS), until: untilMs, next: null };
      const page = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', path(ORDERS, {}), {
          lastModifiedStartDate: position.from,
          lastModifiedEndDate: position.to,
          size: ORDER_PAGE_SIZE,
          nextCursor: position.next,
        }),
        endpoint: ORDERS,
        headers,
        response: { json: streamSchema },
        rateLimit: bucketOf(ctx, ORDERS),
      });
      const mapped = mapListedOrders(page.content, trendyolPackageSchema, mapTrendyolPackage, rawId('shipmentPackageId'));
      let next: z.infer<typeof cursorSchema> | null = null;
      if (page.hasMore && page.nextCursor) next = { ...position, next: page.nextCursor };
      else if (position.to < position.until) {
        next = { from: position.to, to: windowEnd(position.to, position.until, ORDER_WINDOW_MS), until: position.until, next: null };
      }
      return { ...mapped, nextCursor: next ? encodeCursor(next) : null, rawBody: JSON.stringify(page.content) };
    },
  };
}
