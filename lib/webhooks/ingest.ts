import type { Db } from '@/lib/db/pool';
import type { WebhookRequest } from '@/lib/marketplaces/adapter';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { getAdapter } from '@/lib/marketplaces/registry';
import { getAccountForWebhook } from '@/lib/marketplace-accounts/get-account-for-webhook';
import { overQuotaMessage, processQuotaGate, webhookQuotaUse, type QuotaGate, type QuotaUse } from '@/lib/quotas';
import { authenticateWebhook } from './authenticate';
import { acceptsContentType, parseJsonBody } from './ingest/json-body';
import { toWebhookIssues, type IngestOutcome } from './ingest/outcome';
import { recordDelivery, recordDeliveryWithinQuota, type DeliveryToRecord, type DeliveryWithinQuota } from './ingest/record-delivery';
import { headersToStore } from './ingest/stored-headers';
import type { AccountLookup } from './ingest/account-cache';

export type { IngestOutcome } from './ingest/outcome';

export type IngestInput = {
  marketplace: MarketplaceName;
  accountId: number;
  request: WebhookRequest;
  /** Opens the account's sealed secrets (encryptionKeyFrom(APP_ENCRYPTION_KEY)). */
  key: Buffer;
  /** How to read the account; the route passes a short-lived cache (ingest/account-cache.ts). */
  lookupAccount?: AccountLookup;
  /** Counts the push against the tenant's webhook quotas: this process's gate by default, null to skip (QUOTA_ENFORCEMENT=off). */
  quotaGate?: QuotaGate | null;
};

// One answer for unknown, disabled and other-marketplace accounts: a caller learns nothing about which ids exist.
const NO_SUCH_ENDPOINT = 'No such webhook endpoint.';

/**
 * Takes one push: authenticates it against the account, parses it with the marketplace's adapter
 * and stores the delivery and its canonical events. Nothing is written unless all of that passed;
 * what is written is committed before this returns.
 */
export async function ingestWebhook(
  db: Db,
  { marketplace, accountId, request, key, lookupAccount = getAccountForWebhook, quotaGate = processQuotaGate(db) }: IngestInput,
): Promise<IngestOutcome> {
  const account = await lookupAccount(db, accountId, key);
  if (!account || account.status !== 'active' || account.marketplace !== marketplace) {
    return { ok: false, code: 'NOT_FOUND', message: NO_SUCH_ENDPOINT };
  }

  const auth = authenticateWebhook(request, account);
  if (!auth.ok) {
    console.warn(`webhook refused: account ${account.id} (${marketplace}) ${auth.reason}`);
    const message =
      auth.reason === 'stale_timestamp'
        ? 'The signature timestamp is more than 5 minutes from our clock.'
        : 'Authentication failed.';
    return { ok: false, code: 'UNAUTHORIZED', message };
  }

  if (!acceptsContentType(request.headers['content-type'])) {
    return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' };
  }
  const body = parseJsonBody(request.rawBody);
  if (!body.ok) return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body is not valid JSON.' };

  const parsed = getAdapter(marketplace).parse(body.value, request);
  if (!parsed.ok) {
    return {
      ok: false,
      code: 'BAD_REQUEST',
      message: 'The body does not match the expected events.',
      issues: toWebhookIssues(parsed.issues),
    };
  }

  const delivery: DeliveryToRecord = {
    tenantId: account.tenantId,
    accountId: account.id,
    marketplace,
    request,
    storedHeaders: headersToStore(request.headers, account.apiKeyHeader),
    events: parsed.events,
  };
  if (!quotaGate) return { ok: true, tenantId: account.tenantId, accountId: account.id, ...(await recordDelivery(db, delivery)) };

  // After parsing, so the quota counts events (a batch push is several) and a malformed push costs none.
  const use = webhookQuotaUse(account.tenantId, parsed.events.length, request.receivedAt);
  const result = await recordWithinQuota(db, quotaGate, delivery, use);
  if (result.recorded === null) {
    const { decision } = result;
    if (decision.reason === 'tenant_inactive') return { ok: false, code: 'NOT_FOUND', message: NO_SUCH_ENDPOINT };
    return { ok: false, code: 'TOO_MANY_REQUESTS', message: overQuotaMessage(decision, new Date()), quota: decision };
  }
  return { ok: true, tenantId: account.tenantId, accountId: account.id, ...result.recorded, quota: result.decision };
}

/**
 * Refused from this instance's memory of a full window, or counted and stored in one transaction and
 * one round trip (counted if and only if stored), the decision then told to the gate for its alerts.
 */
async function recordWithinQuota(db: Db, gate: QuotaGate, delivery: DeliveryToRecord, use: QuotaUse): Promise<DeliveryWithinQuota> {
  const remembered = gate.refusedLocally(use);
  if (remembered && !remembered.allowed) return { decision: remembered, recorded: null };
  const result = await recordDeliveryWithinQuota(db, delivery, use);
  await gate.observe(use, result.decision);
  return result;
}
