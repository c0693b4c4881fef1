'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { env } from '@/lib/env';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { getMessages, type Locale } from '@/lib/i18n';
import {
  createAccountSchema,
  createMarketplaceAccount,
  rotateAccountSecret,
  setAccountStatus,
  updateAccountSchema,
  updateMarketplaceAccount,
} from '@/lib/marketplace-accounts';
import { tenantAction, type ActionFailure, type TenantActionContext } from '@/lib/auth/tenant-action';
import { API_CREDENTIAL_NAMES, type ApiCredentialName } from '@/lib/marketplace-accounts/api-fields';
import { accountFieldErrors } from './account-field-errors';

const ADMIN_ONLY = ['admin'] as const;
const errors = (locale: Locale) => getMessages(locale).accounts.errors;
const accountIdSchema = z.coerce.number().int().positive();
/** A form field as posted: text, with an empty box meaning "not given". */
const formText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** An API settings box as posted in the edit form: an emptied box means "clear it". */
const formSetting = z.string().trim().optional();
const credentialFields = Object.fromEntries(API_CREDENTIAL_NAMES.map((name) => [`cred_${name}`, formText])) as Record<
  `cred_${ApiCredentialName}`,
  typeof formText
>;

/**
 * The API part of a posted form: options from their boxes, credentials only when any box was filled
 * (then all of the marketplace's are checked by the account schemas).
 */
function apiInput(form: { apiIntegrator?: string; apiMarketplaceId?: string } & Partial<Record<`cred_${ApiCredentialName}`, string>>) {
  const credentials: Record<string, string> = {};
  for (const name of API_CREDENTIAL_NAMES) {
    const value = form[`cred_${name}`];
    if (value !== undefined) credentials[name] = value;
  }
  const apiOptions: Record<string, string> = {};
  if (form.apiIntegrator !== undefined) apiOptions.integrator = form.apiIntegrator;
  if (form.apiMarketplaceId !== undefined) apiOptions.marketplaceId = form.apiMarketplaceId;
  return { apiOptions, apiCredentials: Object.keys(credentials).length > 0 ? credentials : undefined };
}

function sealingKey(ctx: TenantActionContext): { key: Buffer } | ActionFailure {
  const value = env().APP_ENCRYPTION_KEY;
  if (!value) return { ok: false, message: errors(ctx.locale).noKey };
  return { key: encryptionKeyFrom(value) };
}

function invalid(issues: z.core.$ZodIssue[], locale: Locale): ActionFailure {
  return { ok: false, message: errors(locale).invalid, fieldErrors: accountFieldErrors(issues, locale) };
}

const createFormSchema = z.object({
  marketplace: formText,
  name: formText,
  authType: formText,
  authUsername: formText,
  apiKeyHeader: formText,
  secret: formText,
  skuMatch: formText,
  apiBaseUrl: formText,
  apiSellerId: formText,
  apiIntegrator: formText,
  apiMarketplaceId: formText,
  ...credentialFields,
});

/** Adds an account; its secret (given or generated) is answered this once, for the page to show once. */
export const createAccount = tenantAction(
  { schema: createFormSchema, roles: ADMIN_ONLY, errors, fieldErrors: accountFieldErrors },
  async (form, ctx) => {
    const { marketplace, name, authType, authUsername, apiKeyHeader, skuMatch, apiBaseUrl, apiSellerId } = form;
    const input = createAccountSchema.safeParse({
      marketplace,
      authType,
      authUsername,
      apiKeyHeader,
      secret: form.secret,
      skuMatch,
      apiBaseUrl,
      apiSellerId,
      ...apiInput(form),
      name: name ?? '',
      tenantId: ctx.tenant.tenant.id,
    });
    if (!input.success) return invalid(input.error.issues, ctx.locale);
    const sealing = sealingKey(ctx);
    if (!('key' in sealing)) return sealing;
    const { account, secret } = await createMarketplaceAccount(ctx.db, input.data, {
      key: sealing.key,
      actor: ctx.actor,
      request: ctx.request,
    });
    revalidatePath('/accounts');
    return { ok: true, account: { id: account.id, name: account.name }, secret };
  },
);

const updateFormSchema = z.object({
  accountId: accountIdSchema,
  name: formText,
  authUsername: formText,
  apiKeyHeader: formText,
  skuMatch: formText,
  apiBaseUrl: formSetting,
  apiSellerId: formSetting,
  apiIntegrator: formSetting,
  apiMarketplaceId: formSetting,
  ...credentialFields,
});

export const updateAccount = tenantAction(
  { schema: updateFormSchema, roles: ADMIN_ONLY, errors, fieldErrors: accountFieldErrors },
  async (form, ctx) => {
    const { accountId, name, authUsername, apiKeyHeader, skuMatch, apiBaseUrl, apiSellerId } = form;
    const { apiOptions, apiCredentials } = apiInput(form);
    const patch = updateAccountSchema.safeParse({
      authUsername,
      apiKeyHeader,
      skuMatch,
      apiBaseUrl,
      apiSellerId,
      ...(Object.keys(apiOptions).length > 0 ? { apiOptions } : {}),
      ...(apiCredentials ? { apiCredentials } : {}),
      name: name ?? '',
    });
    if (!patch.success) return invalid(patch.error.issues, ctx.locale);
    const sealing = sealingKey(ctx);
    if (!('key' in sealing)) return sealing;
    await updateMarketplaceAccount(ctx.db, ctx.tenant.tenant.id, accountId, patch.data, {
      key: sealing.key,
      actor: ctx.actor,
      request: ctx.request,
    });
    revalidatePath('/accounts');
    return { ok: true };
  },
);

/** Issues a new secret, answered this once; the replaced one keeps working through the grace period. */
export const rotateSecret = tenantAction(
  { schema: z.object({ accountId: accountIdSchema }), roles: ADMIN_ONLY, errors },
  async ({ accountId }, ctx) => {
    const sealing = sealingKey(ctx);
    if (!('key' in sealing)) return sealing;
    const { secret, previousValidUntil } = await rotateAccountSecret(ctx.db, ctx.tenant.tenant.id, accountId, {
      key: sealing.key,
      actor: ctx.actor,
      request: ctx.request,
    });
    revalidatePath('/accounts');
    return { ok: true, secret, previousValidUntil: previousValidUntil.toISOString() };
  },
);

export const changeAccountStatus = tenantAction(
  { schema: z.object({ accountId: accountIdSchema, status: z.enum(['active', 'disabled']) }), roles: ADMIN_ONLY, errors },
  async ({ accountId, status }, ctx) => {
    const sealing = sealingKey(ctx);
    if (!('key' in sealing)) return sealing;
    const account = await setAccountStatus(ctx.db, ctx.tenant.tenant.id, accountId, status, {
      key: sealing.key,
      actor: ctx.actor,
      request: ctx.request,
    });
    revalidatePath('/accounts');
    return { ok: true, status: account.status };
  },
);
