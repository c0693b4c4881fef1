import type { Db } from '@/lib/db/pool';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { ServiceError } from '@/lib/errors/service-error';
import { listTenantsForUser, type SessionUser, type TenantWithRole } from './list-tenants-for-user';

/** The tenants a user administers (role admin), disabled ones included so they can be enabled again. */
export async function listAdministeredTenants(db: Db, user: SessionUser): Promise<TenantWithRole[]> {
  return (await listTenantsForUser(db, user, { includeDisabled: true })).filter((t) => t.role === 'admin');
}

/**
 * New shops are added by the admins of the deployment's own shop (the default tenant): the agency.
 * Whoever adds one becomes its admin.
 */
export async function canCreateTenants(db: Db, user: SessionUser): Promise<boolean> {
  return (await listAdministeredTenants(db, user)).some((t) => t.slug === DEFAULT_TENANT_SLUG && t.status === 'active');
}

/**
 * A tenant the user administers, or NOT_FOUND: another tenant's id is answered exactly like an id that
 * does not exist, so nobody learns which shops a deployment serves.
 */
export async function getAdministeredTenant(db: Db, user: SessionUser, tenantId: number): Promise<TenantWithRole> {
  const found = (await listAdministeredTenants(db, user)).find((t) => t.id === tenantId);
  if (!found) throw new ServiceError('NOT_FOUND', `Tenant ${tenantId} is not administered by user ${user.id}`);
  return found;
}
