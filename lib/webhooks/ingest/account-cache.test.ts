import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { createMarketplaceAccount, setAccountStatus } from '@/lib/marketplace-accounts';
import { cachedAccountLookup } from './account-cache';

let t: TestDatabase;
const key = encryptionKeyFrom(randomBytes(32).toString('base64'));
const ctx = { key, actor: { userId: null, username: 'test' } };

beforeAll(async () => {
  t = await createAppTestDatabase('acctcache');
});
afterAll(async () => t?.drop());

describe('account lookup cache', () => {
  it('serves a disabled account as it was until the time-to-live passes, then as it is', async () => {
    const [tenant] = await t.db.select().from(tenants);
    const { account } = await createMarketplaceAccount(t.db, { tenantId: tenant!.id, marketplace: 'generic', name: 'C', authType: 'hmac' }, ctx);
    let now = 1_000_000;
    const lookup = cachedAccountLookup(5_000, () => now);
    expect((await lookup(t.db, account.id, key))?.status).toBe('active');
    await setAccountStatus(t.db, tenant!.id, account.id, 'disabled', ctx);
    now += 4_999;
    expect((await lookup(t.db, account.id, key))?.status).toBe('active');
    now += 2;
    expect((await lookup(t.db, account.id, key))?.status).toBe('disabled');
  });

  it('remembers that an account does not exist, too', async () => {
    const lookup = cachedAccountLookup(5_000, () => 0);
    expect(await lookup(t.db, 999_999, key)).toBeNull();
  });
});
