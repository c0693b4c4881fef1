import type { Tenant, TenantRole, TenantStatus } from '@/lib/db/schema';
import { databaseHint } from './database-url';

/** A tenant as pages may show it: the database only as its password-free hint, never the URL. */
export type PublicTenant = {
  id: number;
  slug: string;
  name: string;
  /** '' when the shop lives in the main database. */
  databaseHint: string;
  usesMainDatabase: boolean;
  tablePrefix: string;
  storeId: number;
  timezone: string;
  status: TenantStatus;
  createdAt: string;
  /** The OpenCart line last detected by a connection test ('3.0', '4.0'), '' when none fitted or never tested. */
  opencartVersion: string;
  /** When that was; null: never tested. */
  opencartVersionCheckedAt: string | null;
};

export function publicTenant(tenant: Tenant): PublicTenant {
  const usesMainDatabase = !tenant.databaseUrlSealed && !tenant.databaseUrl;
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    // A plain URL left by an earlier version is shown only as its hint too.
    databaseHint: tenant.databaseHint || databaseHint(tenant.databaseUrl),
    usesMainDatabase,
    tablePrefix: tenant.tablePrefix,
    storeId: tenant.storeId,
    timezone: tenant.timezone,
    status: tenant.status,
    createdAt: new Date(tenant.createdAt).toISOString(),
    opencartVersion: tenant.opencartVersion,
    opencartVersionCheckedAt: tenant.opencartVersionCheckedAt ? new Date(tenant.opencartVersionCheckedAt).toISOString() : null,
  };
}

export type AdministeredTenant = PublicTenant & { role: TenantRole };
