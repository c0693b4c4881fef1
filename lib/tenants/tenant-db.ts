import { getDb, type Db } from '@/lib/db/pool';
import { openCartTables, type OpenCartTables } from '@/lib/db/opencart';
import type { Tenant } from '@/lib/db/schema';
import { tenantDatabaseUrl } from './database-url';

/** What a query on one shop needs to know about it. */
export type TenantRef = {
  id: number;
  slug: string;
  name: string;
  /** OpenCart's DB_PREFIX for this shop's tables, e.g. `oc_`. */
  prefix: string;
  /** OpenCart store id (0 = the default store). */
  storeId: number;
};

/**
 * The only way into a shop's OpenCart tables: a database handle bound to one tenant,
 * with that tenant's tables built from its prefix.
 */
export type TenantDb = { tenant: TenantRef; db: Db; oc: OpenCartTables };

export function tenantDb(tenant: TenantRef, databaseUrl: string): TenantDb {
  return { tenant, db: getDb(databaseUrl), oc: openCartTables(tenant.prefix) };
}

export function tenantRefOf(tenant: Pick<Tenant, 'id' | 'slug' | 'name' | 'tablePrefix' | 'storeId'>): TenantRef {
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: tenant.tablePrefix, storeId: tenant.storeId };
}

/** A tenant row's shop, in its own database (its sealed URL opened) or the main one. */
export function openTenantDb(tenant: Tenant, mainDatabaseUrl: string, key?: () => Buffer): TenantDb {
  return tenantDb(tenantRefOf(tenant), tenantDatabaseUrl(tenant, mainDatabaseUrl, key));
}
