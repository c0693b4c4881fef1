'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { format, getMessages, type Locale } from '@/lib/i18n';
import { tenantAction, type ActionResult } from '@/lib/auth/tenant-action';
import { acknowledgeAlert } from '@/lib/alerts/acknowledge-alert';
import { ALERT_THRESHOLD_NAMES, type AlertThresholdName } from '@/lib/alerts/thresholds';
import { ALERT_THRESHOLD_BOUNDS, alertThresholdsSchema, setAlertThresholds } from '@/lib/alerts/set-alert-thresholds';
import { ACKNOWLEDGE_ALERT_ROLES } from './acknowledge-roles';

const acknowledgeSchema = z.object({ alertId: z.number().int().positive() });

const errors = (locale: Locale) => getMessages(locale).monitoring.errors;

/**
 * Acknowledges an alert of any shop the user may act on (the all-shops view lists several), saying
 * who and when, with the audit row in the same transaction.
 */
export const acknowledgeAlertAction = tenantAction({ schema: acknowledgeSchema, roles: ACKNOWLEDGE_ALERT_ROLES, errors }, async (input, ctx) => {
  const tenantIds = ctx.tenant.available.filter((t) => ACKNOWLEDGE_ALERT_ROLES.includes(t.role)).map((t) => t.id);
  await ctx.db.transaction((tx) => acknowledgeAlert(tx, { alertId: input.alertId, tenantIds, actor: ctx.actor, request: ctx.request }));
  revalidatePath('/monitoring');
  return { ok: true };
});

const thresholdErrors = (locale: Locale) => getMessages(locale).monitoring.thresholds.errors;

/** As posted by the thresholds form: every threshold, each a whole number as text. */
const thresholdsFormSchema = z.object(
  Object.fromEntries(ALERT_THRESHOLD_NAMES.map((name) => [name, z.string().trim().regex(/^\d{1,9}$/).transform(Number)])) as Record<
    AlertThresholdName,
    z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>
  >,
);

/** Field errors name the allowed range of each threshold, in the asker's language. */
function thresholdFieldErrors(issues: z.core.$ZodIssue[], locale: Locale) {
  const m = getMessages(locale).monitoring.thresholds;
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const name = issue.path[0];
    if (typeof name !== 'string' || !(name in ALERT_THRESHOLD_BOUNDS)) continue;
    fields[name] = [format(m.range, ALERT_THRESHOLD_BOUNDS[name as AlertThresholdName])];
  }
  return fields;
}

/** An admin sets the current shop's alert thresholds; out-of-range values come back per field, nothing saved. */
export const setAlertThresholdsAction = tenantAction(
  { schema: thresholdsFormSchema, roles: ['admin'], errors: thresholdErrors, fieldErrors: thresholdFieldErrors },
  async (form, ctx): Promise<ActionResult> => {
    const checked = alertThresholdsSchema.safeParse(form);
    if (!checked.success) return { ok: false, message: thresholdErrors(ctx.locale).invalid, fieldErrors: thresholdFieldErrors(checked.error.issues, ctx.locale) };
    await setAlertThresholds(ctx.db, ctx.tenant.tenant.id, checked.data, { actor: ctx.actor, request: ctx.request });
    revalidatePath('/monitoring');
    return { ok: true };
  },
);
