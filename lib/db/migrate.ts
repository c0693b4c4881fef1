import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { and, eq, sql } from 'drizzle-orm';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import { openCartTables } from './opencart';
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

const FALLBACK_TENANT_NAME = 'Default shop';

/** The shop's own name (config_name of store 0), when its OpenCart tables are already there. */
async function readShopName(db: Db, prefix: string): Promise<string> {
  const oc = openCartTables(prefix);
  const [rows] = (await db.execute(
    sql`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ${`${prefix}setting`}`,
  )) as unknown as [Array<{ n: number | string }>];
  if (Number(rows[0]?.n ?? 0) === 0) return FALLBACK_TENANT_NAME;
  const [row] = await db
    .select({ value: oc.setting.value })
    .from(oc.setting)
    .where(and(eq(oc.setting.storeId, 0), eq(oc.setting.key, 'config_name')))
    .limit(1);
  const name = decodeHtmlEntities(row?.value ?? '').trim().slice(0, 128);
  return name || FALLBACK_TENANT_NAME;
}

/** The tenant for the main database's shop, created when missing (safe to run twice: unique slug). */
export async function ensureDefaultTenant(db: Db, prefix: string) {
  const [existing] = await db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  if (existing) return existing;
  const name = await readShopName(db, prefix);
  await db
    .insert(tenants)
    .values({ slug: DEFAULT_TENANT_SLUG, name, databaseUrl: '', tablePrefix: prefix, storeId: 0 })
    .onDuplicateKeyUpdate({ set: { slug: DEFAULT_TENANT_SLUG } });
  const [created] = await db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  if (!created) throw new Error('Default tenant could not be created');
  return created;
}
