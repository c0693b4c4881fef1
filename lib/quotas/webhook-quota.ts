import type { QuotaDecision, QuotaUse } from './quota-statements';
import { secondsUntil } from './windows';

/**
 * A push's use of the tenant's webhook quotas (per minute and per day): its events. A refused push
 * stores nothing; the sender's retry, after Retry-After, brings its events in, so none is lost.
 * A missing or disabled tenant is refused as `tenant_inactive`.
 */
export function webhookQuotaUse(tenantId: number, eventCount: number, receivedAt: Date): QuotaUse {
  return { tenantId, metric: 'webhook_events', scope: '', amount: eventCount, now: receivedAt, requireActiveTenant: true };
}

const WINDOW_TEXT = { minute: 'per minute', day: 'per day' } as const;

/** The 429's message: which quota, how big, and when to come back. */
export function overQuotaMessage(decision: Extract<QuotaDecision, { reason: 'quota' }>, now: Date): string {
  const { refusedBy } = decision;
  return `Over this shop's quota of ${refusedBy.limit} webhook events ${WINDOW_TEXT[refusedBy.grain]}; retry after ${secondsUntil(refusedBy.resetAt, now)} s.`;
}
