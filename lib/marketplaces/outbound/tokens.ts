import { createHash } from 'node:crypto';
import type { Clock } from './clock';

type CachedToken = { token: string; expiresAt: number };

/** Tokens are refreshed this long before they expire, so one never runs out mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

// One cache per process, kept on globalThis so a twice-bundled server shares it.
const cacheKey = Symbol.for('meschain.outboundTokens');
const globalWithTokens = globalThis as typeof globalThis & { [cacheKey]?: Map<string, CachedToken> };
function cache(): Map<string, CachedToken> {
  globalWithTokens[cacheKey] ??= new Map();
  return globalWithTokens[cacheKey];
}

/** A cache key that changes with the credentials and the host, so replacing either drops the old token. */
export function tokenKey(accountId: number, parts: readonly string[]): string {
  return `${accountId}:${createHash('sha256').update(parts.join('\u0000')).digest('base64url')}`;
}

/** An access token from the cache while it is valid, else a fresh one from `fetchToken`. */
export async function cachedToken(
  key: string,
  clock: Clock,
  fetchToken: () => Promise<{ token: string; expiresInS: number }>,
): Promise<string> {
  const hit = cache().get(key);
  if (hit && hit.expiresAt - EXPIRY_MARGIN_MS > clock.now()) return hit.token;
  const fresh = await fetchToken();
  cache().set(key, { token: fresh.token, expiresAt: clock.now() + fresh.expiresInS * 1000 });
  return fresh.token;
}

export function dropToken(key: string): void {
  cache().delete(key);
}
