import type { Db } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { openTenantDb, type TenantDb } from './tenant-db';
import { listTenantsForUser, type SessionUser, type TenantWithRole } from './list-tenants-for-user';
import { getRememberedTenantId } from './tenant-choice';

export type OpenedTenant = TenantDb & { role: TenantWithRole['role']; available: TenantWithRole[] };

/**
 * Opens the tenant a user asked for by slug, else the one they last chose (msc_tenant_choice), else the
 * default shop or their first: the only door from a session to a shop's OpenCart tables. A tenant the
 * user may not open (not granted, disabled) is never chosen.
 */
export async function openTenantForUser(
  db: Db,
  mainDatabaseUrl: string,
  user: SessionUser,
  slug: string | undefined,
): Promise<OpenedTenant> {
  const [available, rememberedId] = await Promise.all([
    listTenantsForUser(db, user),
    slug === undefined ? getRememberedTenantId(db, user.id) : Promise.resolve(null),
  ]);
  const chosen =
    available.find((t) => (slug === undefined ? t.id === rememberedId : t.slug === slug)) ??
    available.find((t) => t.slug === DEFAULT_TENANT_SLUG) ??
    available[0];
  if (!chosen) throw new ServiceError('FORBIDDEN', 'No shop has been shared with this account yet.');
  return { ...openTenantDb(chosen, mainDatabaseUrl), role: chosen.role, available };
}
