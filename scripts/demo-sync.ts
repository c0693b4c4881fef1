/**
 * The demo's marketplace side: a Trendyol account whose API is the fake Trendyol that
 * scripts/demo.sh starts (scripts/fake-marketplaces.ts), with every catalogue product linked to it
 * by model, so "Run now" on the jobs page pushes the shop's stock and prices to it.
 *   npx tsx scripts/demo-sync.ts [--fake-url http://127.0.0.1:4100]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { env } from '@/lib/env';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { ensureServer } from '@/lib/db/server';
import { marketplaceAccounts, tenants } from '@/lib/db/schema';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { applyAutoMatch, previewAutoMatch } from '@/lib/sync/product-links/auto-match';
import { fakeAccountApi } from './fake-marketplaces/index';

const DEMO_ACCOUNT_NAME = 'Trendyol (demo: fake API)';
const LOCAL_ENV_FILE = '.env.local';
if (existsSync(LOCAL_ENV_FILE)) process.loadEnvFile(LOCAL_ENV_FILE);

const args = z
  .object({ 'fake-url': z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4100') })
  .parse(parseArgs({ options: { 'fake-url': { type: 'string' } } }).values);

async function main() {
  const url = env().DATABASE_URL;
  await ensureServer(url);
  const db = getDb(url);
  const key = encryptionKeyFrom(env().APP_ENCRYPTION_KEY);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, 'default'));
  if (!tenant) throw new Error('No default tenant: run npm run db:migrate first');
  const [existing] = await db.select({ id: marketplaceAccounts.id }).from(marketplaceAccounts).where(eq(marketplaceAccounts.name, DEMO_ACCOUNT_NAME));
  const actor = { userId: null, username: 'demo' };
  const accountId =
    existing?.id ??
    (
      await createMarketplaceAccount(
        db,
        { tenantId: tenant.id, marketplace: 'trendyol', name: DEMO_ACCOUNT_NAME, authType: 'basic', authUsername: 'trendyol', skuMatch: 'model', ...fakeAccountApi('trendyol', args['fake-url']) },
        { key, actor },
      )
    ).account.id;
  const shop = tenantDb({ id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: tenant.tablePrefix, storeId: tenant.storeId }, url);
  const { languageId } = await getStoreSettings(shop);
  const preview = await previewAutoMatch(db, shop, { accountId, languageId });
  const productIds = preview.matches.map((m) => m.productId);
  const { created } = productIds.length > 0 ? await applyAutoMatch(db, shop, { accountId, productIds, languageId }, { actor }) : { created: 0 };
  console.log(`Demo Trendyol account ${accountId} calls ${args['fake-url']}; ${created} products linked by model.`);
}

main()
  .catch((err: Error) => {
    console.error(`demo sync set-up failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(() => closeAllPools());
