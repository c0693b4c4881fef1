import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { alerts, type AlertSeverity } from '@/lib/db/schema';
import type { QuotaResource } from './resources';

/** An alert is raised when a quota passes this share of its limit, and again when it reaches it. */
export const QUOTA_WARNING_SHARE = 0.8;

export const QUOTA_ALERT_KINDS = { warning: 'quota.warning', exhausted: 'quota.exhausted' } as const;
export type QuotaAlertLevel = keyof typeof QUOTA_ALERT_KINDS;
const SEVERITY: Record<QuotaAlertLevel, AlertSeverity> = { warning: 'warning', exhausted: 'critical' };

export type QuotaAlert = {
  tenantId: number;
  level: QuotaAlertLevel;
  resource: QuotaResource;
  scope: string;
  /** The window the alert is about (a day for levels such as linked products). */
  windowStart: Date;
  used: number;
  limit: number;
};

/** `resource|scope|window`: what makes an alert the same alert (the pages read it back). */
export function quotaAlertKey(alert: Pick<QuotaAlert, 'resource' | 'scope' | 'windowStart'>): string {
  return [alert.resource, alert.scope, alert.windowStart.toISOString()].join('|');
}

/** Which alert levels a count of `used` out of `limit` has reached. */
export function reachedLevels(used: number, limit: number): QuotaAlertLevel[] {
  const levels: QuotaAlertLevel[] = [];
  if (used >= limit * QUOTA_WARNING_SHARE) levels.push('warning');
  if (used >= limit) levels.push('exhausted');
  return levels;
}

/** Which alert levels a use from `before` to `after` of `limit` crossed. */
export function crossedLevels(before: number, after: number, limit: number): QuotaAlertLevel[] {
  const levels: QuotaAlertLevel[] = [];
  const warnAt = limit * QUOTA_WARNING_SHARE;
  if (before < warnAt && after >= warnAt) levels.push('warning');
  if (before < limit && after >= limit) levels.push('exhausted');
  return levels;
}

/**
 * Records a quota alert once per window: the unique (tenant, kind, dedupe key) turns a second raise,
 * from this instance or another, into a no-op. The message is English for logs and later alert
 * channels; pages word it from the kind and the key.
 */
export async function raiseQuotaAlert(db: DbOrTx, alert: QuotaAlert): Promise<void> {
  const percent = alert.limit > 0 ? Math.round((alert.used / alert.limit) * 100) : 100;
  const scope = alert.scope ? ` (${alert.scope})` : '';
  const message = `${alert.resource}${scope} at ${percent}%: ${alert.used} of ${alert.limit} in the window from ${alert.windowStart.toISOString()}`;
  await db
    .insert(alerts)
    .values({
      tenantId: alert.tenantId,
      kind: QUOTA_ALERT_KINDS[alert.level],
      severity: SEVERITY[alert.level],
      message: message.slice(0, 512),
      dedupeKey: quotaAlertKey(alert),
    })
    .onDuplicateKeyUpdate({ set: { id: sql`id` } });
}
