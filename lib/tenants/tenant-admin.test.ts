import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, createOpenCartTestDatabase, createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openCartTables } from '@/lib/db/opencart';
import { auditLog, tenantGrants, tenants } from '@/lib/db/schema';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { ServiceError } from '@/lib/errors/service-error';
import { withDatabase } from '@/lib/db/server';
import { createTenant } from './create-tenant';
import { updateTenant } from './update-tenant';
import { setTenantStatus } from './set-tenant-status';
import { testTenantConnection } from './test-tenant-connection';
import { grantTenantAccess, listTenantGrants, revokeTenantAccess } from './tenant-grants';
import { listAdministeredTenants } from './tenant-admin-access';
import { sealTenantDatabaseUrls } from './seal-tenant-database-urls';
import { tenantDatabaseUrl } from './database-url';
import { openTenantForUser } from './open-tenant';
import { rememberTenantChoice } from './tenant-choice';
import { publicTenant } from './public-tenant';

const key = randomBytes(32);
// Opening a sealed URL reads the key from the environment, as the app does; set before env() is first read.
process.env.APP_ENCRYPTION_KEY = key.toString('base64');

let main: TestDatabase;
let shopDb: TestDatabase;
let empty: TestDatabase;
let boss: { id: number; username: string; isAdministrator: boolean };
let clerk: { id: number; username: string; isAdministrator: boolean };
let ctx: { user: typeof boss; key: () => Buffer };

beforeAll(async () => {
  [main, shopDb, empty] = await Promise.all([
    createAppTestDatabase('tenantadmin'),
    createOpenCartTestDatabase('tenantshop', 'shop_'),
    createTestDatabase('tenantempty'),
  ]);
  const admin = await addAdminUser(main.db, 'oc_', { username: 'boss', password: 'boss-password-1' });
  boss = { id: admin.userId, username: 'boss', isAdministrator: true };
  ctx = { user: boss, key: () => key };
  const added = await addAdminUser(main.db, 'oc_', { username: 'clerk', password: 'clerk-password-1', firstname: 'Cem', lastname: 'Clerk', group: 'Demonstration' });
  clerk = { id: added.userId, username: 'clerk', isAdministrator: false };
});
afterAll(async () => Promise.all([main?.drop(), shopDb?.drop(), empty?.drop()]));

describe('adding and editing shops', () => {
  it('stores the database URL sealed, shows only its hint, makes the creator admin and audits without the URL', async () => {
    const created = await createTenant(main.db, { name: 'Second shop', slug: 'second', databaseUrl: shopDb.url, tablePrefix: 'shop_', timezone: 'Europe/Istanbul' }, ctx);
    const [row] = await main.db.select().from(tenants).where(eq(tenants.id, created.id));
    expect(row!.databaseUrl).toBe('');
    expect(row!.databaseUrlSealed).toMatch(/^v1\./);
    expect(row!.databaseUrlSealed).not.toContain(shopDb.name);
    expect(tenantDatabaseUrl(row!, main.url, () => key)).toBe(shopDb.url);
    const shown = publicTenant(row!);
    expect(shown).toMatchObject({ slug: 'second', usesMainDatabase: false, timezone: 'Europe/Istanbul', status: 'active' });
    expect(shown.databaseHint).toBe(`root@127.0.0.1:3306/${shopDb.name}`);
    expect(JSON.stringify(shown)).not.toContain('v1.');

    const [grant] = await main.db.select().from(tenantGrants).where(and(eq(tenantGrants.tenantId, created.id), eq(tenantGrants.userId, boss.id)));
    expect(grant?.role).toBe('admin');
    const [audit] = await main.db.select().from(auditLog).where(eq(auditLog.action, 'tenant.create'));
    expect(JSON.stringify(audit)).not.toContain('mysql://');

    // The shop's own database, through the sealed URL.
    const opened = await openTenantForUser(main.db, main.url, boss, 'second');
    expect(opened.tenant.slug).toBe('second');
    expect(await opened.db.select({ id: opened.oc.product.productId }).from(opened.oc.product)).toHaveLength(19);
  });

  it('refuses a taken slug, a bad time zone and a non-mysql URL', async () => {
    await expect(createTenant(main.db, { name: 'Again', slug: 'second' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createTenant(main.db, { name: 'Bad', slug: 'bad', timezone: 'Mars/Olympus' }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createTenant(main.db, { name: 'Bad', slug: 'bad', databaseUrl: 'postgres://x@y/z' }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createTenant(main.db, { name: 'Bad', slug: 'Bad Slug' }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('only admins of the main shop may add shops', async () => {
    await expect(createTenant(main.db, { name: 'Clerk shop', slug: 'clerk-shop' }, { user: clerk, key: () => key })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('edits keep the stored database unless a new one (or the main one) is chosen', async () => {
    const [second] = await main.db.select().from(tenants).where(eq(tenants.slug, 'second'));
    const sealedBefore = second!.databaseUrlSealed;
    await updateTenant(main.db, second!.id, { name: 'Second shop (renamed)', storeId: 0 }, ctx);
    let [row] = await main.db.select().from(tenants).where(eq(tenants.id, second!.id));
    expect(row).toMatchObject({ name: 'Second shop (renamed)', databaseUrlSealed: sealedBefore });
    await updateTenant(main.db, second!.id, { database: { kind: 'main' } }, ctx);
    [row] = await main.db.select().from(tenants).where(eq(tenants.id, second!.id));
    expect(row).toMatchObject({ databaseUrlSealed: '', databaseHint: '', databaseUrl: '' });
    await updateTenant(main.db, second!.id, { database: { kind: 'url', url: shopDb.url } }, ctx);
    [row] = await main.db.select().from(tenants).where(eq(tenants.id, second!.id));
    expect(tenantDatabaseUrl(row!, main.url, () => key)).toBe(shopDb.url);
    await expect(updateTenant(main.db, second!.id, { slug: 'default' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('disabling', () => {
  it('a disabled shop cannot be opened but stays on its admins’ list; the main shop cannot be disabled', async () => {
    const created = await createTenant(main.db, { name: 'Paused', slug: 'paused' }, ctx);
    await setTenantStatus(main.db, created.id, 'disabled', ctx);
    expect((await openTenantForUser(main.db, main.url, boss, 'paused')).tenant.slug).toBe('default');
    expect((await listAdministeredTenants(main.db, boss)).find((t) => t.slug === 'paused')?.status).toBe('disabled');
    const [defaultShop] = await main.db.select().from(tenants).where(eq(tenants.slug, 'default'));
    await expect(setTenantStatus(main.db, defaultShop!.id, 'disabled', ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await setTenantStatus(main.db, created.id, 'active', ctx);
    expect((await openTenantForUser(main.db, main.url, boss, 'paused')).tenant.slug).toBe('paused');
  });
});

describe('testing the connection', () => {
  it('answers ok with the server version when every OpenCart table with the prefix is there', async () => {
    const result = await testTenantConnection(shopDb.url, 'shop_');
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.tableCount).toBeGreaterThan(20);
  });

  it('names the missing tables when the prefix or the database is wrong', async () => {
    const wrongPrefix = await testTenantConnection(shopDb.url, 'oc_');
    expect(wrongPrefix).toMatchObject({ ok: false, problem: 'missing_tables' });
    expect(!wrongPrefix.ok && wrongPrefix.missing).toContain('oc_product');
    expect(!wrongPrefix.ok && wrongPrefix.detail).toMatch(/OpenCart tables with the prefix "oc_" are missing/);
    expect(await testTenantConnection(empty.url, 'oc_')).toMatchObject({ ok: false, problem: 'missing_tables' });
  });

  it('tells an unknown database, a refused login and an unreachable server apart, never repeating the password', async () => {
    expect(await testTenantConnection(withDatabase(main.url, 'msct_no_such_db_at_all'), 'oc_')).toMatchObject({ ok: false, problem: 'unknown_database' });
    const denied = await testTenantConnection('mysql://nobody:s3cret-pass@127.0.0.1:3306/x', 'oc_');
    expect(denied).toMatchObject({ ok: false, problem: 'access_denied' });
    expect(JSON.stringify(denied)).not.toContain('s3cret-pass');
    expect(await testTenantConnection('mysql://root@127.0.0.1:1/x', 'oc_')).toMatchObject({ ok: false, problem: 'unreachable' });
  });
});

describe('access', () => {
  it('grants and revokes OpenCart admins per shop, with audit rows; admins cannot lock themselves out', async () => {
    const [second] = await main.db.select().from(tenants).where(eq(tenants.slug, 'second'));
    const oc = openCartTables('oc_');
    await grantTenantAccess(main.db, oc, second!.id, { userId: clerk.id, role: 'operator' }, ctx);
    expect((await openTenantForUser(main.db, main.url, clerk, 'second')).role).toBe('operator');
    expect((await listTenantGrants(main.db, boss, second!.id)).map((g) => [g.username, g.role])).toEqual([
      ['boss', 'admin'],
      ['clerk', 'operator'],
    ]);
    await expect(revokeTenantAccess(main.db, second!.id, boss.id, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(grantTenantAccess(main.db, oc, second!.id, { userId: boss.id, role: 'viewer' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(grantTenantAccess(main.db, oc, second!.id, { userId: 999_999, role: 'viewer' }, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeTenantAccess(main.db, second!.id, clerk.id, ctx);
    expect((await openTenantForUser(main.db, main.url, clerk, 'second')).tenant.slug).toBe('default');
    const actions = (await main.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['tenant.grant', 'tenant.revoke']));
  });

  it('answers NOT_FOUND for a shop the user does not administer, exactly as for one that does not exist', async () => {
    const [second] = await main.db.select().from(tenants).where(eq(tenants.slug, 'second'));
    const oc = openCartTables('oc_');
    for (const id of [second!.id, 424_242]) {
      const attempts = [
        () => listTenantGrants(main.db, clerk, id),
        () => grantTenantAccess(main.db, oc, id, { userId: clerk.id, role: 'admin' }, { user: clerk }),
        () => revokeTenantAccess(main.db, id, boss.id, { user: clerk }),
        () => updateTenant(main.db, id, { name: 'Taken over' }, { user: clerk, key: () => key }),
        () => setTenantStatus(main.db, id, 'disabled', { user: clerk }),
      ];
      for (const attempt of attempts) {
        const err = await attempt().then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(ServiceError);
        expect(err).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
    const [after] = await main.db.select().from(tenants).where(eq(tenants.id, second!.id));
    expect(after).toMatchObject({ status: 'active' });
    expect(after!.name).not.toBe('Taken over');
  });
});

describe('the remembered shop', () => {
  it('opens the shop the user chose last when none is asked for, on any device; not one taken away since', async () => {
    const [second] = await main.db.select().from(tenants).where(eq(tenants.slug, 'second'));
    expect((await openTenantForUser(main.db, main.url, boss, undefined)).tenant.slug).toBe('default');
    await rememberTenantChoice(main.db, boss, 'second');
    expect((await openTenantForUser(main.db, main.url, boss, undefined)).tenant.slug).toBe('second');
    await expect(rememberTenantChoice(main.db, clerk, 'second')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setTenantStatus(main.db, second!.id, 'disabled', ctx);
    expect((await openTenantForUser(main.db, main.url, boss, undefined)).tenant.slug).toBe('default');
    await setTenantStatus(main.db, second!.id, 'active', ctx);
  });
});

describe('the migration path for plain database URLs', () => {
  it('seals URLs stored in plain text by earlier versions, and a second run changes nothing', async () => {
    await main.db.insert(tenants).values({ slug: 'legacy', name: 'Legacy', databaseUrl: shopDb.url, tablePrefix: 'shop_' });
    // Until sealed, the plain URL still opens the shop.
    const [before] = await main.db.select().from(tenants).where(eq(tenants.slug, 'legacy'));
    expect(tenantDatabaseUrl(before!, main.url, () => key)).toBe(shopDb.url);
    expect(await sealTenantDatabaseUrls(main.db, key)).toBe(1);
    expect(await sealTenantDatabaseUrls(main.db, key)).toBe(0);
    const [after] = await main.db.select().from(tenants).where(eq(tenants.slug, 'legacy'));
    expect(after).toMatchObject({ databaseUrl: '', databaseHint: `root@127.0.0.1:3306/${shopDb.name}` });
    expect(tenantDatabaseUrl(after!, main.url, () => key)).toBe(shopDb.url);
  });
});
