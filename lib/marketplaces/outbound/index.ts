import type { Db } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getAccountForApi, type ApiAccount } from '@/lib/marketplace-accounts/get-account-for-api';
import type { ApiMarketplace } from '@/lib/marketplace-accounts/api-credentials';
import { amazonClient } from './amazon';
import { CircuitBreaker, DEFAULT_BREAKER_SETTINGS, type BreakerSettings } from './circuit-breaker';
import { systemClock, type Clock } from './clock';
import type { ClientContext } from './context';
import { hepsiburadaClient } from './hepsiburada';
import { DEFAULT_HTTP_SETTINGS, OutboundHttp, type HttpSettings } from './http';
import { n11Client } from './n11';
import { pazaramaClient } from './pazarama';
import { pttavmClient } from './pttavm';
import { TokenBucketLimiter } from './rate-limiter';
import { basicAuth, redactor } from './redact';
import { trendyolClient } from './trendyol';
import type { MarketplaceClient } from './types';

export { MarketplaceApiError, API_ERROR_KINDS, type ApiErrorKind } from './errors';
export { ManualClock, systemClock, type Clock } from './clock';
export { TokenBucketLimiter, type RateLimit } from './rate-limiter';
export { DEFAULT_HTTP_SETTINGS, type HttpSettings } from './http';
export { DEFAULT_BREAKER_SETTINGS, type BreakerSettings } from './circuit-breaker';
export type * from './types';

export type MarketplaceClientOptions = {
  /** Time for rate limits, backoff and the breaker (tests pass a ManualClock). */
  clock?: Clock;
  /** Token buckets; by default one set per process shared by every client, so two clients of an account share its limit. */
  limiter?: TokenBucketLimiter;
  /** Timeout, attempts and backoff (tests shorten them). */
  http?: Partial<HttpSettings>;
  breaker?: Partial<BreakerSettings>;
  /** Epoch ms (on `clock`) after which no retry wait or rate-limit wait starts: the call fails as retryable instead. */
  deadline?: number;
};

const limiterKey = Symbol.for('meschain.outboundLimiter');
const globalWithLimiter = globalThis as typeof globalThis & { [limiterKey]?: TokenBucketLimiter };
function processLimiter(): TokenBucketLimiter {
  globalWithLimiter[limiterKey] ??= new TokenBucketLimiter(systemClock);
  return globalWithLimiter[limiterKey];
}

/** Every form in which the account's credentials could be written, for removing them from errors. */
function secretForms(account: ApiAccount): string[] {
  const values: string[] = Object.values(account.credentials);
  if (account.marketplace === 'trendyol') {
    const { apiKey, apiSecret } = account.credentials as ApiAccount<'trendyol'>['credentials'];
    values.push(basicAuth(apiKey, apiSecret).slice('Basic '.length));
  }
  if (account.marketplace === 'hepsiburada') {
    values.push(basicAuth(account.apiSellerId, (account.credentials as ApiAccount<'hepsiburada'>['credentials']).serviceKey).slice('Basic '.length));
  }
  if (account.marketplace === 'pazarama') {
    const { clientId, clientSecret } = account.credentials as ApiAccount<'pazarama'>['credentials'];
    values.push(basicAuth(clientId, clientSecret).slice('Basic '.length));
  }
  return values;
}

/**
 * The outbound client of one marketplace account: its credentials opened with `key`
 * (encryptionKeyFrom(APP_ENCRYPTION_KEY)), every call through the account's circuit breaker (in
 * msc_circuit_breaker), token buckets, timeouts and retries, and logged in msc_marketplace_api_call.
 * Throws ServiceError NOT_FOUND / BAD_REQUEST for a missing, disabled or credential-less account;
 * calls throw MarketplaceApiError.
 */
export async function getMarketplaceClient(
  mainDb: Db,
  accountId: number,
  key: Buffer,
  options: MarketplaceClientOptions = {},
): Promise<MarketplaceClient> {
  const account = await getAccountForApi(mainDb, accountId, key);
  if (account.status !== 'active') throw new ServiceError('BAD_REQUEST', `Marketplace account ${accountId} is disabled`);
  const clock = options.clock ?? systemClock;
  const breaker = new CircuitBreaker(mainDb, account, { ...DEFAULT_BREAKER_SETTINGS, ...options.breaker }, clock);
  const http = new OutboundHttp(
    mainDb,
    account,
    breaker,
    options.limiter ?? processLimiter(),
    clock,
    { ...DEFAULT_HTTP_SETTINGS, ...options.http },
    redactor(secretForms(account)),
    options.deadline ?? null,
  );
  const ctx = { db: mainDb, account, http, clock };
  const build: { [M in ApiMarketplace]: (c: ClientContext<M>) => MarketplaceClient } = {
    trendyol: trendyolClient,
    hepsiburada: hepsiburadaClient,
    n11: n11Client,
    pazarama: pazaramaClient,
    pttavm: pttavmClient,
    amazon: amazonClient,
  };
  return (build[account.marketplace] as (c: ClientContext<ApiMarketplace>) => MarketplaceClient)(ctx as ClientContext<ApiMarketplace>);
}
