import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestWebhook } from './ingest';
import { webhookAnswer } from './ingest/answer';
import { createIngestFixture } from './ingest/ingest-fixture.test-helper';
import { signedHeaders, stockEvent, webhookRequest } from './ingest/webhook-push.test-helper';
import { setAccountStatus } from '@/lib/marketplace-accounts';

let f: Awaited<ReturnType<typeof createIngestFixture>>;
let accountId: number;
let secret: string;

beforeAll(async () => {
  f = await createIngestFixture('ingesterror');
  const created = await f.addAccount({ marketplace: 'generic', authType: 'hmac' });
  accountId = created.account.id;
  secret = created.secret;
});
afterAll(async () => f?.t.drop());

function pushRaw(rawBody: string, opts: { headers?: Record<string, string>; accountId?: number; marketplace?: 'generic' | 'trendyol' } = {}) {
  const request = webhookRequest(rawBody, { ...signedHeaders(secret, rawBody), ...opts.headers });
  return ingestWebhook(f.db, { marketplace: opts.marketplace ?? 'generic', accountId: opts.accountId ?? accountId, key: f.key, request });
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await f.countRows();
  await run();
  expect(await f.countRows()).toEqual(before);
}

describe('refused pushes', () => {
  it('answers 415 to a body that is not JSON, and to a declared non-JSON content type', async () => {
    await expectNothingWritten(async () => {
      const broken = await pushRaw('{"externalId": "x", ');
      expect(webhookAnswer(broken)).toEqual({
        status: 415,
        body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } },
      });
      const form = await pushRaw(JSON.stringify(stockEvent('form-1')), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(webhookAnswer(form).status).toBe(415);
      expect(webhookAnswer(await pushRaw('')).status).toBe(415);
    });
  });

  it('accepts JSON content types with parameters or a +json suffix, and a missing one', async () => {
    const types = ['application/json; charset=utf-8', 'application/cloudevents+json', ''];
    for (const [i, type] of types.entries()) {
      const outcome = await pushRaw(JSON.stringify(stockEvent(`type-${i}`)), { headers: { 'content-type': type } });
      expect(webhookAnswer(outcome).status, type).toBe(200);
    }
  });

  it('answers 400 with the issues when JSON does not match the events', async () => {
    await expectNothingWritten(async () => {
      const wrongTypes = { ...stockEvent('typed-1'), quantity: 'five' };
      const answer = webhookAnswer(await pushRaw(JSON.stringify(wrongTypes)));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'BAD_REQUEST', issues: expect.arrayContaining([expect.objectContaining({ path: expect.any(Array), message: expect.any(String) })]) } });
      const unknownType = { ...stockEvent('typed-2'), type: 'order.exploded' };
      expect(webhookAnswer(await pushRaw(JSON.stringify(unknownType))).status).toBe(400);
      expect(webhookAnswer(await pushRaw('[1,2,3]')).status).toBe(400);
      expect(webhookAnswer(await pushRaw('null')).status).toBe(400);
    });
  });

  it('answers 404 for an unknown account, another marketplace’s address and a disabled account', async () => {
    const body = JSON.stringify(stockEvent('where-1'));
    await expectNothingWritten(async () => {
      expect(webhookAnswer(await pushRaw(body, { accountId: 999_999 })).status).toBe(404);
      expect(webhookAnswer(await pushRaw(body, { marketplace: 'trendyol' })).status).toBe(404);
      const disabled = await f.addAccount({ marketplace: 'generic', authType: 'hmac' });
      await setAccountStatus(f.db, f.tenantId, disabled.account.id, 'disabled', f.ctx);
      const request = webhookRequest(body, signedHeaders(disabled.secret, body));
      const outcome = await ingestWebhook(f.db, { marketplace: 'generic', accountId: disabled.account.id, key: f.key, request });
      expect(webhookAnswer(outcome)).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such webhook endpoint.' } } });
    });
  });

  it('never puts SQL or a stack trace in an answer', async () => {
    const answers = [
      await pushRaw('{"a":'),
      await pushRaw(JSON.stringify({ ...stockEvent("x'); DROP TABLE t;--"), quantity: null })),
      await pushRaw('{}', { accountId: 424_242 }),
    ].map((o) => JSON.stringify(webhookAnswer(o)));
    for (const text of answers) expect(text).not.toMatch(/select |insert |at \w+ \(|\.ts:\d+|msc_/i);
  });
});
