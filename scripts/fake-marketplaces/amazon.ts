import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FakeHandler } from './server';
import { fail, ok, route, type FakeState } from './state';

export type AmazonFakeCredentials = { sellerId: string; clientId: string; clientSecret: string; refreshToken: string };

const sp = (code: string, message: string) => ({ errors: [{ code, message }] });

/**
 * Amazon SP-API: Login with Amazon tokens (refresh-token grant) in `x-amz-access-token` [doc];
 * Feeds API for JSON_LISTINGS_FEED (documents are uploaded to the URL the API hands out, here the
 * fake's own /fake-s3/documents/ path standing in for S3); Orders API v2026-01-01 searchOrders.
 */
export function amazonHandler(state: FakeState, creds: AmazonFakeCredentials, baseUrl: () => string): FakeHandler {
  const documents = new Map<string, { content: Buffer | null; gzip: boolean }>();
  const feeds = new Map<string, { batchId: string; resultDocumentId: string | null }>();

  return (req) => {
    if (req.path === '/auth/o2/token' && req.method === 'POST') {
      const form = new URLSearchParams(req.body);
      if (
        form.get('grant_type') !== 'refresh_token' ||
        form.get('refresh_token') !== creds.refreshToken ||
        form.get('client_id') !== creds.clientId ||
        form.get('client_secret') !== creds.clientSecret
      ) {
        return fail(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter' });
      }
      const token = `Atza|${randomUUID()}`;
      state.tokens.add(token);
      return ok({ access_token: token, token_type: 'bearer', expires_in: 3600, refresh_token: creds.refreshToken });
    }

    // The pre-signed document URLs: no SP-API token, as with S3.
    const stored = route('/fake-s3/documents/{id}', req.path);
    if (stored) {
      const doc = documents.get(stored.id);
      if (!doc) return fail(404, { message: 'NoSuchKey' });
      if (req.method === 'PUT') {
        doc.content = Buffer.from(req.body, 'utf8');
        return { status: 200, text: '' };
      }
      if (req.method === 'GET' && doc.content) return { status: 200, bytes: doc.content };
      return fail(404, { message: 'NoSuchKey' });
    }

    if (!state.tokens.has(req.headers['x-amz-access-token'] ?? '')) return fail(403, sp('Unauthorized', 'Access to requested resource is denied.'));

    if (req.path === '/feeds/2021-06-30/documents' && req.method === 'POST') {
      const id = `amzn1.tortuga.4.eu.${randomUUID()}`;
      documents.set(id, { content: null, gzip: false });
      return ok({ feedDocumentId: id, url: `${baseUrl()}/fake-s3/documents/${encodeURIComponent(id)}` }, 201);
    }

    if (req.path === '/feeds/2021-06-30/feeds' && req.method === 'POST') {
      const body = req.json() as { feedType?: string; inputFeedDocumentId?: string; marketplaceIds?: string[] };
      const input = body.inputFeedDocumentId ? documents.get(body.inputFeedDocumentId) : undefined;
      if (body.feedType !== 'JSON_LISTINGS_FEED' || !input?.content || !body.marketplaceIds?.length) {
        return fail(400, sp('InvalidInput', 'feedType, marketplaceIds and an uploaded inputFeedDocumentId are required'));
      }
      const feed = JSON.parse(input.content.toString('utf8')) as { header?: { sellerId?: string }; messages?: Array<{ sku: string }> };
      if (feed.header?.sellerId !== creds.sellerId) return fail(400, sp('InvalidInput', 'header.sellerId does not match'));
      const messages = feed.messages ?? [];
      const feedId = String(50_000_000_000 + state.accepted.length);
      const batch = state.accept('JSON_LISTINGS_FEED', messages.map((m) => m.sku), messages, feedId);
      feeds.set(feedId, { batchId: batch.id, resultDocumentId: null });
      return ok({ feedId }, 202);
    }

    const feedRoute = route('/feeds/2021-06-30/feeds/{feedId}', req.path);
    if (feedRoute && req.method === 'GET') {
      const feed = feeds.get(feedRoute.feedId);
      const batch = feed && state.batch(feed.batchId);
      if (!feed || !batch) return fail(404, sp('NotFound', 'feed not found'));
      if (state.stillProcessing(batch)) return ok({ feedId: feedRoute.feedId, feedType: 'JSON_LISTINGS_FEED', processingStatus: 'IN_PROGRESS' });
      if (!feed.resultDocumentId) {
        const issues = batch.skus.flatMap((sku, i) => {
          const reason = state.failSkus.get(sku);
          return reason ? [{ messageId: i + 1, code: '90220', severity: 'ERROR', message: reason }] : [];
        });
        const report = {
          header: { sellerId: creds.sellerId, version: '2.0', feedId: feedRoute.feedId },
          issues,
          summary: { errors: issues.length, warnings: 0, messagesProcessed: batch.skus.length, messagesAccepted: batch.skus.length - issues.length, messagesInvalid: issues.length },
        };
        const id = `amzn1.tortuga.4.eu.${randomUUID()}`;
        documents.set(id, { content: gzipSync(JSON.stringify(report)), gzip: true });
        feed.resultDocumentId = id;
      }
      return ok({ feedId: feedRoute.feedId, feedType: 'JSON_LISTINGS_FEED', processingStatus: 'DONE', resultFeedDocumentId: feed.resultDocumentId });
    }

    const documentRoute = route('/feeds/2021-06-30/documents/{id}', req.path);
    if (documentRoute && req.method === 'GET') {
      const doc = documents.get(documentRoute.id);
      if (!doc) return fail(404, sp('NotFound', 'document not found'));
      return ok({
        feedDocumentId: documentRoute.id,
        url: `${baseUrl()}/fake-s3/documents/${encodeURIComponent(documentRoute.id)}`,
        ...(doc.gzip ? { compressionAlgorithm: 'GZIP' } : {}),
      });
    }

    if (req.path === '/orders/2026-01-01/orders' && req.method === 'GET') {
      const after = Date.parse(req.query.get('lastUpdatedAfter') ?? '');
      const before = req.query.get('lastUpdatedBefore') ? Date.parse(req.query.get('lastUpdatedBefore')!) : state.now();
      if (Number.isNaN(after) || req.query.get('createdAfter')) return fail(400, sp('InvalidInput', 'exactly one of createdAfter and lastUpdatedAfter is required'));
      if (before > state.now() - 2 * 60_000) return fail(400, sp('InvalidInput', 'lastUpdatedBefore must be at least two minutes before the request'));
      const size = Math.min(Number(req.query.get('maxResultsPerPage') ?? 100), 100);
      const offset = req.query.get('paginationToken') ? Number(Buffer.from(req.query.get('paginationToken')!, 'base64url').toString()) : 0;
      const matching = state.orders.filter((o) => o.modifiedAt >= after && o.modifiedAt <= before);
      const page = matching.slice(offset, offset + size).map((o) => ({ ...o.raw, lastUpdatedTime: new Date(o.modifiedAt).toISOString() }));
      const more = offset + size < matching.length;
      return ok({ orders: page, ...(more ? { pagination: { nextToken: Buffer.from(String(offset + size)).toString('base64url') } } : {}), lastUpdatedBefore: new Date(before).toISOString() });
    }
    return null;
  };
}
