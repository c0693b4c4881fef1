import { getDb, type Db } from '@/lib/db/pool';
import { openCartTables, type OpenCartTables } from '@/lib/db/opencart';

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
