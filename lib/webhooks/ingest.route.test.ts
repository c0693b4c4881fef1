import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { POST, PUT } from '@/app/api/webhooks/[marketplace]/[accountId]/[[...path]]/route';
import { createIngestFixture } from './ingest/ingest-fixture.test-helper';
import { MAX_WEBHOOK_BODY_BYTES } from './ingest/read-body-capped';
import { signedHeaders, stockEvent } from './ingest/webhook-push.test-helper';

const APP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
let f: Awaited<ReturnType<typeof createIngestFixture>>;
let accountId: number;
let secret: string;

beforeAll(async () => {
  f = await createIngestFixture('ingestroute', encryptionKeyFrom(APP_ENCRYPTION_KEY));
  // The route reads its database and key from the environment, as `next start` gives them.
  process.env.DATABASE_URL = f.t.url;
  process.env.APP_ENCRYPTION_KEY = APP_ENCRYPTION_KEY;
  const created = await f.addAccount({ marketplace: 'generic', authType: 'hmac' });
  accountId = created.account.id;
  secret = created.secret;
  // Outside a Next request scope after() refuses; the route says so in a warning and answers anyway.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => f?.t.drop());

type Params = { marketplace: string; accountId: string; path?: string[] };

function call(handler: typeof POST, params: Params, init: RequestInit & { duplex?: 'half' }) {
  const url = `http://localhost/api/webhooks/${params.marketplace}/${params.accountId}/${(params.path ?? []).join('/')}`;
  return handler(new Request(url, init), { params: Promise.resolve(params) });
}

function signedInit(rawBody: string, extra: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    body: rawBody,
    headers: { 'content-type': 'application/json', ...signedHeaders(secret, rawBody), ...extra },
  };
}

describe('the webhook route', () => {
  it('answers 200 with the counts and takes a redelivery as a duplicate', async () => {
    const raw = JSON.stringify(stockEvent('route-1'));
    const first = await call(POST, { marketplace: 'generic', accountId: String(accountId) }, signedInit(raw));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 1, duplicate: 0 });
    const again = await call(POST, { marketplace: 'generic', accountId: String(accountId) }, signedInit(raw));
    expect(await again.json()).toEqual({ received: 0, duplicate: 1 });
  });

  it('takes PUT under a path tail', async () => {
    const raw = JSON.stringify(stockEvent('route-put'));
    const res = await call(PUT, { marketplace: 'generic', accountId: String(accountId), path: ['a', 'b'] }, { ...signedInit(raw), method: 'PUT' });
    expect(res.status).toBe(200);
  });

  it('answers 404 JSON for an unknown marketplace or a malformed account id', async () => {
    const raw = JSON.stringify(stockEvent('route-404'));
    for (const params of [
      { marketplace: 'gittigidiyor', accountId: String(accountId) },
      { marketplace: 'generic', accountId: 'abc' },
      { marketplace: 'generic', accountId: '0' },
      { marketplace: 'generic', accountId: '99999999999999999999' },
    ]) {
      const res = await call(POST, params, signedInit(raw));
      expect(res.status, JSON.stringify(params)).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such webhook endpoint.' } });
    }
  });

  it('answers 401 in the one error shape to a bad signature', async () => {
    const raw = JSON.stringify(stockEvent('route-401'));
    const res = await call(POST, { marketplace: 'generic', accountId: String(accountId) }, signedInit(raw, { 'webhook-signature': 'v1,bm9wZQ==' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Authentication failed.' } });
  });

  it('answers 413 to a body over 1 MB, whether the length is declared or only counted, and writes nothing', async () => {
    const before = await f.countRows();
    const big = JSON.stringify({ ...stockEvent('route-big'), padding: 'x'.repeat(MAX_WEBHOOK_BODY_BYTES) });
    const declared = await call(POST, { marketplace: 'generic', accountId: String(accountId) }, signedInit(big, { 'content-length': String(Buffer.byteLength(big)) }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await call(
      POST,
      { marketplace: 'generic', accountId: String(accountId) },
      { method: 'POST', body: endless, duplex: 'half', headers: { 'content-type': 'application/json', ...signedHeaders(secret, 'x') } },
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(MAX_WEBHOOK_BODY_BYTES * 2);
    expect(await f.countRows()).toEqual(before);
  });

  it('accepts a body of exactly 1 MB', async () => {
    const event = stockEvent('route-1mb');
    const shell = JSON.stringify({ ...event, padding: '' });
    const raw = JSON.stringify({ ...event, padding: 'p'.repeat(MAX_WEBHOOK_BODY_BYTES - Buffer.byteLength(shell)) });
    expect(Buffer.byteLength(raw)).toBe(MAX_WEBHOOK_BODY_BYTES);
    const res = await call(POST, { marketplace: 'generic', accountId: String(accountId) }, signedInit(raw));
    expect(res.status).not.toBe(413);
  });
});
