import { and, desc, eq, gte, like } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { alerts } from '@/lib/db/schema';
import { quotaResourceSchema, type QuotaResource } from '../resources';

export const ALERTS_SHOWN = 20;
const ALERT_DAYS = 7;

export type QuotaAlertView = {
  id: number;
  level: 'warning' | 'exhausted';
  resource: QuotaResource;
  scope: string;
  windowStart: string;
  raisedAt: string;
  acknowledged: boolean;
};

/** The tenant's quota alerts of the last week, newest first, read back into their parts for the page's wording. */
export async function listQuotaAlerts(db: Db, tenantId: number, now: number = Date.now()): Promise<QuotaAlertView[]> {
  const rows = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), like(alerts.kind, 'quota.%'), gte(alerts.raisedAt, new Date(now - ALERT_DAYS * 86_400_000))))
    .orderBy(desc(alerts.raisedAt), desc(alerts.id))
    .limit(ALERTS_SHOWN);
  const views: QuotaAlertView[] = [];
  for (const row of rows) {
    const [resource, scope = '', windowStart = ''] = row.dedupeKey.split('|');
    const parsed = quotaResourceSchema.safeParse(resource);
    if (!parsed.success) continue;
    views.push({
      id: row.id,
      level: row.kind === 'quota.warning' ? 'warning' : 'exhausted',
      resource: parsed.data,
      scope,
      windowStart,
      raisedAt: new Date(row.raisedAt).toISOString(),
      acknowledged: row.acknowledgedAt !== null,
    });
  }
  return views;
}
