/** The shop the webhook benches push to: its own database, OpenCart's sample catalogue, one `generic` account. */
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { dropDatabase, ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { getDb } from '@/lib/db/pool';
import { createOpenCartTables } from '@/lib/db/opencart/create-tables';
import { insertSampleCatalogue } from '@/lib/db/opencart/sample-catalogue';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { setQuotaLimit } from '@/lib/quotas/set-quota-limit';

const BENCH_ACTOR = { actor: { userId: null, username: 'bench' } };

/**
 * A fresh database `mscbench_<label>_…` with the shop, its tenant's webhook quotas set to `webhookLimit`
 * (the counting runs in full; nothing is refused below it) and an HMAC account. The caller drops `url`;
 * a failure while making it drops it here.
 */
export async function createBenchShop(label: string, webhookLimit: number) {
  const url = withDatabase(env().DATABASE_URL, `mscbench_${label}_${Date.now().toString(36)}`);
  const keyText = randomBytes(32).toString('base64');
  await ensureServer(url);
  await ensureDatabase(url);
  try {
    const db = getDb(url);
    await insertSampleCatalogue(db, await createOpenCartTables(url));
    await migrateCompanion(url);
    const tenant = await ensureDefaultTenant(db, 'oc_');
    const { account, secret } = await createMarketplaceAccount(
      db,
      { tenantId: tenant.id, marketplace: 'generic', name: 'Bench', authType: 'hmac' },
      { key: encryptionKeyFrom(keyText), ...BENCH_ACTOR },
    );
    for (const resource of ['webhook_events_per_minute', 'webhook_events_per_day'] as const) {
      await setQuotaLimit(db, tenant.id, { resource, limit: webhookLimit }, BENCH_ACTOR);
    }
    return { url, db, keyText, tenant, account, secret };
  } catch (err) {
    await dropDatabase(url);
    throw err;
  }
}
