import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { OPENCART_VERSIONS, type OpenCartVersion } from '@/lib/db/opencart';
import { tenants, type Tenant } from '@/lib/db/schema';
import type { ConnectionTestResult } from '@/lib/tenants/test-tenant-connection';
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

/**
 * After a saved tenant's connection test: the version it detected (or none, when the tables fit neither
 * line) is stored; a test that could not look (server down, wrong password, missing tables) changes nothing.
 */
export async function recordConnectionTestVersion(db: Db, tenantId: number, result: ConnectionTestResult, now = new Date()) {
  if (result.ok) await recordTenantOpenCartVersion(db, tenantId, result.opencartVersion, now);
  else if (result.problem === 'unknown_version') await recordTenantOpenCartVersion(db, tenantId, null, now);
}
