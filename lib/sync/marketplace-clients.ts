import { getMarketplaceClient } from '@/lib/marketplaces/outbound';
import type { JobContext } from '@/lib/jobs/types';
import type { ClientFor } from './run-stock-price-sync';

/**
 * The real outbound client of each account (rate limit, retries honouring Retry-After, breaker),
 * built from its stored settings and sealed credentials. Its waits end at the run's deadline, so a
 * long Retry-After fails the call as retryable instead of outliving the run.
 */
export function clientsFromAccounts(ctx: JobContext): ClientFor {
  return (account) => getMarketplaceClient(ctx.mainDb, account.id, ctx.key, { deadline: ctx.deadline });
}
