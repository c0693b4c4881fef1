import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { alertConditions, alerts, tenants } from '@/lib/db/schema';

/** Acknowledged alerts stay listed (greyed, with who and when) up to this many. */
export const ACKNOWLEDGED_SHOWN = 10;
/** Open alerts listed at most; the count says how many there are. */
export const OPEN_ALERTS_SHOWN = 100;

export type AlertItem = {
  id: number;
  tenant: string;
  kind: string;
  severity: string;
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** The condition still holds (alerts raised by a rule); false once it cleared, or for one-off alerts such as quota. */
  active: boolean;
};

export async function listAlerts(db: Db, tenantIds: number[]): Promise<{ open: AlertItem[]; acknowledged: AlertItem[] }> {
  if (tenantIds.length === 0) return { open: [], acknowledged: [] };
  const cols = {
    id: alerts.id,
    tenant: tenants.slug,
    kind: alerts.kind,
    severity: alerts.severity,
    message: alerts.message,
    raisedAt: alerts.raisedAt,
    acknowledgedAt: alerts.acknowledgedAt,
    acknowledgedBy: alerts.acknowledgedBy,
    conditionAlertId: alertConditions.alertId,
  };
  const base = () =>
    db.select(cols).from(alerts).innerJoin(tenants, eq(tenants.id, alerts.tenantId)).leftJoin(alertConditions, eq(alertConditions.alertId, alerts.id));
  const [open, acked] = await Promise.all([
    base().where(and(inArray(alerts.tenantId, tenantIds), isNull(alerts.acknowledgedAt))).orderBy(desc(alerts.raisedAt)).limit(OPEN_ALERTS_SHOWN),
    base().where(and(inArray(alerts.tenantId, tenantIds), isNotNull(alerts.acknowledgedAt))).orderBy(desc(alerts.acknowledgedAt)).limit(ACKNOWLEDGED_SHOWN),
  ]);
  const shape = ({ conditionAlertId, ...r }: (typeof open)[number]): AlertItem => ({
    ...r,
    active: conditionAlertId !== null,
    raisedAt: r.raisedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  });
  return { open: open.map(shape), acknowledged: acked.map(shape) };
}
