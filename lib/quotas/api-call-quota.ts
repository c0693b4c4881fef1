import type { Db } from '@/lib/db/pool';
import { env } from '@/lib/env';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { processQuotaGate, type QuotaGate } from './quota-gate';

/** Thrown (without waiting) when the tenant's next API call slot is later than the caller may wait. */
export class QuotaWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`The tenant's API-call quota allows the next call in ${waitMs} ms`);
    this.name = 'QuotaWaitTooLong';
  }
}

type WaitClock = { now(): number; sleep(ms: number): Promise<void> };

/**
 * Takes one outbound call from the tenant's per-minute quota for the marketplace, waiting for the next
 * minute while this one is used up: sync slows down to the quota instead of failing. Waiters wake at
 * the window's start and race for it in the database, so exactly the limit gets through per minute.
 * Answers how long it waited; throws QuotaWaitTooLong when the wait would pass `maxWaitMs`.
 */
export async function waitForApiCallQuota(
  db: Db,
  account: { tenantId: number; marketplace: MarketplaceName },
  clock: WaitClock,
  maxWaitMs: number,
  gate: QuotaGate = processQuotaGate(db),
): Promise<number> {
  if (env().QUOTA_ENFORCEMENT === 'off') return 0;
  let waited = 0;
  for (;;) {
    const now = new Date(clock.now());
    const decision = await gate.take({
      tenantId: account.tenantId,
      metric: 'api_calls',
      scope: account.marketplace,
      amount: 1,
      now,
      // A job already running for a tenant disabled meanwhile finishes its calls; new runs are not started.
      requireActiveTenant: false,
    });
    if (decision.allowed) return waited;
    if (decision.reason !== 'quota') throw new Error(`API-call quota of tenant ${account.tenantId} refused: ${decision.reason}`);
    const waitMs = Math.max(1, decision.refusedBy.resetAt.getTime() - now.getTime());
    if (waited + waitMs > maxWaitMs) throw new QuotaWaitTooLong(waitMs);
    await clock.sleep(waitMs);
    waited += waitMs;
  }
}
