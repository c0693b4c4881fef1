import { and, asc, eq } from 'drizzle-orm';
import { tenantGrants, tenants, type Tenant, type TenantRole } from '@/lib/db/schema';
import type { Db } from '@/lib/db/pool';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';

export type SessionUser = { id: number; username: string; isAdministrator: boolean };
export type TenantWithRole = Tenant & { role: TenantRole };

/**
 * The tenants a signed-in OpenCart admin may open. The default tenant is the main database's own
 * shop, so every admin of it sees it: Administrator-group users as admin, others as viewer, unless
 * a grant says otherwise. Other tenants need an explicit grant. Disabled tenants are left out unless
 * asked for (the tenant admin pages list them, to enable them again).
 */
export async function listTenantsForUser(
  db: Db,
  user: SessionUser,
  options: { includeDisabled?: boolean } = {},
): Promise<TenantWithRole[]> {
  const rows = await db
    .select({ tenant: tenants, role: tenantGrants.role })
    .from(tenants)
    .leftJoin(tenantGrants, and(eq(tenantGrants.tenantId, tenants.id), eq(tenantGrants.userId, user.id)))
    .where(options.includeDisabled ? undefined : eq(tenants.status, 'active'))
    .orderBy(asc(tenants.id));
  const byId = new Map<number, TenantWithRole>();
  for (const { tenant, role } of rows) {
    const implicit: TenantRole | null =
      tenant.slug === DEFAULT_TENANT_SLUG ? (user.isAdministrator ? 'admin' : 'viewer') : null;
    const effective = role ?? implicit;
    if (effective) byId.set(tenant.id, { ...tenant, role: effective });
  }
  return [...byId.values()];
}
