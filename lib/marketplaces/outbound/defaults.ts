import type { ApiMarketplace } from '@/lib/marketplace-accounts/api-credentials';
import { windowLimit, type RateLimit } from './rate-limiter';

/**
 * Production hosts per service. An account's `apiBaseUrl` replaces all of them at once (paths stay
 * as documented), which is how tests, the demo and staging reach a fake or a sandbox.
 */
export const PRODUCTION_HOSTS = {
  trendyol: { api: 'https://apigw.trendyol.com' },
  hepsiburada: { listing: 'https://listing-external.hepsiburada.com', orders: 'https://oms-external.hepsiburada.com' },
  n11: { api: 'https://api.n11.com' },
  pazarama: { api: 'https://isortagimapi.pazarama.com', auth: 'https://isortagimgiris.pazarama.com' },
  pttavm: { api: 'https://integration-api.pttavm.com' },
  amazon: { api: 'https://sellingpartnerapi-eu.amazon.com', auth: 'https://api.amazon.com' },
} as const satisfies Record<ApiMarketplace, Record<string, string>>;

export type ServiceOf<M extends ApiMarketplace> = keyof (typeof PRODUCTION_HOSTS)[M] & string;

/**
 * Each account's default request rate, per endpoint unless a client says otherwise. Window limits
 * become buckets that never exceed them in any window: Trendyol 50 per endpoint in 10 s [doc];
 * Hepsiburada catalog services 100/s [doc]; N11 1,000 a minute [doc]; Pazarama and PttAVM publish no
 * general limit [inferred: 10/s]. Amazon states its plans as token buckets: 5/s, burst 5
 * (patchListingsItem), with slower per-operation plans in the client [doc].
 */
export const DEFAULT_RATE_LIMITS: Record<ApiMarketplace, RateLimit> = {
  trendyol: windowLimit(50, 10_000, 10),
  hepsiburada: windowLimit(100, 1_000, 20),
  n11: windowLimit(1_000, 60_000, 100),
  pazarama: windowLimit(10, 1_000, 2),
  pttavm: windowLimit(10, 1_000, 2),
  amazon: { requests: 5, perMs: 1_000, burst: 5 },
};

export const DAY_MS = 24 * 60 * 60_000;
