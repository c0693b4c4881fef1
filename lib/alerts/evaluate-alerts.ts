import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { alertConditions, alerts } from '@/lib/db/schema';
import { databaseNow } from '@/lib/monitoring/database-time';
import { ALERT_RULES, type AlertRule, type Condition } from './rules';
import { getAlertThresholds } from './thresholds';

export type EvaluationCounts = { holding: number; raised: number; cleared: number };

const MESSAGE_MAX = 512;

/**
 * Evaluates every rule for one tenant. A condition that starts holding raises one alert, named in its
 * dedupe key by the time the condition began, so evaluating again (or on another instance) raises
 * nothing more; when it stops holding its condition row goes, the alert stays listed until someone
 * acknowledges it, and if it comes back later that is a new alert.
 */
export async function evaluateAlerts(
  db: Db,
  tenantId: number,
  jobNames: readonly string[],
  rules: readonly AlertRule[] = ALERT_RULES,
): Promise<EvaluationCounts> {
  const now = await databaseNow(db);
  const thresholds = await getAlertThresholds(db, tenantId);
  const holding: Condition[] = [];
  for (const rule of rules) holding.push(...(await rule.evaluate({ db, tenantId, thresholds, jobNames, now })));
  const known = await db.select().from(alertConditions).where(eq(alertConditions.tenantId, tenantId));
  const keyOf = (c: { kind: string; subject: string }) => `${c.kind}\u0000${c.subject}`;
  const knownByKey = new Map(known.map((k) => [keyOf(k), k]));
  const holdingKeys = new Set(holding.map(keyOf));
  const ruleKinds = new Set(rules.map((r) => r.kind));

  let raised = 0;
  for (const c of holding) {
    if (knownByKey.has(keyOf(c))) continue;
    await db.transaction(async (tx) => {
      const dedupeKey = `${c.subject}@${now.toISOString()}`;
      await tx
        .insert(alerts)
        .values({ tenantId, kind: c.kind, severity: c.severity, message: c.message.slice(0, MESSAGE_MAX), dedupeKey, raisedAt: now })
        .onDuplicateKeyUpdate({ set: { dedupeKey } });
      const [alert] = await tx
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.tenantId, tenantId), eq(alerts.kind, c.kind), eq(alerts.dedupeKey, dedupeKey)));
      await tx.insert(alertConditions).values({ tenantId, kind: c.kind, subject: c.subject, activeSince: now, alertId: alert?.id ?? null });
    });
    raised += 1;
  }
  let cleared = 0;
  for (const k of known) {
    if (!ruleKinds.has(k.kind) || holdingKeys.has(keyOf(k))) continue;
    await db.delete(alertConditions).where(and(eq(alertConditions.tenantId, tenantId), eq(alertConditions.kind, k.kind), eq(alertConditions.subject, k.subject)));
    cleared += 1;
  }
  return { holding: holding.length, raised, cleared };
}
