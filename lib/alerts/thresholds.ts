import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { alertThresholds } from '@/lib/db/schema';

/** Every alert threshold and its default; a tenant's row in msc_alert_threshold overrides one. */
export const ALERT_THRESHOLD_DEFAULTS = {
  /** The oldest due webhook event has waited longer than this. */
  processing_lag_seconds: 300,
  /** Marketplace API attempts failing, percent, over the error-rate window... */
  error_rate_percent: 20,
  /** ...when at least this many attempts were made in it (a few failures of a quiet hour are not a rate). */
  error_rate_min_calls: 20,
  error_rate_window_minutes: 15,
  /** The newest good backup is older than this. */
  backup_max_age_hours: 26,
  /** An open GDPR request is due within this many days. */
  gdpr_due_days: 3,
} as const;

export type AlertThresholdName = keyof typeof ALERT_THRESHOLD_DEFAULTS;
export type AlertThresholds = Record<AlertThresholdName, number>;
export const ALERT_THRESHOLD_NAMES = Object.keys(ALERT_THRESHOLD_DEFAULTS) as AlertThresholdName[];

export async function getAlertThresholds(db: DbOrTx, tenantId: number): Promise<AlertThresholds> {
  const rows = await db.select().from(alertThresholds).where(eq(alertThresholds.tenantId, tenantId));
  const values: AlertThresholds = { ...ALERT_THRESHOLD_DEFAULTS };
  for (const r of rows) if (r.name in values) values[r.name as AlertThresholdName] = r.value;
  return values;
}
