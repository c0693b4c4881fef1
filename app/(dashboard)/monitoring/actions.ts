'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { acknowledgeAlert } from '@/lib/alerts/acknowledge-alert';
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
