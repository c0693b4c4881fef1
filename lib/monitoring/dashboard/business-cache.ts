import type { Db } from '@/lib/db/pool';
import { getStoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { getBusinessFigures, type BusinessFigures } from './business-figures';

/**
 * Orders per channel and day read OpenCart's oc_order, which has no index on date_added: 30 days of
 * a big shop is a scan of the whole table (about 350 ms at 200,000 orders, docs/benchmarks.md). The
 * figures are per day, so a page refresh is served the last count and a newer one is taken in the
 * background once it is older than this; only a shop's first request waits for the scan.
 */
export const BUSINESS_FIGURES_MAX_AGE_MS = 60_000;

type Entry = { at: number; value: BusinessFigures; refreshing: Promise<void> | null };

// Per process (one per instance on serverless), on globalThis like the pools: dev reloads keep it.
const KEY = Symbol.for('meschain.monitoring.business');
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
const cache = () => (holder[KEY] ??= new Map());

async function read(mainDb: Db, tdb: TenantDb, now: () => Date): Promise<BusinessFigures> {
  return getBusinessFigures(mainDb, tdb, await getStoreSettings(tdb), now());
}

export async function getCachedBusinessFigures(mainDb: Db, tdb: TenantDb, now: () => Date = () => new Date()): Promise<BusinessFigures> {
  const key = `${tdb.tenant.id}:${tdb.tenant.slug}:${tdb.tenant.prefix}`;
  const entry = cache().get(key);
  if (!entry) {
    const value = await read(mainDb, tdb, now);
    cache().set(key, { at: Date.now(), value, refreshing: null });
    return value;
  }
  if (Date.now() - entry.at > BUSINESS_FIGURES_MAX_AGE_MS && !entry.refreshing) {
    entry.refreshing = read(mainDb, tdb, now)
      .then((value) => {
        cache().set(key, { at: Date.now(), value, refreshing: null });
      })
      .catch((err: unknown) => {
        // The last figures stay shown; the next request tries again.
        console.error(`monitoring: orders per channel for tenant ${tdb.tenant.slug} could not be read`, err);
        entry.refreshing = null;
      });
  }
  return entry.value;
}

/** Tests that change orders between reads start from an empty cache. */
export function clearBusinessFiguresCache() {
  cache().clear();
}
