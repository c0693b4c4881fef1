import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { alertThresholds } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { ALERT_THRESHOLD_DEFAULTS, ALERT_THRESHOLD_NAMES, getAlertThresholds, type AlertThresholdName } from './thresholds';

/** What each threshold may be set to: wide enough for any shop, narrow enough that no value silences its rule. */
export const ALERT_THRESHOLD_BOUNDS: Record<AlertThresholdName, { min: number; max: number }> = {
  processing_lag_seconds: { min: 10, max: 86_400 },
  error_rate_percent: { min: 1, max: 100 },
  error_rate_min_calls: { min: 1, max: 100_000 },
  error_rate_window_minutes: { min: 1, max: 1_440 },
  backup_max_age_hours: { min: 1, max: 24 * 31 },
  gdpr_due_days: { min: 1, max: 30 },
};

export const alertThresholdsSchema = z.object(
  Object.fromEntries(ALERT_THRESHOLD_NAMES.map((name) => [name, z.number().int().min(ALERT_THRESHOLD_BOUNDS[name].min).max(ALERT_THRESHOLD_BOUNDS[name].max)])) as Record<
    AlertThresholdName,
    z.ZodNumber
  >,
);
export type AlertThresholdsInput = z.input<typeof alertThresholdsSchema>;

/**
 * Sets every alert threshold of a tenant at once, with one audit row holding the old and new values, in
 * one transaction. A value equal to its default removes the tenant's override, so later changes of a
 * default reach it. The next evaluate-alerts run uses them.
 */
export async function setAlertThresholds(
  db: Db,
  tenantId: number,
  input: AlertThresholdsInput,
  ctx: { actor: AuditEntry['actor']; request?: AuditEntry['request'] },
) {
  const parsed = alertThresholdsSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const values = parsed.data;
  return db.transaction(async (tx) => {
    const before = await getAlertThresholds(tx, tenantId);
    await tx.delete(alertThresholds).where(eq(alertThresholds.tenantId, tenantId));
    const overrides = ALERT_THRESHOLD_NAMES.filter((name) => values[name] !== ALERT_THRESHOLD_DEFAULTS[name]);
    if (overrides.length > 0) {
      const updatedBy = ctx.actor.username.slice(0, 64);
      await tx.insert(alertThresholds).values(overrides.map((name) => ({ tenantId, name, value: values[name], updatedBy })));
    }
    await writeAudit(tx, {
      action: 'alert.thresholds.set',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_alert_threshold', id: tenantId },
      before,
      after: values,
      request: ctx.request,
    });
    return values;
  });
}
