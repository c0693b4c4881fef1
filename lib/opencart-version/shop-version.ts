import type { Db } from '@/lib/db/pool';
import { openCart4Tables, type OpenCart4Tables, type OpenCartTables, type OpenCartVersion } from '@/lib/db/opencart';
import { ServiceError } from '@/lib/errors/service-error';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { detectOpenCartVersion } from './detect-opencart-version';

/** How long a process trusts what it detected; a connection test in this process forgets it at once. */
export const VERSION_CACHE_MS = 15 * 60_000;

type Cached = { at: number; generation: number; version: Promise<OpenCartVersion> };
const cache = new WeakMap<Db, Map<string, Cached>>();
let generation = 0;

/** Makes every shop's version be detected again on its next use (after a connection test re-checked one). */
export function forgetOpenCartVersions(): void {
  generation += 1;
}

async function detectOrRefuse(db: Db, prefix: string): Promise<OpenCartVersion> {
  const { version, found } = await detectOpenCartVersion(db, prefix);
  if (!version) {
    throw new ServiceError(
      'UNAVAILABLE',
      `The tables with prefix "${prefix}" fit neither OpenCart 3.0 nor 4.0 (found: ${found.join(', ') || 'none'}); test the shop's connection`,
    );
  }
  return version;
}

/**
 * The OpenCart line of a tenant's database, detected from its tables on first use and remembered per
 * process, database and prefix (VERSION_CACHE_MS). A shop whose tables fit neither line is refused.
 */
export function openCartVersionOf(tdb: { db: Db; tenant: Pick<TenantDb['tenant'], 'prefix'> }, now = Date.now()): Promise<OpenCartVersion> {
  let byPrefix = cache.get(tdb.db);
  if (!byPrefix) {
    byPrefix = new Map();
    cache.set(tdb.db, byPrefix);
  }
  const prefix = tdb.tenant.prefix;
  const cached = byPrefix.get(prefix);
  if (cached && cached.generation === generation && now - cached.at < VERSION_CACHE_MS) return cached.version;
  const version = detectOrRefuse(tdb.db, prefix);
  const entry = { at: now, generation, version };
  byPrefix.set(prefix, entry);
  // A failed detection (shop down) is asked again next time.
  version.catch(() => {
    if (byPrefix.get(prefix) === entry) byPrefix.delete(prefix);
  });
  return version;
}

/** A shop's tables with their line: the 3.0 mirror, or 4.0's (3.0's objects where 4.0 kept a table). */
export type VersionedTables = { version: '3.0'; oc: OpenCartTables } | { version: '4.0'; oc: OpenCart4Tables };

export async function versionedTables(tdb: TenantDb): Promise<VersionedTables> {
  const version = await openCartVersionOf(tdb);
  return version === '4.0' ? { version, oc: openCart4Tables(tdb.tenant.prefix) } : { version, oc: tdb.oc };
}
