import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closePool, getDb, type Db } from '@/lib/db/pool';
import { dropDatabase, ensureDatabase, withDatabase } from '@/lib/db/server';
import { loadInstallSql } from '@/lib/db/opencart/install-sql';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/';
/** Every test database starts with this, so a crashed run's leftovers can be found and dropped. */
export const TEST_DATABASE_PREFIX = 'msct_';
/** Leftovers older than this are from a crashed run; younger ones may belong to a run in progress. */
export const STALE_TEST_DATABASE_MS = 60 * 60_000;

/** When a test database was created, read back from its name (`msct_<hint>_<base36 ms>_<hex>`). */
export function testDatabaseCreatedAt(name: string): number | null {
  const match = /^msct_[a-z0-9]*_([a-z0-9]+)_[0-9a-f]+$/.exec(name);
  return match ? parseInt(match[1]!, 36) : null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** `../shared/opencart/` beside the project: OpenCart's real install SQL. Never copied into the repo. */
export const SHARED_OPENCART_DIR = path.resolve(here, '../../../shared/opencart');
export const OPENCART_3041_SQL = path.join(SHARED_OPENCART_DIR, 'opencart-3.0.4.1.sql');
/** A database as OpenCart 4.0.2.3's installer leaves it (InnoDB, utf8mb4, oc_gdpr), without admin users. */
export const OPENCART_4023_SQL = path.join(SHARED_OPENCART_DIR, 'opencart-4.0.2.3-installed.sql');

/** The OpenCart releases a test database can be made from: the two lines the app supports. */
export const OPENCART_TEST_VERSIONS = ['3.0', '4.0'] as const;
export type OpenCartTestVersion = (typeof OPENCART_TEST_VERSIONS)[number];
const OPENCART_SQL_BY_VERSION: Record<OpenCartTestVersion, string> = { '3.0': OPENCART_3041_SQL, '4.0': OPENCART_4023_SQL };

export type TestDatabase = { name: string; url: string; db: Db; drop: () => Promise<void> };

/** A fresh, empty database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(hint = 'db'): Promise<TestDatabase> {
  const safeHint = hint.replace(/[^A-Za-z0-9]/g, '').slice(0, 20).toLowerCase();
  const name = `${TEST_DATABASE_PREFIX}${safeHint}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(TEST_SERVER_URL, name);
  await ensureDatabase(url);
  return {
    name,
    url,
    db: getDb(url),
    drop: async () => {
      await closePool(url);
      await dropDatabase(url);
    },
  };
}

/**
 * The OpenCart line a suite's shop is made of: 3.0 unless TEST_OPENCART_VERSION says 4.0, so the same
 * suites run against both (scripts/test.sh runs the ones that hold for both a second time on 4.0).
 */
export const TEST_OPENCART_VERSION: OpenCartTestVersion = z.enum(OPENCART_TEST_VERSIONS).default('3.0').parse(process.env.TEST_OPENCART_VERSION || undefined);

/** A fresh database holding OpenCart's real install SQL (3.0.4.1 unless TEST_OPENCART_VERSION is 4.0), with the given table prefix. */
export async function createOpenCartTestDatabase(hint = 'oc', prefix = 'oc_'): Promise<TestDatabase> {
  return createOpenCartTestDatabaseFor(TEST_OPENCART_VERSION, hint, prefix);
}

/** A fresh database holding OpenCart 4.0.2.3's installed tables, with the given table prefix. */
export async function createOpenCart4TestDatabase(hint = 'oc4', prefix = 'oc_'): Promise<TestDatabase> {
  return createOpenCartTestDatabaseFor('4.0', hint, prefix);
}

/** createOpenCartTestDatabase for either supported line: 3.0 (3.0.4.1, MyISAM) or 4.0 (4.0.2.3, InnoDB). */
export async function createOpenCartTestDatabaseFor(version: OpenCartTestVersion, hint = 'oc', prefix = 'oc_'): Promise<TestDatabase> {
  const t = await createTestDatabase(hint);
  await loadInstallSql(t.url, OPENCART_SQL_BY_VERSION[version], prefix);
  return t;
}

/** createAppTestDatabase for either supported line: OpenCart's tables of that release and the companion tables. */
export async function createAppTestDatabaseFor(version: OpenCartTestVersion, hint = 'app', prefix = 'oc_'): Promise<TestDatabase> {
  const { migrateCompanion, ensureDefaultTenant } = await import('@/lib/db/migrate');
  const t = await createOpenCartTestDatabaseFor(version, hint, prefix);
  await migrateCompanion(t.url);
  await ensureDefaultTenant(t.db, prefix);
  return t;
}

/**
 * The app's usual layout: OpenCart's real tables and the companion (msc_) tables in one database,
 * with the default tenant.
 */
export async function createAppTestDatabase(hint = 'app', prefix = 'oc_'): Promise<TestDatabase> {
  const { migrateCompanion, ensureDefaultTenant } = await import('@/lib/db/migrate');
  const t = await createOpenCartTestDatabase(hint, prefix);
  await migrateCompanion(t.url);
  await ensureDefaultTenant(t.db, prefix);
  return t;
}
