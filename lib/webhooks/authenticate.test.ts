import { describe, expect, it } from 'vitest';
import { generateAccountSecret, type AccountSecrets } from '@/lib/marketplace-accounts/account-secrets';
import { authenticateWebhook, type WebhookCredentials } from './authenticate';
import { basicAuthorization, signedHeaders } from './ingest/webhook-push.test-helper';

const HOUR_MS = 60 * 60_000;
const body = '{"externalId":"e-1","type":"stock.changed"}';

function secretsOf(current: string, previous?: { secret: string; until: Date }): AccountSecrets {
  return { current, previous: previous?.secret ?? null, previousUntil: previous?.until ?? null };
}

function account(authType: WebhookCredentials['authType'], secrets: AccountSecrets, extra: Partial<WebhookCredentials> = {}) {
  return { authType, authUsername: 'seller', apiKeyHeader: 'x-api-key', secrets, ...extra } satisfies WebhookCredentials;
}

const push = (headers: Record<string, string>, rawBody = body) => ({ headers, rawBody });

describe('Basic authentication', () => {
  const password = generateAccountSecret('basic');
  const basic = account('basic', secretsOf(password));

  it('accepts the user name and the current password', () => {
    expect(authenticateWebhook(push({ authorization: basicAuthorization('seller', password) }), basic)).toEqual({ ok: true });
  });

  it('refuses a wrong password, a wrong user name and a header without a colon', () => {
    const refused = { ok: false, reason: 'invalid_credentials' };
    expect(authenticateWebhook(push({ authorization: basicAuthorization('seller', `${password}x`) }), basic)).toEqual(refused);
    expect(authenticateWebhook(push({ authorization: basicAuthorization('Seller', password) }), basic)).toEqual(refused);
    const noColon = `Basic ${Buffer.from(`seller${password}`).toString('base64')}`;
    expect(authenticateWebhook(push({ authorization: noColon }), basic)).toEqual(refused);
  });

  it('refuses a missing or non-Basic Authorization header', () => {
    const missing = { ok: false, reason: 'missing_credentials' };
    expect(authenticateWebhook(push({}), basic)).toEqual(missing);
    expect(authenticateWebhook(push({ authorization: `Bearer ${password}` }), basic)).toEqual(missing);
  });

  it('accepts a password holding a colon', () => {
    const withColon = account('basic', secretsOf('pass:word:with-colons'));
    expect(authenticateWebhook(push({ authorization: basicAuthorization('seller', 'pass:word:with-colons') }), withColon).ok).toBe(true);
  });
});

describe('API key authentication', () => {
  const key = generateAccountSecret('apikey');

  it('accepts the key in the account’s header, whatever case the account named it in', () => {
    expect(authenticateWebhook(push({ 'x-api-key': key }), account('apikey', secretsOf(key)))).toEqual({ ok: true });
    const custom = account('apikey', secretsOf(key), { apiKeyHeader: 'X-Seller-Key' });
    expect(authenticateWebhook(push({ 'x-seller-key': key }), custom)).toEqual({ ok: true });
    expect(authenticateWebhook(push({ 'x-api-key': key }), custom)).toEqual({ ok: false, reason: 'missing_credentials' });
  });

  it('refuses a wrong key, a prefix of the key and a missing header', () => {
    const apikey = account('apikey', secretsOf(key));
    expect(authenticateWebhook(push({ 'x-api-key': `${key}0` }), apikey)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(authenticateWebhook(push({ 'x-api-key': key.slice(0, 10) }), apikey)).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(authenticateWebhook(push({}), apikey)).toEqual({ ok: false, reason: 'missing_credentials' });
  });
});

describe('Standard Webhooks HMAC', () => {
  const secret = generateAccountSecret('hmac');
  const hmac = account('hmac', secretsOf(secret));

  it('accepts a signature over the raw body made with the current secret', () => {
    expect(authenticateWebhook(push(signedHeaders(secret, body)), hmac)).toEqual({ ok: true });
  });

  it('accepts a header carrying several signatures when one of them matches', () => {
    const headers = signedHeaders(secret, body);
    const other = signedHeaders(generateAccountSecret('hmac'), body, { id: headers['webhook-id'] });
    const several = { ...headers, 'webhook-signature': `v1,AAAA ${other['webhook-signature']} ${headers['webhook-signature']}` };
    expect(authenticateWebhook(push(several), hmac)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, a non-v1 signature and missing headers', () => {
    const headers = signedHeaders(secret, body);
    expect(authenticateWebhook(push(headers, `${body} `), hmac)).toEqual({ ok: false, reason: 'invalid_signature' });
    expect(authenticateWebhook(push(signedHeaders(generateAccountSecret('hmac'), body)), hmac)).toEqual({
      ok: false,
      reason: 'invalid_signature',
    });
    const v2 = { ...headers, 'webhook-signature': headers['webhook-signature'].replace(/^v1,/, 'v2,') };
    expect(authenticateWebhook(push(v2), hmac)).toEqual({ ok: false, reason: 'invalid_signature' });
    const { 'webhook-id': _id, ...withoutId } = headers;
    expect(authenticateWebhook(push(withoutId), hmac)).toEqual({ ok: false, reason: 'missing_credentials' });
  });

  it('refuses a correctly signed push whose timestamp is more than 5 minutes old or ahead', () => {
    const sixMinutesMs = 6 * 60_000;
    const old = signedHeaders(secret, body, { at: new Date(Date.now() - sixMinutesMs) });
    const ahead = signedHeaders(secret, body, { at: new Date(Date.now() + sixMinutesMs) });
    expect(authenticateWebhook(push(old), hmac)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(authenticateWebhook(push(ahead), hmac)).toEqual({ ok: false, reason: 'stale_timestamp' });
    const fourMinutesOld = signedHeaders(secret, body, { at: new Date(Date.now() - 4 * 60_000) });
    expect(authenticateWebhook(push(fourMinutesOld), hmac)).toEqual({ ok: true });
  });
});

describe('secret rotation', () => {
  it('accepts the previous secret until its grace period ends, for every kind of credential', () => {
    const kinds = ['basic', 'apikey', 'hmac'] as const;
    for (const kind of kinds) {
      const previous = generateAccountSecret(kind);
      const current = generateAccountSecret(kind);
      const during = account(kind, secretsOf(current, { secret: previous, until: new Date(Date.now() + HOUR_MS) }));
      const after = account(kind, secretsOf(current, { secret: previous, until: new Date(Date.now() - 1) }));
      const headersFor = (s: string): Record<string, string> =>
        kind === 'basic'
          ? { authorization: basicAuthorization('seller', s) }
          : kind === 'apikey'
            ? { 'x-api-key': s }
            : signedHeaders(s, body);
      expect(authenticateWebhook(push(headersFor(previous)), during), `${kind} previous during grace`).toEqual({ ok: true });
      expect(authenticateWebhook(push(headersFor(current)), during), `${kind} current during grace`).toEqual({ ok: true });
      expect(authenticateWebhook(push(headersFor(previous)), after).ok, `${kind} previous after grace`).toBe(false);
      expect(authenticateWebhook(push(headersFor(current)), after), `${kind} current after grace`).toEqual({ ok: true });
    }
  });
});
