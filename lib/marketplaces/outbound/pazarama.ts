import { z } from 'zod';
import { mapPazaramaOrder } from '@/lib/marketplaces/pazarama/map-order';
import { pazaramaOrderSchema } from '@/lib/marketplaces/pazarama/schema';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, segment, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor, windowEnd } from './cursor';
import { decimalJson, money2 } from './decimal-json';
import { DAY_MS } from './defaults';
import { MarketplaceApiError } from './errors';
import { mapListedOrders, rawId } from './map-orders';
import { basicAuth } from './redact';
import { cachedToken, dropToken, tokenKey } from './tokens';
import { turkeyWallClock } from './turkey-time';
import type { BatchItemResult, BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** [doc as transcribed by integrators] 3,000 items per request; some adapters keep to 1,000, the safe size. */
export const PAZARAMA_MAX_BATCH = 1_000;
/** [doc] Wait 10 s between stock and price writes; adapters share one timer for both per seller. */
const WRITE_LIMIT = { requests: 1, perMs: 10_000 };
/** [doc] An order query spans at most a month (order dates); pages of 100 are asked for [inferred]. */
const ORDER_WINDOW_MS = 28 * DAY_MS;
const ORDER_PAGE_SIZE = 100;
/**
 * Orders are found by order date, not by change [doc], and a line's status moves for days after the
 * order: each pull reaches this far back so those changes are seen (a repeated status is a duplicate
 * and changes nothing) [inferred].
 */
const STATUS_LOOKBACK_MS = 14 * DAY_MS;

const TOKEN = '/connect/token';
const UPDATE_STOCK = '/product/updateStock-v2';
const UPDATE_PRICE = '/product/updatePrice-v2';
const RESULT = '/listing-state/batch-id/{dataId}/lake-projections';
const ORDERS = '/order/getOrdersForApi';

/** [sdk] The token answer is either wrapped `{ data: { accessToken } }` or standard OAuth. */
const tokenSchema = z.union([
  z.object({ data: z.object({ accessToken: z.string().min(1), expiresIn: z.number().positive().nullish() }) }).transform((t) => ({
    token: t.data.accessToken,
    expiresInS: t.data.expiresIn ?? 3600,
  })),
  z.object({ access_token: z.string().min(1), expires_in: z.number().positive().nullish() }).transform((t) => ({
    token: t.access_token,
    expiresInS: t.expires_in ?? 3600,
  })),
]);
/** [doc] Every answer is wrapped `{ data, success, message, … }`, and `success: false` may come with HTTP 200. */
const wrapped = <S extends z.ZodType>(data: S) =>
  z.object({ data: data.nullish(), success: z.boolean(), message: z.string().nullish(), userMessage: z.string().nullish() });
const writeSchema = wrapped(z.string().min(1).max(80));
const operationSchema = z.object({ status: z.int(), operationDetail: z.string().nullish() }).nullish();
/** [doc] status 0 = done, 1 = not completed, 3 = processing. */
const resultSchema = wrapped(z.array(z.object({ code: z.string(), price: operationSchema, stock: operationSchema }))).extend({
  processingCount: z.int().nullish(),
});
const ordersSchema = wrapped(z.array(z.unknown()));

const BATCH_ID = /^stock:([^|]+)\|price:(.+)$/;
const cursorSchema = z.object({ from: z.number(), to: z.number(), until: z.number(), page: z.int().positive() });

/** Pazarama's İş Ortağım API: OAuth client credentials, one-hour tokens cached per account [doc]. */
export function pazaramaClient(ctx: ClientContext<'pazarama'>): MarketplaceClient {
  const { account, http, clock } = ctx;
  const { clientId, clientSecret } = account.credentials;
  const cacheKey = tokenKey(account.id, [clientId, clientSecret, account.apiBaseUrl]);
  const refused = (endpoint: string, message: string | null | undefined) =>
    new MarketplaceApiError({ kind: 'client', marketplace: 'pazarama', endpoint, message: `pazarama ${endpoint}: ${message || 'success: false'}`, status: 200 });

  const token = () =>
    cachedToken(cacheKey, clock, () =>
      http.request({
        method: 'POST',
        url: urlOf(ctx, 'auth', TOKEN),
        endpoint: TOKEN,
        headers: { authorization: basicAuth(clientId, clientSecret), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'merchantgatewayapi.fullaccess' }).toString(),
        response: { json: tokenSchema },
        rateLimit: bucketOf(ctx, TOKEN),
      }),
    );

  /** A call with the cached token; a 401 (the token expired early) drops it and tries once more. */
  async function call<T>(request: (auth: Record<string, string>) => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      const auth = { authorization: `Bearer ${await token()}`, accept: 'application/json' };
      try {
        return await request(auth);
      } catch (err) {
        if (tries > 0 || !(err instanceof MarketplaceApiError) || err.status !== 401) throw err;
        dropToken(cacheKey);
      }
    }
  }

  const write = (endpoint: string, body: string) =>
    call(async (auth) => {
      const answer = await http.request({
        method: 'POST',
        url: urlOf(ctx, 'api', endpoint),
        endpoint,
        headers: { ...auth, 'content-type': 'application/json' },
        body,
        response: { json: writeSchema },
        unsafe: true,
        rateLimit: bucketOf(ctx, 'writes', WRITE_LIMIT),
      });
      if (!answer.success || !answer.data) throw refused(endpoint, answer.userMessage ?? answer.message);
      return answer.data;
    });

  const result = (dataId: string) =>
    call((auth) =>
      http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', RESULT.replace('{dataId}', segment(dataId)), { page: 1, pageSize: 3000 }),
        endpoint: RESULT,
        headers: auth,
        response: { json: resultSchema },
        rateLimit: bucketOf(ctx, RESULT),
      }),
    );

  return {
    marketplace: 'pazarama',
    maxBatchSize: PAZARAMA_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > PAZARAMA_MAX_BATCH) throw new Error(`A Pazarama batch holds 1 to ${PAZARAMA_MAX_BATCH} items`);
      const stockId = await write(UPDATE_STOCK, decimalJson({ items: items.map((i) => ({ code: i.sku, stockCount: i.quantity })) }));
      // [doc] Both prices are required, decimal(18,2).
      const priceId = await write(
        UPDATE_PRICE,
        decimalJson({ items: items.map((i) => ({ code: i.sku, listPrice: money2(i.listPrice ?? i.price), salePrice: money2(i.price) })) }),
      );
      const batchId = `stock:${stockId}|price:${priceId}`;
      await recordBatch(ctx.db, account.id, batchId, items.map((i) => i.sku), clock.now());
      return { batchId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const ids = BATCH_ID.exec(batchId);
      if (!ids) throw new Error(`Not a Pazarama batch id: ${batchId}`);
      const skus = (await batchSkus(ctx.db, account.id, batchId)) ?? [];
      const answers = [['stock', await result(ids[1]!)], ['price', await result(ids[2]!)]] as const;
      const outcomes = new Map<string, string[]>();
      for (const [field, answer] of answers) {
        if (!answer.success) throw refused(RESULT, answer.userMessage ?? answer.message);
        const rows = answer.data ?? [];
        if ((answer.processingCount ?? 0) > 0 || rows.some((r) => r[field]?.status === 3)) return { state: 'pending' };
        // Projections appear as the listing state catches up: an item not listed yet is still processing.
        if (skus.some((sku) => !rows.some((r) => r.code === sku))) return { state: 'pending' };
        for (const row of rows) {
          const op = row[field];
          if (op && op.status !== 0) outcomes.set(row.code, [...(outcomes.get(row.code) ?? []), `${field}: ${op.operationDetail || 'not completed'}`]);
        }
      }
      const items: BatchItemResult[] = skus.map((sku) => {
        const reasons = outcomes.get(sku);
        return reasons ? { sku, ok: false, reason: reasons.join('; ') } : { sku, ok: true };
      });
      return { state: 'done', items };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const untilMs = until?.getTime() ?? clock.now();
      const from = Math.min(since.getTime(), untilMs - STATUS_LOOKBACK_MS);
      const position = cursor ? decodeCursor(cursor, cursorSchema) : { from, to: windowEnd(from, untilMs, ORDER_WINDOW_MS), until: untilMs, page: 1 };
      const answer = await call((auth) =>
        http.request({
          method: 'POST',
          url: urlOf(ctx, 'api', ORDERS),
          endpoint: ORDERS,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            pageSize: ORDER_PAGE_SIZE,
            pageNumber: position.page,
            startDate: turkeyWallClock(position.from, 'T'),
            endDate: turkeyWallClock(position.to, 'T'),
          }),
          response: { json: ordersSchema },
          rateLimit: bucketOf(ctx, ORDERS),
        }),
      );
      if (!answer.success) throw refused(ORDERS, answer.userMessage ?? answer.message);
      const orders = answer.data ?? [];
      const receivedAt = new Date(clock.now()).toISOString();
      const mapped = mapListedOrders(orders, pazaramaOrderSchema, (order) => mapPazaramaOrder(order, receivedAt), rawId('orderNumber'));
      let next: z.infer<typeof cursorSchema> | null = null;
      if (orders.length >= ORDER_PAGE_SIZE) next = { ...position, page: position.page + 1 };
      else if (position.to < position.until) next = { from: position.to, to: windowEnd(position.to, position.until, ORDER_WINDOW_MS), until: position.until, page: 1 };
      return { ...mapped, nextCursor: next ? encodeCursor(next) : null, rawBody: JSON.stringify(orders) };
    },
  };
}
