/** Shared set-up for the outbound tests: accounts whose API is a fake marketplace, and fast settings. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { fakeAccountApi, type FakeMarketplace, type FakeMarketplaceName } from '@/scripts/fake-marketplaces/index';
import { ManualClock } from './clock';
import { TokenBucketLimiter } from './rate-limiter';
import type { MarketplaceClientOptions } from './index';

export const testKey = randomBytes(32);

/** Webhook auth each marketplace's account is made with (only what its adapter allows). */
const WEBHOOK_AUTH = {
  trendyol: { authType: 'apikey' },
  hepsiburada: { authType: 'basic', authUsername: 'hb-pushes' },
  n11: { authType: 'apikey' },
  pazarama: { authType: 'apikey' },
  pttavm: { authType: 'apikey' },
  amazon: { authType: 'apikey' },
} as const;

export async function defaultTenantId(db: Db): Promise<number> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  if (!tenant) throw new Error('The test database has no default tenant');
  return tenant.id;
}

/** An account of the default tenant whose outbound API is the fake, with its webhook secret. */
export async function accountWithSecretForFake(
  db: Db,
  fake: FakeMarketplace,
  overrides: Partial<ReturnType<typeof fakeAccountApi>> = {},
): Promise<{ accountId: number; secret: string }> {
  const name: FakeMarketplaceName = fake.name;
  const { account, secret } = await createMarketplaceAccount(
    db,
    { tenantId: await defaultTenantId(db), marketplace: name, name: `${name} fake`, ...WEBHOOK_AUTH[name], ...fakeAccountApi(name, fake.baseUrl), ...overrides },
    { key: testKey, actor: { userId: null, username: 'test' } },
  );
  return { accountId: account.id, secret };
}

/** An account of the default tenant whose outbound API is the fake. */
export async function accountForFake(db: Db, fake: FakeMarketplace, overrides: Partial<ReturnType<typeof fakeAccountApi>> = {}): Promise<number> {
  return (await accountWithSecretForFake(db, fake, overrides)).accountId;
}

/** A virtual clock near real time, its own token buckets, and short timeouts and backoff. */
export function fastOptions(clock = new ManualClock(Date.now()), extra: Omit<MarketplaceClientOptions, 'clock'> = {}): MarketplaceClientOptions & { clock: ManualClock } {
  return {
    limiter: new TokenBucketLimiter(clock),
    http: { timeoutMs: 400, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 60_000, random: () => 0.5 },
    breaker: { failureThreshold: 3, openMs: 30_000, probeLeaseMs: 10_000 },
    ...extra,
    clock,
  };
}
