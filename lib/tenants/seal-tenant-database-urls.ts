import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { sealedDatabaseColumns } from './database-url';

/**
 * The migration path for database URLs stored in plain text by earlier versions: each is sealed into
 * `database_url_sealed` and the plain column emptied, one row at a time (a compare-and-set on the plain
 * value, so running it twice, or beside the app, is safe). `npm run db:migrate` runs it when
 * APP_ENCRYPTION_KEY is set. Answers how many rows it sealed.
 */
export async function sealTenantDatabaseUrls(db: Db, key: Buffer): Promise<number> {
  const plain = await db.select({ id: tenants.id, url: tenants.databaseUrl }).from(tenants).where(ne(tenants.databaseUrl, ''));
  let sealed = 0;
  for (const row of plain) {
    const [result] = await db
      .update(tenants)
      .set({ ...sealedDatabaseColumns(row.url, key), updatedAt: new Date() })
      .where(and(eq(tenants.id, row.id), eq(tenants.databaseUrl, row.url)));
    sealed += result.affectedRows;
  }
  return sealed;
}
