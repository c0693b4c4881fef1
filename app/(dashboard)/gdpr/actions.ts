'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction, type ActionResult, type TenantActionContext } from '@/lib/auth/tenant-action';
import { closeRequest, closeRequestSchema } from '@/lib/gdpr/close-request';
import { consentInputSchema, recordConsent } from '@/lib/gdpr/consent';
import { createExport } from '@/lib/gdpr/export';
import { adminRequestInputSchema, createAdminRequest, extendRequestSchema, extendRequest, getRequest, verifyIdentity, verifyIdentitySchema } from '@/lib/gdpr/requests';
import { runErasure } from '@/lib/gdpr/run-erasure';
import { gdprSettingsInputSchema, updateGdprSettings } from '@/lib/gdpr/settings';
import { normaliseEmail } from '@/lib/gdpr/subject';
import { GDPR_ADMIN_ROLES, GDPR_EDIT_ROLES } from './gdpr-roles';

const GDPR_PATH = '/gdpr';
const errors = (locale: Locale) => getMessages(locale).gdpr.errors;
const fieldErrors = (issues: z.core.$ZodIssue[]) => {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
};
const writeCtx = (ctx: TenantActionContext) => ({ actor: ctx.actor, request: ctx.request });
const idSchema = z.object({ id: z.coerce.number().int().positive() });

export const createRequestAction = tenantAction({ schema: adminRequestInputSchema, roles: GDPR_EDIT_ROLES, errors, fieldErrors }, async (input, ctx) => {
  const id = await createAdminRequest(ctx.db, ctx.tenant.tenant.id, input, writeCtx(ctx));
  const request = await getRequest(ctx.db, ctx.tenant.tenant.id, id);
  revalidatePath(GDPR_PATH);
  return { ok: true, id, dueAt: request.dueAt.toISOString() };
});

export const verifyIdentityAction = tenantAction({ schema: verifyIdentitySchema, roles: GDPR_EDIT_ROLES, errors }, async (input, ctx) => {
  await verifyIdentity(ctx.db, ctx.tenant.tenant.id, input, writeCtx(ctx));
  revalidatePath(`${GDPR_PATH}/${input.id}`);
  return { ok: true };
});

export const extendRequestAction = tenantAction({ schema: extendRequestSchema, roles: GDPR_EDIT_ROLES, errors, fieldErrors }, async (input, ctx) => {
  const dueAt = await extendRequest(ctx.db, ctx.tenant.tenant.id, input, writeCtx(ctx));
  revalidatePath(`${GDPR_PATH}/${input.id}`);
  return { ok: true, dueAt: dueAt.toISOString() };
});

export const closeRequestAction = tenantAction({ schema: closeRequestSchema, roles: GDPR_ADMIN_ROLES, errors, fieldErrors }, async (input, ctx) => {
  await closeRequest(ctx.db, ctx.tenant, input, writeCtx(ctx));
  revalidatePath(`${GDPR_PATH}/${input.id}`);
  return { ok: true };
});

export const createExportAction = tenantAction({ schema: idSchema, roles: GDPR_ADMIN_ROLES, errors }, async ({ id }, ctx) => {
  const made = await createExport(ctx.db, ctx.tenant, id, writeCtx(ctx));
  revalidatePath(`${GDPR_PATH}/${id}`);
  return { ok: true, exportId: made.id, rows: made.rowCount };
});

const eraseSchema = z.object({ id: z.coerce.number().int().positive(), confirmation: z.string().trim().max(200) });

/** Typed confirmation: the admin types the person's email, as the dialog shows it. */
export const eraseAction = tenantAction({ schema: eraseSchema, roles: GDPR_ADMIN_ROLES, errors }, async ({ id, confirmation }, ctx): Promise<ActionResult<{ steps: number }>> => {
  const request = await getRequest(ctx.db, ctx.tenant.tenant.id, id);
  if (normaliseEmail(confirmation) !== normaliseEmail(request.email)) return { ok: false, message: getMessages(ctx.locale).gdpr.errors.confirmMismatch };
  const report = await runErasure({ shop: ctx.tenant, mainDb: ctx.db, mainDatabaseUrl: env().DATABASE_URL, requestId: id }, writeCtx(ctx));
  revalidatePath(GDPR_PATH, 'layout');
  return { ok: true, steps: report.lines.length };
});

export const recordConsentAction = tenantAction({ schema: consentInputSchema, roles: GDPR_EDIT_ROLES, errors, fieldErrors }, async (input, ctx) => {
  await recordConsent(ctx.db, ctx.tenant.tenant.id, input, writeCtx(ctx));
  revalidatePath(`${GDPR_PATH}/consent`);
  return { ok: true };
});

export const updateGdprSettingsAction = tenantAction({ schema: gdprSettingsInputSchema, roles: GDPR_ADMIN_ROLES, errors, fieldErrors }, async (input, ctx) => {
  await updateGdprSettings(ctx.db, ctx.tenant.tenant.id, input, writeCtx(ctx));
  revalidatePath(GDPR_PATH);
  return { ok: true };
});
