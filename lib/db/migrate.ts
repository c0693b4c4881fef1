import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from './pool';
import { tenants } from './schema';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../../drizzle');
export const DEFAULT_TENANT_SLUG = 'default';

/** Applies the companion (msc_) migrations; OpenCart's own tables are never touched. */
export async function migrateCompanion(url: string): Promise<Db> {
  const db = getDb(url);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** The tenant for the main database's shop, created when missing (safe to run twice: unique slug). */
export async function ensureDefaultTenant(db: Db, prefix: string) {
  const [existing] = await db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  if (existing) return existing;
  await db
    .insert(tenants)
    .values({ slug: DEFAULT_TENANT_SLUG, name: 'Default shop', databaseUrl: '', tablePrefix: prefix, storeId: 0 })
    .onDuplicateKeyUpdate({ set: { slug: DEFAULT_TENANT_SLUG } });
  const [created] = await db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  if (!created) throw new Error('Default tenant could not be created');
  return created;
}
