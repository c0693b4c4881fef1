import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { auditLog, marketplaceAccounts, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { apiCredentialSchemas } from './api-credentials';
import { API_CREDENTIAL_FIELDS, API_MARKETPLACES } from './api-fields';
import { createMarketplaceAccount, getAccountForApi, listMarketplaceAccounts, updateMarketplaceAccount, type AccountWriteContext } from './index';

let t: TestDatabase;
let shopId: number;
const key = randomBytes(32);
const ctx: AccountWriteContext = { key, actor: { userId: 3, username: 'admin' } };
const SECRETS = ['ty-api-key-7f3a', 'ty-api-secret-9c1d', 'ty-api-key-NEW1', 'ty-api-secret-NEW2'];

beforeAll(async () => {
  t = await createAppTestDatabase('apicreds');
  const [shop] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  shopId = shop!.id;
});
afterAll(async () => t?.drop());

async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('outbound API settings of an account', () => {
  it('lists, for every marketplace we call, the fields its credential schema has', () => {
    for (const m of API_MARKETPLACES) expect(Object.keys(apiCredentialSchemas[m].shape)).toEqual([...API_CREDENTIAL_FIELDS[m]]);
  });

  it('stores the base URL, seller id and options in the open and the credentials only sealed', async () => {
    const { account } = await createMarketplaceAccount(
      t.db,
      {
        tenantId: shopId,
        marketplace: 'trendyol',
        name: 'Trendyol API',
        authType: 'apikey',
        apiBaseUrl: 'https://stageapigw.trendyol.com/',
        apiSellerId: '107700',
        apiOptions: { integrator: 'MesChain' },
        apiCredentials: { apiKey: SECRETS[0]!, apiSecret: SECRETS[1]! },
      },
      ctx,
    );
    expect(account).toMatchObject({ apiBaseUrl: 'https://stageapigw.trendyol.com', apiSellerId: '107700', apiOptions: { integrator: 'MesChain' }, hasApiCredentials: true });
    const [row] = await t.db.select().from(marketplaceAccounts).where(eq(marketplaceAccounts.id, account.id));
    expect(row!.apiCredentialsCiphertext).toMatch(/^v1\./);
    for (const secret of SECRETS.slice(0, 2)) expect(row!.apiCredentialsCiphertext).not.toContain(secret);

    const opened = await getAccountForApi(t.db, account.id, key);
    expect(opened).toMatchObject({ marketplace: 'trendyol', apiSellerId: '107700', credentials: { apiKey: SECRETS[0], apiSecret: SECRETS[1] } });
    await expect(getAccountForApi(t.db, account.id, randomBytes(32))).rejects.toThrow();
  });

  it('replaces the credentials whole on update, checked against the account’s marketplace', async () => {
    const [account] = await listMarketplaceAccounts(t.db, shopId);
    const err = await serviceError(updateMarketplaceAccount(t.db, shopId, account!.id, { apiCredentials: { apiKey: 'only-the-key-1' } }, ctx));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).not.toContain('only-the-key-1');
    expect((await serviceError(updateMarketplaceAccount(t.db, shopId, account!.id, { apiCredentials: { appKey: 'a-b-c-d', appSecret: 'e-f-g-h' } }, ctx))).code).toBe('BAD_REQUEST');

    const updated = await updateMarketplaceAccount(t.db, shopId, account!.id, { apiBaseUrl: '', apiCredentials: { apiKey: SECRETS[2]!, apiSecret: SECRETS[3]! } }, ctx);
    expect(updated).toMatchObject({ apiBaseUrl: '', hasApiCredentials: true });
    expect((await getAccountForApi(t.db, account!.id, key)).credentials).toEqual({ apiKey: SECRETS[2], apiSecret: SECRETS[3] });
  });

  it('refuses credentials for a marketplace we do not call, and an account without credentials has no client', async () => {
    const refused = createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'generic', name: 'ERP', authType: 'hmac', apiCredentials: { apiKey: 'abcdefgh' } },
      ctx,
    );
    expect((await serviceError(refused)).code).toBe('BAD_REQUEST');
    const { account } = await createMarketplaceAccount(t.db, { tenantId: shopId, marketplace: 'n11', name: 'N11', authType: 'apikey' }, ctx);
    expect(account.hasApiCredentials).toBe(false);
    expect((await serviceError(getAccountForApi(t.db, account.id, key))).code).toBe('BAD_REQUEST');
  });

  it('never shows an API credential in lists or audit rows', async () => {
    const listed = JSON.stringify(await listMarketplaceAccounts(t.db, shopId));
    const audited = JSON.stringify(await t.db.select().from(auditLog).where(like(auditLog.action, 'marketplace_account.%')));
    expect(audited).toContain('hasApiCredentials');
    for (const text of [listed, audited]) {
      expect(text).not.toMatch(/api_?credentials_?ciphertext/i);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});
