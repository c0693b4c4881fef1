import { createHash, timingSafeEqual } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookRequest } from '@/lib/marketplaces/adapter';
import { acceptedSecrets } from '@/lib/marketplace-accounts/account-secrets';
import type { WebhookAccount } from '@/lib/marketplace-accounts/get-account-for-webhook';

/** Standard Webhooks: signatures whose timestamp is further than this from our clock are refused. */
export const SIGNATURE_TOLERANCE_S = 5 * 60;

export type WebhookAuthFailure = 'missing_credentials' | 'invalid_credentials' | 'stale_timestamp' | 'invalid_signature';
export type WebhookAuthResult = { ok: true } | { ok: false; reason: WebhookAuthFailure };

export type WebhookCredentials = Pick<WebhookAccount, 'authType' | 'authUsername' | 'apiKeyHeader' | 'secrets'>;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time equality: hashing first gives equal lengths, so the length of the secret does not leak. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** True when any accepted secret matches; every candidate is compared, whichever matches. */
function matchesAny(given: string, secrets: string[]): boolean {
  return secrets.map((secret) => sameSecret(given, secret)).includes(true);
}

function authenticateBasic(headers: Record<string, string>, account: WebhookCredentials, secrets: string[]): WebhookAuthResult {
  const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return { ok: false, reason: 'missing_credentials' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'invalid_credentials' };
  const usernameOk = sameSecret(decoded.slice(0, colon), account.authUsername);
  const passwordOk = matchesAny(decoded.slice(colon + 1), secrets);
  return usernameOk && passwordOk ? { ok: true } : { ok: false, reason: 'invalid_credentials' };
}

function authenticateApiKey(headers: Record<string, string>, account: WebhookCredentials, secrets: string[]): WebhookAuthResult {
  const given = headers[account.apiKeyHeader.toLowerCase()];
  if (!given) return { ok: false, reason: 'missing_credentials' };
  return matchesAny(given, secrets) ? { ok: true } : { ok: false, reason: 'invalid_credentials' };
}

/** Standard Webhooks: HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, several `v1,` signatures allowed. */
function authenticateHmac(request: Pick<WebhookRequest, 'headers' | 'rawBody'>, secrets: string[], now: Date): WebhookAuthResult {
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const signature = request.headers['webhook-signature'];
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing_credentials' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'invalid_signature' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_S) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  const signed = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
  const verified = secrets.map((secret) => {
    try {
      new Webhook(secret).verify(request.rawBody, signed, { jsonParse: false });
      return true;
    } catch (err) {
      if (err instanceof WebhookVerificationError) return false;
      throw err;
    }
  });
  return verified.includes(true) ? { ok: true } : { ok: false, reason: 'invalid_signature' };
}

/**
 * Checks a push against the account's credentials, accepting the current secret and, during a
 * rotation's grace period, the previous one. Headers must be lower-cased.
 */
export function authenticateWebhook(
  request: Pick<WebhookRequest, 'headers' | 'rawBody'>,
  account: WebhookCredentials,
  now: Date = new Date(),
): WebhookAuthResult {
  const secrets = acceptedSecrets(account.secrets, now);
  switch (account.authType) {
    case 'basic':
      return authenticateBasic(request.headers, account, secrets);
    case 'apikey':
      return authenticateApiKey(request.headers, account, secrets);
    case 'hmac':
      return authenticateHmac(request, secrets, now);
  }
}
