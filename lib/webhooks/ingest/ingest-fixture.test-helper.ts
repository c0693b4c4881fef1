import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants, webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { createMarketplaceAccount, type AccountWriteContext, type CreateAccountInput } from '@/lib/marketplace-accounts';

/** One test file's database with the default tenant, and a way to add accounts to it. */
export async function createIngestFixture(hint: string, key: Buffer = randomBytes(32)) {
  const t: TestDatabase = await createAppTestDatabase(hint);
  const [shop] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  if (!shop) throw new Error('The test database has no default tenant');
  const ctx: AccountWriteContext = { key, actor: { userId: null, username: 'vitest' } };
  const addAccount = (input: Omit<CreateAccountInput, 'tenantId' | 'name'> & { name?: string }) =>
    createMarketplaceAccount(t.db, { name: `${input.marketplace} ${input.authType}`, ...input, tenantId: shop.id }, ctx);
  const countRows = async () => ({
    deliveries: (await t.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).length,
    events: (await t.db.select({ id: webhookEvents.id }).from(webhookEvents)).length,
  });
  return { t, db: t.db, tenantId: shop.id, key, ctx, addAccount, countRows };
}
