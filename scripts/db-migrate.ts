import { env } from '@/lib/env';
import { ensureDatabase, ensureServer, parseDatabaseUrl } from '@/lib/db/server';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { closeAllPools } from '@/lib/db/pool';

async function main() {
  const { DATABASE_URL, OPENCART_DB_PREFIX } = env();
  const version = await ensureServer(DATABASE_URL);
  await ensureDatabase(DATABASE_URL);
  const db = await migrateCompanion(DATABASE_URL);
  const tenant = await ensureDefaultTenant(db, OPENCART_DB_PREFIX);
  console.log(
    `Migrated ${parseDatabaseUrl(DATABASE_URL).database} on ${version}; default tenant #${tenant.id} uses prefix "${tenant.tablePrefix}".`,
  );
}

main()
  .catch((err: Error) => {
    console.error(`db:migrate failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(closeAllPools);
