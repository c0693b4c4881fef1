import type { Db } from '@/lib/db/pool';
import type { ApiAccount } from '@/lib/marketplace-accounts/get-account-for-api';
import type { ApiMarketplace } from '@/lib/marketplace-accounts/api-credentials';
import type { Clock } from './clock';
import { DEFAULT_RATE_LIMITS, PRODUCTION_HOSTS, type ServiceOf } from './defaults';
import type { OutboundHttp } from './http';
import type { RateLimit } from './rate-limiter';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/** What a marketplace client is built from. */
export type ClientContext<M extends ApiMarketplace> = {
  db: Db;
  account: ApiAccount<M>;
  http: OutboundHttp;
  clock: Clock;
};

/** The URL of `path` on the account's base URL, or on the service's production host. */
export function urlOf<M extends ApiMarketplace>(ctx: ClientContext<M>, service: ServiceOf<M>, path: string, query: Query = {}): string {
  const hosts = PRODUCTION_HOSTS[ctx.account.marketplace] as Record<string, string>;
  const base = ctx.account.apiBaseUrl || hosts[service];
  if (!base) throw new Error(`${ctx.account.marketplace} has no ${service} host`);
  const url = new URL(`${base}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) url.searchParams.set(name, value.join(','));
    else url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** The token bucket of one endpoint of the account (or a shared key, as Pazarama's writes are). */
export function bucketOf<M extends ApiMarketplace>(ctx: ClientContext<M>, key: string, limit?: RateLimit): { key: string; limit: RateLimit } {
  return { key: `${ctx.account.id}:${key}`, limit: limit ?? DEFAULT_RATE_LIMITS[ctx.account.marketplace] };
}

/** A path segment from a value that came from outside (an id in a batch id or a response). */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}
