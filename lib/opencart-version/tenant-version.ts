import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { OPENCART_VERSIONS, type OpenCartVersion } from '@/lib/db/opencart';
import { tenants, type Tenant } from '@/lib/db/schema';
import { forgetOpenCartVersions } from './shop-version';

/** A tenant row's stored version ('' and anything unknown read as not known). */
export function storedOpenCartVersion(tenant: Pick<Tenant, 'opencartVersion'>): OpenCartVersion | null {
  return (OPENCART_VERSIONS as readonly string[]).includes(tenant.opencartVersion)
    ? (tenant.opencartVersion as OpenCartVersion)
    : null;
}

/**
 * Stores what a connection test detected on the tenant (what the shops page shows), and makes this
 * process detect every shop's version again on next use.
 */
export async function recordTenantOpenCartVersion(db: Db, tenantId: number, version: OpenCartVersion | null, now = new Date()) {
  await db
    .update(tenants)
    .set({ opencartVersion: version ?? '', opencartVersionCheckedAt: now })
    .where(eq(tenants.id, tenantId));
  forgetOpenCartVersions();
}
