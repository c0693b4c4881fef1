import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { batchSkus, recordBatch } from './batches';
import { bucketOf, segment, urlOf, type ClientContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { decimalJson, money2 } from './decimal-json';
import { MarketplaceApiError } from './errors';
import { amazonOrderSchema, hasRecipient, isMerchantFulfilled, mapAmazonOrder } from './amazon-orders';
import { mapListedOrders, rawId } from './map-orders';
import { cachedToken, dropToken, tokenKey } from './tokens';
import type { BatchItemResult, BatchStatus, MarketplaceClient, OrderPage, StockPriceItem } from './types';

/** Amazon.com.tr [doc]; an account may name another marketplace of the EU region. */
export const AMAZON_TR_MARKETPLACE_ID = 'A33AVAJ2PDY3EV';
/** [doc] A JSON_LISTINGS_FEED holds up to 25,000 messages; 10,000 keeps documents to a few MB. */
export const AMAZON_MAX_BATCH = 10_000;
/** [doc] lastUpdatedBefore must be at least two minutes before the request. */
const ORDERS_SETTLE_MS = 2 * 60_000;
const ORDER_PAGE_SIZE = 100;
const DOCUMENT_CONTENT_TYPE = 'application/json; charset=UTF-8';

const TOKEN = '/auth/o2/token';
const CREATE_DOCUMENT = '/feeds/2021-06-30/documents';
const GET_DOCUMENT = '/feeds/2021-06-30/documents/{feedDocumentId}';
const CREATE_FEED = '/feeds/2021-06-30/feeds';
const GET_FEED = '/feeds/2021-06-30/feeds/{feedId}';
/** The pre-signed document URL (S3): no SP-API credential is sent there. */
const DOCUMENT_URL = '(feed document url)';
const ORDERS = '/orders/2026-01-01/orders';

/** Usage plans [doc]: rate per second and burst, as token buckets. */
const LIMITS = {
  [CREATE_DOCUMENT]: { requests: 1, perMs: 2_000, burst: 15 },
  [GET_DOCUMENT]: { requests: 1, perMs: 45_000, burst: 10 },
  [CREATE_FEED]: { requests: 1, perMs: 120_000, burst: 15 },
  [GET_FEED]: { requests: 2, perMs: 1_000, burst: 15 },
  [ORDERS]: { requests: 1, perMs: 180_000, burst: 20 },
  [DOCUMENT_URL]: { requests: 10, perMs: 1_000 },
};

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().nullish() });
const documentSchema = z.object({ feedDocumentId: z.string().min(1).max(191), url: z.url(), compressionAlgorithm: z.string().nullish() });
const createFeedSchema = z.object({ feedId: z.string().min(1).max(191) });
const feedSchema = z.object({
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  resultFeedDocumentId: z.string().nullish(),
});
/** The JSON_LISTINGS_FEED processing report [doc]: issues point at messages by messageId. */
const reportSchema = z.object({
  issues: z
    .array(z.object({ messageId: z.int().nullish(), severity: z.string(), code: z.string().nullish(), message: z.string().nullish() }))
    .nullish(),
});
const ordersSchema = z.object({
  orders: z.array(z.unknown()).max(ORDER_PAGE_SIZE),
  pagination: z.object({ nextToken: z.string().nullish() }).nullish(),
});
const cursorSchema = z.object({ from: z.number(), until: z.number(), token: z.string() });

/**
 * Amazon SP-API with Login with Amazon tokens (refresh-token grant, cached per account for their
 * hour) in `x-amz-access-token`; no SigV4 since October 2023 [doc]. Stock and price go out as one
 * JSON_LISTINGS_FEED (price patched before quantity [doc pitfall]); orders come from searchOrders.
 */
export function amazonClient(ctx: ClientContext<'amazon'>): MarketplaceClient {
  const { account, http, clock } = ctx;
  const sellerId = account.apiSellerId;
  if (!sellerId) throw new Error(`Amazon account ${account.id} has no seller id`);
  const marketplaceId = account.apiOptions.marketplaceId || AMAZON_TR_MARKETPLACE_ID;
  const { clientId, clientSecret, refreshToken } = account.credentials;
  const cacheKey = tokenKey(account.id, [clientId, clientSecret, refreshToken, account.apiBaseUrl]);
  const limit = (endpoint: keyof typeof LIMITS) => bucketOf(ctx, endpoint, LIMITS[endpoint]);

  const token = () =>
    cachedToken(cacheKey, clock, async () => {
      const answer = await http.request({
        method: 'POST',
        url: urlOf(ctx, 'auth', TOKEN),
        endpoint: TOKEN,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }).toString(),
        response: { json: tokenSchema },
        rateLimit: bucketOf(ctx, TOKEN),
      });
      return { token: answer.access_token, expiresInS: answer.expires_in ?? 3600 };
    });

  async function call<T>(request: (auth: Record<string, string>) => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      const auth = { 'x-amz-access-token': await token(), accept: 'application/json' };
      try {
        return await request(auth);
      } catch (err) {
        if (tries > 0 || !(err instanceof MarketplaceApiError) || err.status !== 401) throw err;
        dropToken(cacheKey);
      }
    }
  }

  const getDocument = (feedDocumentId: string) =>
    call((auth) =>
      http.request({
        method: 'GET',
        url: urlOf(ctx, 'api', GET_DOCUMENT.replace('{feedDocumentId}', segment(feedDocumentId))),
        endpoint: GET_DOCUMENT,
        headers: auth,
        response: { json: documentSchema },
        rateLimit: limit(GET_DOCUMENT),
      }),
    );

  return {
    marketplace: 'amazon',
    maxBatchSize: AMAZON_MAX_BATCH,

    async pushStockAndPrice(items: StockPriceItem[]) {
      if (items.length === 0 || items.length > AMAZON_MAX_BATCH) throw new Error(`An Amazon feed holds 1 to ${AMAZON_MAX_BATCH} items`);
      const feed = decimalJson({
        header: { sellerId, version: '2.0', issueLocale: 'en_US' },
        messages: items.map((item, index) => ({
          messageId: index + 1,
          sku: item.sku,
          operationType: 'PATCH',
          productType: 'PRODUCT',
          patches: [
            {
              op: 'replace',
              path: '/attributes/purchasable_offer',
              value: [{ marketplace_id: marketplaceId, currency: item.currency, our_price: [{ schedule: [{ value_with_tax: money2(item.price) }] }] }],
            },
            { op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: item.quantity }] },
          ],
        })),
      });
      const document = await call((auth) =>
        http.request({
          method: 'POST',
          url: urlOf(ctx, 'api', CREATE_DOCUMENT),
          endpoint: CREATE_DOCUMENT,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ contentType: DOCUMENT_CONTENT_TYPE }),
          response: { json: documentSchema },
          rateLimit: limit(CREATE_DOCUMENT),
        }),
      );
      await http.request({
        method: 'PUT',
        url: document.url,
        endpoint: DOCUMENT_URL,
        headers: { 'content-type': DOCUMENT_CONTENT_TYPE },
        body: feed,
        response: { none: true },
        rateLimit: limit(DOCUMENT_URL),
      });
      const { feedId } = await call((auth) =>
        http.request({
          method: 'POST',
          url: urlOf(ctx, 'api', CREATE_FEED),
          endpoint: CREATE_FEED,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [marketplaceId], inputFeedDocumentId: document.feedDocumentId }),
          response: { json: createFeedSchema },
          unsafe: true,
          rateLimit: limit(CREATE_FEED),
        }),
      );
      await recordBatch(ctx.db, account.id, feedId, items.map((i) => i.sku), clock.now());
      return { batchId: feedId };
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const feed = await call((auth) =>
        http.request({
          method: 'GET',
          url: urlOf(ctx, 'api', GET_FEED.replace('{feedId}', segment(batchId))),
          endpoint: GET_FEED,
          headers: auth,
          response: { json: feedSchema },
          rateLimit: limit(GET_FEED),
        }),
      );
      if (feed.processingStatus === 'IN_QUEUE' || feed.processingStatus === 'IN_PROGRESS') return { state: 'pending' };
      const skus = (await batchSkus(ctx.db, account.id, batchId)) ?? [];
      const failures = new Map<number, string[]>();
      let feedFailure: string | null = feed.processingStatus === 'DONE' ? null : `feed ${feed.processingStatus}`;
      if (feed.resultFeedDocumentId) {
        const document = await getDocument(feed.resultFeedDocumentId);
        const bytes = await http.request<Uint8Array>({
          method: 'GET',
          url: document.url,
          endpoint: DOCUMENT_URL,
          response: { bytes: true },
          rateLimit: limit(DOCUMENT_URL),
        });
        const text = Buffer.from(document.compressionAlgorithm === 'GZIP' ? gunzipSync(bytes) : bytes).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const report = reportSchema.safeParse(json);
        if (!report.success) throw new MarketplaceApiError({ kind: 'invalid_response', marketplace: 'amazon', endpoint: DOCUMENT_URL, message: 'amazon: the feed processing report is not in the expected shape' });
        for (const issue of report.data.issues ?? []) {
          if (issue.severity !== 'ERROR') continue;
          const text = [issue.code, issue.message].filter(Boolean).join(': ') || 'error';
          if (issue.messageId == null) feedFailure = text;
          else failures.set(issue.messageId, [...(failures.get(issue.messageId) ?? []), text]);
        }
      }
      const items: BatchItemResult[] = skus.map((sku, index) => {
        const reasons = failures.get(index + 1);
        if (reasons) return { sku, ok: false, reason: reasons.join('; ') };
        return feedFailure ? { sku, ok: false, reason: feedFailure } : { sku, ok: true };
      });
      return { state: 'done', items };
    },

    async listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage> {
      const latest = clock.now() - ORDERS_SETTLE_MS;
      const position = cursor
        ? decodeCursor(cursor, cursorSchema)
        : { from: since.getTime(), until: Math.min(until?.getTime() ?? latest, latest), token: '' };
      if (position.until <= position.from) return { events: [], nextCursor: null };
      const page = await call((auth) =>
        http.request({
          method: 'GET',
          url: urlOf(ctx, 'api', ORDERS, {
            lastUpdatedAfter: new Date(position.from).toISOString(),
            lastUpdatedBefore: new Date(position.until).toISOString(),
            marketplaceIds: [marketplaceId],
            includedData: ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT'],
            maxResultsPerPage: ORDER_PAGE_SIZE,
            paginationToken: position.token || undefined,
          }),
          endpoint: ORDERS,
          headers: auth,
          response: { json: ordersSchema },
          rateLimit: limit(ORDERS),
        }),
      );
      const importable = page.orders.filter((raw) => isMerchantFulfilled(raw) && hasRecipient(raw));
      const mapped = mapListedOrders(importable, amazonOrderSchema, mapAmazonOrder, rawId('orderId'));
      const nextToken = page.pagination?.nextToken;
      return {
        ...mapped,
        nextCursor: nextToken ? encodeCursor({ ...position, token: nextToken }) : null,
        rawBody: JSON.stringify(page.orders),
      };
    },
  };
}
