import { after } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { ingestWebhook } from '@/lib/webhooks/ingest';
import { webhookAnswer, webhookError, type WebhookAnswer } from '@/lib/webhooks/ingest/answer';
import { declaredLengthExceeds, MAX_WEBHOOK_BODY_BYTES, readBodyCapped } from '@/lib/webhooks/ingest/read-body-capped';
import { drainDueEvents } from '@/lib/webhooks/drain-due-events';
import { cachedAccountLookup } from '@/lib/webhooks/ingest/account-cache';
import { processQuotaGate, rateLimitHeaders } from '@/lib/quotas';
import { observeWebhookRoute } from '@/lib/monitoring/metrics/observe-route';

const lookupAccount = cachedAccountLookup();

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  marketplace: z.enum(MARKETPLACES),
  accountId: z.string().regex(/^[1-9]\d{0,14}$/).transform(Number),
  path: z.array(z.string()).default([]),
});
type WebhookRouteContext = { params: Promise<{ marketplace: string; accountId: string; path?: string[] }> };

function reply({ status, body }: WebhookAnswer, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers });
}

function applyEventsAfterResponse() {
  try {
    after(() => drainDueEvents('ingest'));
  } catch (err) {
    // Only inside a Next request scope is there an after(); called directly (a test, a script) the
    // stored events wait for the cron worker instead.
    console.warn(`webhooks: events left for the cron worker: ${(err as Error).message}`);
  }
}

function handle(method: 'POST' | 'PUT') {
  return async (request: Request, { params }: WebhookRouteContext) => {
    const receivedAt = new Date();
    const route = paramsSchema.safeParse(await params);
    if (!route.success) return reply(webhookError('NOT_FOUND', 'No such webhook endpoint.'));
    const encryptionKey = env().APP_ENCRYPTION_KEY;
    if (!encryptionKey) {
      console.error('webhooks: APP_ENCRYPTION_KEY is not set, so no account secret can be read; refusing pushes');
      return reply(webhookError('UNAVAILABLE', 'Webhooks are not configured on this server.'));
    }
    const tooLarge = webhookError('PAYLOAD_TOO_LARGE', `The body is over ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
    if (declaredLengthExceeds(request.headers.get('content-length'), MAX_WEBHOOK_BODY_BYTES)) return reply(tooLarge);
    const body = await readBodyCapped(request.body, MAX_WEBHOOK_BODY_BYTES);
    if (!body.ok) {
      return reply(body.reason === 'too_large' ? tooLarge : webhookError('UNSUPPORTED_MEDIA_TYPE', 'The body is not UTF-8 text.'));
    }

    const db = getDb(env().DATABASE_URL);
    const outcome = await ingestWebhook(db, {
      marketplace: route.data.marketplace,
      accountId: route.data.accountId,
      key: encryptionKeyFrom(encryptionKey),
      lookupAccount,
      quotaGate: env().QUOTA_ENFORCEMENT === 'on' ? processQuotaGate(db) : null,
      request: {
        method,
        pathTail: route.data.path,
        headers: Object.fromEntries(request.headers),
        rawBody: body.text,
        receivedAt,
      },
    });
    if (outcome.ok && outcome.received > 0 && env().WEBHOOK_APPLY_AFTER_INGEST) applyEventsAfterResponse();
    // Accepted and refused pushes alike tell the sender where it stands (RateLimit-*, and Retry-After on a 429).
    return reply(webhookAnswer(outcome), outcome.quota ? rateLimitHeaders(outcome.quota, new Date()) : {});
  };
}

export const POST = observeWebhookRoute(handle('POST'));
export const PUT = observeWebhookRoute(handle('PUT'));
