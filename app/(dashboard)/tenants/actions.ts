'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { env } from '@/lib/env';
import { openCartTables } from '@/lib/db/opencart';
import { TENANT_ROLES, TENANT_STATUSES } from '@/lib/db/schema';
import { tenantSealingKey, tenantDatabaseUrl } from '@/lib/tenants/database-url';
import { canCreateTenants, getAdministeredTenant } from '@/lib/tenants/tenant-admin-access';
import { createTenant } from '@/lib/tenants/create-tenant';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { setTenantStatus } from '@/lib/tenants/set-tenant-status';
import { testTenantConnection, type ConnectionTestResult } from '@/lib/tenants/test-tenant-connection';
import { recordConnectionTestVersion } from '@/lib/opencart-version/tenant-version';
import { grantTenantAccess, revokeTenantAccess } from '@/lib/tenants/tenant-grants';
import { rememberTenantChoice } from '@/lib/tenants/tenant-choice';
import { createTenantSchema, databaseUrlSchema, tablePrefixSchema, tenantSlugSchema, updateTenantSchema } from '@/lib/tenants/tenant-input';
import { ServiceError } from '@/lib/errors/service-error';
import type { ActionFailure } from '@/lib/auth/tenant-action';
import { getMessages } from '@/lib/i18n';
import { tenantAdminAction, type TenantAdminContext } from './tenant-admin-action';
import { tenantFieldErrors } from './tenant-field-errors';

const tenantIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A posted text box: trimmed, an empty box meaning "not given". */
const formText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const formNumber = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : Number(v)));

/** The sealing key, or the failure to answer when the server has none. */
function sealingKeyOrFailure(ctx: TenantAdminContext): { key: () => Buffer } | ActionFailure {
  if (!env().APP_ENCRYPTION_KEY) return { ok: false, message: getMessages(ctx.locale).tenants.errors.noKey };
  return { key: tenantSealingKey };
}

const createFormSchema = z.object({
  name: formText,
  slug: formText,
  databaseUrl: formText,
  tablePrefix: z.string().trim().optional(),
  storeId: formNumber,
  timezone: formText,
});

export const createTenantAction = tenantAdminAction({ schema: createFormSchema, fieldErrors: tenantFieldErrors }, async (form, ctx) => {
  const input = createTenantSchema.safeParse({ ...form, name: form.name ?? '', slug: form.slug ?? '', databaseUrl: form.databaseUrl ?? '' });
  if (!input.success) {
    return { ok: false, message: getMessages(ctx.locale).tenants.errors.invalid, fieldErrors: tenantFieldErrors(input.error.issues, ctx.locale) };
  }
  const sealing = input.data.databaseUrl ? sealingKeyOrFailure(ctx) : { key: tenantSealingKey };
  if (!('key' in sealing)) return sealing;
  const created = await createTenant(ctx.db, input.data, { user: ctx.user, request: ctx.request, key: sealing.key });
  revalidatePath('/', 'layout');
  return { ok: true, tenant: { id: created.id, name: created.name } };
});

const updateFormSchema = z.object({
  tenantId: tenantIdSchema,
  name: formText,
  slug: formText,
  databaseChoice: z.enum(['keep', 'main', 'url']).default('keep'),
  databaseUrl: formText,
  tablePrefix: z.string().trim().optional(),
  storeId: formNumber,
  timezone: formText,
});

export const updateTenantAction = tenantAdminAction({ schema: updateFormSchema, fieldErrors: tenantFieldErrors }, async (form, ctx) => {
  const { tenantId, databaseChoice, databaseUrl, ...fields } = form;
  const database = databaseChoice === 'url' ? { kind: 'url' as const, url: databaseUrl ?? '' } : { kind: databaseChoice };
  const input = updateTenantSchema.safeParse({ ...fields, database });
  if (!input.success) {
    const issues = input.error.issues.map((i) => (i.path[0] === 'database' ? { ...i, path: ['databaseUrl'] } : i));
    return { ok: false, message: getMessages(ctx.locale).tenants.errors.invalid, fieldErrors: tenantFieldErrors(issues, ctx.locale) };
  }
  const sealing = databaseChoice === 'url' ? sealingKeyOrFailure(ctx) : { key: tenantSealingKey };
  if (!('key' in sealing)) return sealing;
  await updateTenant(ctx.db, tenantId, input.data, { user: ctx.user, request: ctx.request, key: sealing.key });
  revalidatePath('/', 'layout');
  return { ok: true };
});

export const setTenantStatusAction = tenantAdminAction(
  { schema: z.object({ tenantId: tenantIdSchema, status: z.enum(TENANT_STATUSES) }) },
  async ({ tenantId, status }, ctx) => {
    const result = await setTenantStatus(ctx.db, tenantId, status, { user: ctx.user, request: ctx.request });
    revalidatePath('/', 'layout');
    return { ok: true, status: result.status };
  },
);

/** A saved tenant by id, or the values typed in a form before saving (for admins who may add shops). */
const testSchema = z.union([
  z.object({ tenantId: tenantIdSchema }),
  z.object({ databaseUrl: z.union([z.literal(''), databaseUrlSchema]), tablePrefix: tablePrefixSchema }),
]);

export const testConnectionAction = tenantAdminAction({ schema: testSchema }, async (input, ctx) => {
  let result: ConnectionTestResult;
  if ('tenantId' in input) {
    const tenant = await getAdministeredTenant(ctx.db, ctx.user, input.tenantId);
    result = await testTenantConnection(tenantDatabaseUrl(tenant, env().DATABASE_URL), tenant.tablePrefix);
    await recordConnectionTestVersion(ctx.db, tenant.id, result);
    revalidatePath('/tenants', 'layout');
  } else {
    if (!(await canCreateTenants(ctx.db, ctx.user))) throw new ServiceError('FORBIDDEN', `User ${ctx.user.id} may not add shops`);
    result = await testTenantConnection(input.databaseUrl || env().DATABASE_URL, input.tablePrefix);
  }
  return { ok: true, result };
});

export const grantAccessAction = tenantAdminAction(
  { schema: z.object({ tenantId: tenantIdSchema, userId: z.coerce.number().int().positive(), role: z.enum(TENANT_ROLES) }) },
  async ({ tenantId, userId, role }, ctx) => {
    const granted = await grantTenantAccess(ctx.db, openCartTables(env().OPENCART_DB_PREFIX), tenantId, { userId, role }, { user: ctx.user, request: ctx.request });
    revalidatePath(`/tenants/${tenantId}`);
    return { ok: true, granted };
  },
);

export const revokeAccessAction = tenantAdminAction(
  { schema: z.object({ tenantId: tenantIdSchema, userId: z.coerce.number().int().positive() }) },
  async ({ tenantId, userId }, ctx) => {
    await revokeTenantAccess(ctx.db, tenantId, userId, { user: ctx.user, request: ctx.request });
    revalidatePath(`/tenants/${tenantId}`);
    return { ok: true };
  },
);

/** The header's switcher: remembers the choice for the user (msc_tenant_choice), on every device. */
export const chooseTenantAction = tenantAdminAction({ schema: tenantSlugSchema }, async (slug, ctx) => {
  await rememberTenantChoice(ctx.db, ctx.user, slug);
  revalidatePath('/', 'layout');
  return { ok: true };
});
