import type { Db } from '@/lib/db/pool';
import { getAccountForWebhook, type WebhookAccount } from '@/lib/marketplace-accounts/get-account-for-webhook';

/**
 * How long one process reuses an account it read for a push. A disabled account, a rotated secret
 * or an edit takes at most this long to reach every instance; in exchange a busy endpoint skips a
 * query and a decryption per push.
 */
export const ACCOUNT_CACHE_TTL_MS = 5_000;
const MAX_CACHED_ACCOUNTS = 10_000;

export type AccountLookup = (db: Db, accountId: number, key: Buffer) => Promise<WebhookAccount | null>;

export function cachedAccountLookup(ttlMs = ACCOUNT_CACHE_TTL_MS, clock: () => number = Date.now): AccountLookup {
  const cache = new Map<number, { account: WebhookAccount | null; expires: number }>();
  return async (db, accountId, key) => {
    const now = clock();
    const hit = cache.get(accountId);
    if (hit && hit.expires > now) return hit.account;
    const account = await getAccountForWebhook(db, accountId, key);
    if (cache.size >= MAX_CACHED_ACCOUNTS) cache.clear();
    cache.set(accountId, { account, expires: now + ttlMs });
    return account;
  };
}
