import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Transaction } from '@/lib/db/pool';
import { alerts } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';

export type AcknowledgeInput = {
  alertId: number;
  /** The shops the user may acknowledge alerts of. */
  tenantIds: number[];
  actor: { userId: number; username: string };
  request?: { ip: string; userAgent: string };
};

/**
 * Marks an alert acknowledged by the user, now, with the audit row in the same transaction. An alert
 * of a shop the user may not act on is "not found" (its existence is not revealed); one already
 * acknowledged is a conflict and keeps its first acknowledger.
 */
export async function acknowledgeAlert(tx: Transaction, input: AcknowledgeInput): Promise<{ acknowledgedAt: Date }> {
  if (input.tenantIds.length === 0) throw new ServiceError('NOT_FOUND', 'No such alert.');
  const [alert] = await tx
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, input.alertId), inArray(alerts.tenantId, input.tenantIds)))
    .for('update');
  if (!alert) throw new ServiceError('NOT_FOUND', 'No such alert.');
  if (alert.acknowledgedAt) throw new ServiceError('CONFLICT', `Already acknowledged by ${alert.acknowledgedBy ?? 'someone'}.`);
  const acknowledgedAt = new Date();
  await tx
    .update(alerts)
    .set({ acknowledgedAt, acknowledgedBy: input.actor.username.slice(0, 64) })
    .where(and(eq(alerts.id, alert.id), isNull(alerts.acknowledgedAt)));
  await writeAudit(tx, {
    action: 'alert.acknowledge',
    actor: input.actor,
    tenantId: alert.tenantId,
    target: { type: 'alert', id: alert.id },
    before: { kind: alert.kind, severity: alert.severity, raisedAt: alert.raisedAt },
    after: { acknowledgedAt },
    request: input.request,
  });
  return { acknowledgedAt };
}
