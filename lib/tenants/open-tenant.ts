import type { Db } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { tenantDb, type TenantDb } from './tenant-db';
import { listTenantsForUser, type SessionUser, type TenantWithRole } from './list-tenants-for-user';

export type OpenedTenant = TenantDb & { role: TenantWithRole['role']; available: TenantWithRole[] };

/**
 * Opens the tenant a user asked for (or the first one they may see): the only door from a session
 * to a shop's OpenCart tables.
 */
export async function openTenantForUser(
  db: Db,
  mainDatabaseUrl: string,
  user: SessionUser,
  slug: string | undefined,
): Promise<OpenedTenant> {
  const available = await listTenantsForUser(db, user);
  const chosen =
    available.find((t) => t.slug === slug) ?? available.find((t) => t.slug === DEFAULT_TENANT_SLUG) ?? available[0];
  if (!chosen) throw new ServiceError('FORBIDDEN', 'No shop has been shared with this account yet.');
  const handle = tenantDb(
    { id: chosen.id, slug: chosen.slug, name: chosen.name, prefix: chosen.tablePrefix, storeId: chosen.storeId },
    chosen.databaseUrl || mainDatabaseUrl,
  );
  return { ...handle, role: chosen.role, available };
}
