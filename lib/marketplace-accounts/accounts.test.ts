import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { auditLog, marketplaceAccounts, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { MIN_HMAC_SECRET_BYTES, SECRET_ROTATION_GRACE_MS } from './account-secrets';
import {
  createMarketplaceAccount,
  getAccountForWebhook,
  listMarketplaceAccounts,
  rotateAccountSecret,
  setAccountStatus,
  updateMarketplaceAccount,
  webhookUrl,
  type AccountWriteContext,
} from './index';

let t: TestDatabase;
let shopId: number;
let otherShopId: number;
const key = randomBytes(32);
const ctx: AccountWriteContext = {
  key,
  actor: { userId: 7, username: 'boss' },
  request: { ip: '10.1.2.3', userAgent: 'vitest' },
};
/** Every secret any test saw: none may show up in a list, an audit row or a ciphertext. */
const seenSecrets: string[] = [];

beforeAll(async () => {
  t = await createAppTestDatabase('accounts');
  const [shop] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  shopId = shop!.id;
  const [other] = await t.db.insert(tenants).values({ slug: 'other', name: 'Other shop' }).$returningId();
  otherShopId = other!.id;
});
afterAll(async () => t?.drop());

async function expectServiceError(promise: Promise<unknown>, code: ServiceError['code']) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe(code);
}

describe('creating accounts', () => {
  it('generates a Standard Webhooks secret for an HMAC account and returns it once, with the public account', async () => {
    const { account, secret } = await createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'generic', name: 'ERP push', authType: 'hmac' },
      ctx,
    );
    seenSecrets.push(secret);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(MIN_HMAC_SECRET_BYTES);
    expect(account).toMatchObject({ tenantId: shopId, marketplace: 'generic', authType: 'hmac', status: 'active', skuMatch: 'sku' });
    expect(account).not.toHaveProperty('secretCiphertext');
    const opened = await getAccountForWebhook(t.db, account.id, key);
    expect(opened?.secrets).toEqual({ current: secret, previous: null, previousUntil: null });
  });

  it('keeps a given secret and stores it only sealed', async () => {
    const given = 'trendyol-basic-password-1';
    const { account, secret } = await createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'trendyol', name: 'Trendyol', authType: 'basic', authUsername: 'seller-42', secret: given, skuMatch: 'model' },
      ctx,
    );
    seenSecrets.push(secret);
    expect(secret).toBe(given);
    expect(account).toMatchObject({ authUsername: 'seller-42', skuMatch: 'model' });
    const [row] = await t.db.select().from(marketplaceAccounts).where(eq(marketplaceAccounts.id, account.id));
    expect(row!.secretCiphertext).not.toContain(given);
    expect(row!.secretCiphertext).toMatch(/^v1\./);
  });

  it('generates distinct strong secrets for API-key accounts', async () => {
    const make = () =>
      createMarketplaceAccount(t.db, { tenantId: shopId, marketplace: 'trendyol', name: 'Trendyol key', authType: 'apikey', apiKeyHeader: 'X-Api-Key' }, ctx);
    const [a, b] = await Promise.all([make(), make()]);
    seenSecrets.push(a.secret, b.secret);
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    expect(a.account.apiKeyHeader).toBe('x-api-key');
  });

  it('refuses an auth type the marketplace does not use, and writes nothing', async () => {
    const before = await t.db.select().from(marketplaceAccounts);
    await expectServiceError(
      createMarketplaceAccount(t.db, { tenantId: shopId, marketplace: 'generic', name: 'x', authType: 'basic', authUsername: 'u' }, ctx),
      'BAD_REQUEST',
    );
    expect(await t.db.select().from(marketplaceAccounts)).toHaveLength(before.length);
  });

  it('refuses a Basic account without a user name, weak or malformed secrets, and an unknown tenant', async () => {
    const base = { tenantId: shopId, marketplace: 'trendyol', name: 'T' } as const;
    await expectServiceError(createMarketplaceAccount(t.db, { ...base, authType: 'basic' }, ctx), 'BAD_REQUEST');
    await expectServiceError(createMarketplaceAccount(t.db, { ...base, authType: 'apikey', secret: 'short' }, ctx), 'BAD_REQUEST');
    await expectServiceError(createMarketplaceAccount(t.db, { ...base, authType: 'basic', authUsername: 'a:b' }, ctx), 'BAD_REQUEST');
    const generic = { tenantId: shopId, marketplace: 'generic', name: 'G', authType: 'hmac' } as const;
    await expectServiceError(createMarketplaceAccount(t.db, { ...generic, secret: 'not-whsec-at-all-but-long' }, ctx), 'BAD_REQUEST');
    const tooShort = `whsec_${randomBytes(16).toString('base64')}`;
    await expectServiceError(createMarketplaceAccount(t.db, { ...generic, secret: tooShort }, ctx), 'BAD_REQUEST');
    await expectServiceError(createMarketplaceAccount(t.db, { ...generic, tenantId: 999_999 }, ctx), 'NOT_FOUND');
  });
});

describe('changing accounts', () => {
  it('updates name, SKU rule and settings with one audit row holding before and after', async () => {
    const { account, secret } = await createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'trendyol', name: 'Before', authType: 'apikey' },
      ctx,
    );
    seenSecrets.push(secret);
    const after = await updateMarketplaceAccount(
      t.db,
      shopId,
      account.id,
      { name: 'After', skuMatch: 'ean', settings: { supplierId: 1234, note: 'Çok güzel 🚀' } },
      ctx,
    );
    expect(after).toMatchObject({ name: 'After', skuMatch: 'ean', settings: { supplierId: 1234, note: 'Çok güzel 🚀' } });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'marketplace_account.update'), eq(auditLog.targetId, String(account.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      tenantId: shopId,
      actorUserId: 7,
      actorUsername: 'boss',
      ip: '10.1.2.3',
      before: expect.objectContaining({ name: 'Before', skuMatch: 'sku' }),
      after: expect.objectContaining({ name: 'After', skuMatch: 'ean' }),
    });
  });

  it('refuses a patch of the secret or auth type, and an account of another tenant', async () => {
    const [account] = await listMarketplaceAccounts(t.db, shopId);
    await expectServiceError(updateMarketplaceAccount(t.db, shopId, account!.id, { secret: 'x' } as never, ctx), 'BAD_REQUEST');
    await expectServiceError(updateMarketplaceAccount(t.db, otherShopId, account!.id, { name: 'Stolen' }, ctx), 'NOT_FOUND');
    await expectServiceError(setAccountStatus(t.db, otherShopId, account!.id, 'disabled', ctx), 'NOT_FOUND');
    await expectServiceError(rotateAccountSecret(t.db, otherShopId, account!.id, ctx), 'NOT_FOUND');
  });

  it('rotation issues a new secret and keeps the previous one for the grace period', async () => {
    const { account, secret: first } = await createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'generic', name: 'Rotating', authType: 'hmac' },
      ctx,
    );
    const startedAt = Date.now();
    const { secret: second, previousValidUntil } = await rotateAccountSecret(t.db, shopId, account.id, ctx);
    seenSecrets.push(first, second);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^whsec_/);
    expect(previousValidUntil.getTime()).toBeGreaterThanOrEqual(startedAt + SECRET_ROTATION_GRACE_MS);
    const opened = await getAccountForWebhook(t.db, account.id, key);
    expect(opened!.secrets).toEqual({ current: second, previous: first, previousUntil: previousValidUntil });
    const [listed] = (await listMarketplaceAccounts(t.db, shopId)).filter((a) => a.id === account.id);
    expect(listed!.previousSecretValidUntil).not.toBeNull();

    const { secret: third } = await rotateAccountSecret(t.db, shopId, account.id, ctx);
    seenSecrets.push(third);
    const reopened = await getAccountForWebhook(t.db, account.id, key);
    expect(reopened!.secrets.current).toBe(third);
    expect(reopened!.secrets.previous).toBe(second);
    const rotations = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'marketplace_account.rotate_secret'), eq(auditLog.targetId, String(account.id))));
    expect(rotations).toHaveLength(2);
  });

  it('disables and re-enables an account, auditing each change once', async () => {
    const { account, secret } = await createMarketplaceAccount(
      t.db,
      { tenantId: shopId, marketplace: 'generic', name: 'Toggled', authType: 'hmac' },
      ctx,
    );
    seenSecrets.push(secret);
    expect((await setAccountStatus(t.db, shopId, account.id, 'disabled', ctx)).status).toBe('disabled');
    expect((await setAccountStatus(t.db, shopId, account.id, 'disabled', ctx)).status).toBe('disabled');
    expect((await setAccountStatus(t.db, shopId, account.id, 'active', ctx)).status).toBe('active');
    const rows = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(like(auditLog.action, 'marketplace_account.%able'), eq(auditLog.targetId, String(account.id))));
    expect(rows.map((r) => r.action)).toEqual(['marketplace_account.disable', 'marketplace_account.enable']);
  });
});

describe('reading accounts', () => {
  it('lists only the tenant’s accounts', async () => {
    const { account, secret } = await createMarketplaceAccount(
      t.db,
      { tenantId: otherShopId, marketplace: 'generic', name: 'Other shop feed', authType: 'hmac' },
      ctx,
    );
    seenSecrets.push(secret);
    const mine = await listMarketplaceAccounts(t.db, shopId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.tenantId === shopId)).toBe(true);
    expect((await listMarketplaceAccounts(t.db, otherShopId)).map((a) => a.id)).toEqual([account.id]);
  });

  it('never shows a secret, sealed or not, in lists or audit rows', async () => {
    expect(seenSecrets.length).toBeGreaterThan(8);
    const listed = JSON.stringify([...(await listMarketplaceAccounts(t.db, shopId)), ...(await listMarketplaceAccounts(t.db, otherShopId))]);
    const audited = JSON.stringify(await t.db.select().from(auditLog).where(like(auditLog.action, 'marketplace_account.%')));
    const ciphertexts = (await t.db.select({ c: marketplaceAccounts.secretCiphertext }).from(marketplaceAccounts)).map((r) => r.c);
    for (const text of [listed, audited]) {
      expect(text).not.toMatch(/secret_?ciphertext|"secrets?"/i);
      for (const secret of seenSecrets) expect(text).not.toContain(secret);
      for (const sealed of ciphertexts) expect(text).not.toContain(sealed);
    }
  });

  it('gives the push address of an account', () => {
    expect(webhookUrl('https://shop.example.com/', { id: 12, marketplace: 'trendyol' })).toBe(
      'https://shop.example.com/api/webhooks/trendyol/12',
    );
  });

  it('cannot open an account’s secrets with another key', async () => {
    const [account] = await listMarketplaceAccounts(t.db, shopId);
    await expect(getAccountForWebhook(t.db, account!.id, randomBytes(32))).rejects.toThrow();
    expect(await getAccountForWebhook(t.db, 987_654, key)).toBeNull();
  });
});
