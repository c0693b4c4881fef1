'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { quotaResourceSchema, quotaScopeSchema, setQuotaLimit, setQuotaLimitSchema } from '@/lib/quotas';
import { ServiceError } from '@/lib/errors/service-error';

const ADMIN_ONLY = ['admin'] as const;
const errors = (locale: Locale) => getMessages(locale).usage.errors;

/** As posted by the limit box: a whole number from 0 up, as text. */
const setLimitFormSchema = z.object({
  resource: quotaResourceSchema,
  scope: quotaScopeSchema,
  limit: z.string().trim().regex(/^\d{1,16}$/).transform(Number),
});

/** An admin sets one of the current shop's limits; the audit row commits with it (lib/quotas/set-quota-limit.ts). */
export const setQuotaLimitAction = tenantAction({ schema: setLimitFormSchema, roles: ADMIN_ONLY, errors }, async (form, ctx) => {
  const input = setQuotaLimitSchema.safeParse(form);
  if (!input.success) throw new ServiceError('BAD_REQUEST', input.error.message);
  await setQuotaLimit(ctx.db, ctx.tenant.tenant.id, input.data, { actor: ctx.actor, request: ctx.request });
  revalidatePath('/usage');
  return { ok: true };
});
