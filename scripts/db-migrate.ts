import { env } from '@/lib/env';
import { ensureDatabase, ensureServer, parseDatabaseUrl } from '@/lib/db/server';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { closeAllPools } from '@/lib/db/pool';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { sealTenantDatabaseUrls } from '@/lib/tenants/seal-tenant-database-urls';

async function main() {
  const { DATABASE_URL, OPENCART_DB_PREFIX, APP_ENCRYPTION_KEY } = env();
  const version = await ensureServer(DATABASE_URL);
  await ensureDatabase(DATABASE_URL);
  const db = await migrateCompanion(DATABASE_URL);
  const tenant = await ensureDefaultTenant(db, OPENCART_DB_PREFIX);
  // Tenant database URLs of earlier versions were stored in plain text: seal them now that a key is known.
  if (APP_ENCRYPTION_KEY) {
    const sealed = await sealTenantDatabaseUrls(db, encryptionKeyFrom(APP_ENCRYPTION_KEY));
    if (sealed > 0) console.log(`Sealed the database URL of ${sealed} tenant(s).`);
  }
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
