import { z } from 'zod';
import { mapHepsiburadaPackage } from '@/lib/marketplaces/hepsiburada/map-package';
import { hepsiburadaPackageSchema } from '@/lib/marketplaces/hepsiburada/schema';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, segment, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor, windowEnd } from './cursor';
import { decimalJson, money2 } from './decimal-json';
import { DAY_MS } from './defaults';
import { mapListedOrders, rawId } from './map-orders';
import { basicAuth } from './redact';
import { turkeyWallClock } from './turkey-time';
import type { BatchItemResult, BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** [sdk] About 1,000 items per upload. */
export const HEPSIBURADA_MAX_BATCH = 1_000;
/** Not documented: a week per query and 50 packages a page [inferred]. */
const ORDER_WINDOW_MS = 7 * DAY_MS;
const ORDER_PAGE_SIZE = 50;

const STOCK_UPLOAD = '/listings/merchantid/{merchantId}/stock-uploads';
const PRICE_UPLOAD = '/listings/merchantid/{merchantId}/price-uploads';
const STOCK_RESULT = '/listings/merchantid/{merchantId}/stock-uploads/id/{id}';
const PRICE_RESULT = '/listings/merchantid/{merchantId}/price-uploads/id/{id}';
const PACKAGES = '/packages/merchantid/{merchantId}';

const uploadReceiptSchema = z.object({ id: z.string().min(1).max(80) });
const uploadResultSchema = z.object({
  status: z.enum(['PROCESSING', 'COMPLETED', 'FAILED', 'COMPLETED_WITH_ERRORS']),
  errors: z
    .array(
      z.object({
        elementNo: z.int().nullish(),
        merchantSku: z.string().nullish(),
        hepsiburadaSku: z.string().nullish(),
        errors: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});
/** [sdk] `{ totalCount, limit, offset, pageCount, items }`; the unfiltered list is a bare array. */
const packagesPageSchema = z.union([
  z.object({ totalCount: z.int().nonnegative(), items: z.array(z.unknown()) }),
  z.array(z.unknown()).transform((items) => ({ totalCount: items.length, items })),
]);

const BATCH_ID = /^stock:([^|]+)\|price:(.+)$/;
const cursorSchema = z.object({ from: z.number(), to: z.number(), until: z.number(), offset: z.int().nonnegative() });

/**
 * Hepsiburada: Basic merchantId:serviceKey and a mandatory User-Agent (the integrator user name) [doc].
 * Stock and price are two uploads; the batch id names both, and an item is confirmed when neither
 * upload reports it failed. Orders are pulled as packages, the unit the webhook import creates orders from.
 */
export function hepsiburadaClient(ctx: ClientContext<'hepsiburada'>): MarketplaceClient {
  const { account, http } = ctx;
  const merchantId = account.apiSellerId;
  if (!merchantId) throw new Error(`Hepsiburada account ${account.id} has no merchant id`);
  const headers = {
    authorization: basicAuth(merchantId, account.credentials.serviceKey),
    'user-agent': account.apiOptions.integrator || 'MesChainSync',
    accept: 'application/json',
  };
  const path = (template: string, id = '') => template.replace('{merchantId}', segment(merchantId)).replace('{id}', segment(id));

  const upload = async (template: string, body: string) =>
    (
      await http.request({
        method: 'POST',
        url: urlOf(ctx, 'listing', path(template)),
        endpoint: template,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        response: { json: uploadReceiptSchema },
        unsafe: true,
        rateLimit: bucketOf(ctx, template),
      })
    ).id;

  const result = (template: string, id: string) =>
    http.request({
      method: 'GET',
      url: urlOf(ctx, 'listing', path(template, id)),
      endpoint: template,
      headers,
      response: { json: uploadResultSchema },
      rateLimit: bucketOf(ctx, template),
    });

  return {
    marketplace: 'hepsiburada',
    maxBatchSize: HEPSIBURADA_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > HEPSIBURADA_MAX_BATCH) throw new Error(`A Hepsiburada batch holds 1 to ${HEPSIBURADA_MAX_BATCH} items`);
      const stockId = await upload(STOCK_UPLOAD, decimalJson(items.map((i) => ({ merchantSku: i.sku, availableStock: i.quantity }))));
      const priceId = await upload(PRICE_UPLOAD, decimalJson(items.map((i) => ({ merchantSku: i.sku, price: money2(i.price) }))));
      const batchId = `stock:${stockId}|price:${priceId}`;
      await recordBatch(ctx.db, account.id, batchId, items.map((i) => i.sku), ctx.clock.now());
      return { batchId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const ids = BATCH_ID.exec(batchId);
      if (!ids) throw new Error(`Not a Hepsiburada batch id: ${batchId}`);
      const [stock, price] = [await result(STOCK_RESULT, ids[1]!), await result(PRICE_RESULT, ids[2]!)];
      if (stock.status === 'PROCESSING' || price.status === 'PROCESSING') return { state: 'pending' };
      const skus = (await batchSkus(ctx.db, account.id, batchId)) ?? [];
      const failures = new Map<string, string[]>();
      for (const [label, upload] of [['stock', stock], ['price', price]] as const) {
        for (const error of upload.errors ?? []) {
          const sku = error.merchantSku ?? (error.elementNo != null ? skus[error.elementNo] : undefined) ?? error.hepsiburadaSku;
          if (sku) failures.set(sku, [...(failures.get(sku) ?? []), `${label}: ${(error.errors ?? []).join(', ') || 'refused'}`]);
        }
        if (upload.status === 'FAILED' && (upload.errors ?? []).length === 0) {
          for (const sku of skus) failures.set(sku, [...(failures.get(sku) ?? []), `${label} upload FAILED`]);
        }
      }
      const items: BatchItemResult[] = skus.map((sku) => {
        const reasons = failures.get(sku);
        return reasons ? { sku, ok: false, reason: reasons.join('; ') } : { sku, ok: true };
      });
      return { state: 'done', items };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const untilMs = until?.getTime() ?? ctx.clock.now();
      const position = cursor
        ? decodeCursor(cursor, cursorSchema)
        : { from: since.getTime(), to: windowEnd(since.getTime(), untilMs, ORDER_WINDOW_MS), until: untilMs, offset: 0 };
      const page = await http.request({
        method: 'GET',
        url: urlOf(ctx, 'orders', path(PACKAGES), {
          offset: position.offset,
          limit: ORDER_PAGE_SIZE,
          begindate: turkeyWallClock(position.from),
          enddate: turkeyWallClock(position.to),
        }),
        endpoint: PACKAGES,
        headers,
        response: { json: packagesPageSchema },
        rateLimit: bucketOf(ctx, PACKAGES),
      });
      const mapped = mapListedOrders(page.items, hepsiburadaPackageSchema, mapHepsiburadaPackage, rawId('packageNumber'));
      const offset = position.offset + page.items.length;
      let next: z.infer<typeof cursorSchema> | null = null;
      if (page.items.length > 0 && offset < page.totalCount) next = { ...position, offset };
      else if (position.to < position.until) {
        next = { from: position.to, to: windowEnd(position.to, position.until, ORDER_WINDOW_MS), until: position.until, offset: 0 };
      }
      return { ...mapped, nextCursor: next ? encodeCursor(next) : null, rawBody: JSON.stringify(page.items) };
    },
  };
}
