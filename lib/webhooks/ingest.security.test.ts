import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { marketplaceAccounts, webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { rotateAccountSecret, SECRET_ROTATION_GRACE_MS, type AccountSecrets } from '@/lib/marketplace-accounts';
import { generateAccountSecret, openAccountSecrets, sealAccountSecrets } from '@/lib/marketplace-accounts/account-secrets';
import { ingestWebhook } from './ingest';
import { webhookAnswer } from './ingest/answer';
import { headersToStore } from './ingest/stored-headers';
import { createIngestFixture } from './ingest/ingest-fixture.test-helper';
import { basicAuthorization, signedHeaders, stockEvent, webhookRequest } from './ingest/webhook-push.test-helper';

let f: Awaited<ReturnType<typeof createIngestFixture>>;
let hmac: { id: number; secret: string };
let basic: { id: number; secret: string };
let apikey: { id: number; secret: string };
const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(async () => {
  f = await createIngestFixture('ingestsec');
  const [h, b, k] = await Promise.all([
    f.addAccount({ marketplace: 'generic', authType: 'hmac' }),
    f.addAccount({ marketplace: 'trendyol', authType: 'basic', authUsername: 'trendyol-seller' }),
    f.addAccount({ marketplace: 'trendyol', authType: 'apikey', apiKeyHeader: 'x-api-key' }),
  ]);
  hmac = { id: h.account.id, secret: h.secret };
  basic = { id: b.account.id, secret: b.secret };
  apikey = { id: k.account.id, secret: k.secret };
});
afterAll(async () => f?.t.drop());

function pushGeneric(rawBody: string, headers: Record<string, string>, accountId = hmac.id) {
  return ingestWebhook(f.db, { marketplace: 'generic', accountId, key: f.key, request: webhookRequest(rawBody, headers) });
}
function pushTrendyol(accountId: number, headers: Record<string, string>) {
  const rawBody = JSON.stringify({ content: [] });
  return ingestWebhook(f.db, { marketplace: 'trendyol', accountId, key: f.key, request: webhookRequest(rawBody, headers) });
}

async function expectRefusedAndNothingWritten(run: () => Promise<Parameters<typeof webhookAnswer>[0]>) {
  const before = await f.countRows();
  const answer = webhookAnswer(await run());
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  expect(await f.countRows()).toEqual(before);
}

describe('webhook authentication at ingest', () => {
  const body = JSON.stringify(stockEvent('sec-1'));

  it('refuses a missing, forged or foreign signature and writes nothing', async () => {
    await expectRefusedAndNothingWritten(() => pushGeneric(body, {}));
    const signed = signedHeaders(hmac.secret, body);
    await expectRefusedAndNothingWritten(() => pushGeneric(body, { ...signed, 'webhook-signature': 'v1,Zm9yZ2Vk' }));
    await expectRefusedAndNothingWritten(() => pushGeneric(JSON.stringify(stockEvent('sec-1', 'SKU-1', 999)), signed));
    await expectRefusedAndNothingWritten(() => pushGeneric(body, signedHeaders(generateAccountSecret('hmac'), body)));
  });

  it('refuses a correctly signed push whose timestamp is more than 5 minutes old', async () => {
    const stale = signedHeaders(hmac.secret, body, { at: new Date(Date.now() - 6 * 60_000) });
    await expectRefusedAndNothingWritten(() => pushGeneric(body, stale));
  });

  it('refuses wrong or missing Basic credentials and a wrong user name', async () => {
    await expectRefusedAndNothingWritten(() => pushTrendyol(basic.id, {}));
    await expectRefusedAndNothingWritten(() => pushTrendyol(basic.id, { authorization: basicAuthorization('trendyol-seller', 'wrong-password-123') }));
    await expectRefusedAndNothingWritten(() => pushTrendyol(basic.id, { authorization: basicAuthorization('someone-else', basic.secret) }));
    await expectRefusedAndNothingWritten(() => pushTrendyol(basic.id, { 'x-api-key': basic.secret }));
  });

  it('refuses a wrong or missing API key, and another account’s key', async () => {
    await expectRefusedAndNothingWritten(() => pushTrendyol(apikey.id, {}));
    await expectRefusedAndNothingWritten(() => pushTrendyol(apikey.id, { 'x-api-key': `${apikey.secret}x` }));
    await expectRefusedAndNothingWritten(() => pushTrendyol(apikey.id, { 'x-api-key': basic.secret }));
    await expectRefusedAndNothingWritten(() => pushTrendyol(apikey.id, { authorization: basicAuthorization('x', apikey.secret) }));
  });

  it('gets past authentication with the right Basic and API-key credentials', async () => {
    const basicOutcome = await pushTrendyol(basic.id, { authorization: basicAuthorization('trendyol-seller', basic.secret) });
    const keyOutcome = await pushTrendyol(apikey.id, { 'x-api-key': apikey.secret });
    expect(webhookAnswer(basicOutcome).status).not.toBe(401);
    expect(webhookAnswer(keyOutcome).status).not.toBe(401);
  });
});

describe('secret rotation at ingest', () => {
  it('accepts the previous secret during the grace period, then only the new one', async () => {
    const rotating = await f.addAccount({ marketplace: 'generic', authType: 'hmac', name: 'rotating' });
    const old = rotating.secret;
    const { secret: fresh } = await rotateAccountSecret(f.db, f.tenantId, rotating.account.id, f.ctx);
    const send = (secret: string, id: string) => {
      const raw = JSON.stringify(stockEvent(id));
      return pushGeneric(raw, signedHeaders(secret, raw), rotating.account.id);
    };
    expect(await send(old, 'rot-old')).toMatchObject({ ok: true, received: 1 });
    expect(await send(fresh, 'rot-new')).toMatchObject({ ok: true, received: 1 });

    // The grace period ends: move it into the past as time would.
    const [row] = await f.db.select().from(marketplaceAccounts).where(eq(marketplaceAccounts.id, rotating.account.id));
    const secrets: AccountSecrets = openAccountSecrets(row!.secretCiphertext, f.key);
    const expired = { ...secrets, previousUntil: new Date(Date.now() - SECRET_ROTATION_GRACE_MS) };
    await f.db
      .update(marketplaceAccounts)
      .set({ secretCiphertext: sealAccountSecrets(expired, f.key) })
      .where(eq(marketplaceAccounts.id, rotating.account.id));
    await expectRefusedAndNothingWritten(() => send(old, 'rot-old-2'));
    expect(await send(fresh, 'rot-new-2')).toMatchObject({ ok: true, received: 1 });
  });

  it('refuses a secret rotated out twice', async () => {
    const account = await f.addAccount({ marketplace: 'generic', authType: 'hmac', name: 'twice' });
    await rotateAccountSecret(f.db, f.tenantId, account.account.id, f.ctx);
    await rotateAccountSecret(f.db, f.tenantId, account.account.id, f.ctx);
    const raw = JSON.stringify(stockEvent('twice-old'));
    await expectRefusedAndNothingWritten(() => pushGeneric(raw, signedHeaders(account.secret, raw), account.account.id));
  });
});

describe('what a delivery keeps', () => {
  it('logs each refusal with its reason and no credential', () => {
    const logged = warn.mock.calls.map((args) => args.join(' '));
    expect(logged).toEqual(expect.arrayContaining([expect.stringMatching(/account \d+ \(generic\) stale_timestamp/)]));
    for (const line of logged) {
      for (const secret of [hmac.secret, basic.secret, apikey.secret]) expect(line).not.toContain(secret);
    }
  });

  it('stores the sender’s headers without any signature value', async () => {
    const raw = JSON.stringify(stockEvent('headers-1'));
    const signed = signedHeaders(hmac.secret, raw);
    const outcome = await pushGeneric(raw, { ...signed, 'x-request-id': 'req-77', cookie: 'session=abc' });
    expect(outcome.ok).toBe(true);
    const [event] = await f.db.select().from(webhookEvents).where(eq(webhookEvents.externalId, 'headers-1'));
    const [delivery] = await f.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, event!.deliveryId));
    expect(delivery!.headers).toMatchObject({
      'webhook-id': signed['webhook-id'],
      'webhook-timestamp': signed['webhook-timestamp'],
      'webhook-signature': '[redacted]',
      'x-request-id': 'req-77',
      cookie: '[redacted]',
      'user-agent': 'vitest-sender',
    });
    const stored = JSON.stringify(delivery!.headers);
    expect(stored).not.toContain(signed['webhook-signature'].slice(3));
    expect(stored).not.toContain(hmac.secret);
  });

  it('keeps Authorization and API-key headers by name only', () => {
    const headers = {
      authorization: basicAuthorization('trendyol-seller', basic.secret),
      'x-api-key': apikey.secret,
      'x-seller-token': 'tok',
      'x-custom-key-header': 'abc',
      appsecret: 'n11-secret',
      'content-type': 'application/json',
    };
    const stored = headersToStore(headers, 'X-Custom-Key-Header');
    expect(stored).toEqual({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
      'x-seller-token': '[redacted]',
      'x-custom-key-header': '[redacted]',
      appsecret: '[redacted]',
      'content-type': 'application/json',
    });
    expect(headersToStore({ 'x-partner': 'p-1' }, 'x-partner')).toEqual({ 'x-partner': '[redacted]' });
  });
});
