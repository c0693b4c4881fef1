import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createAppTestDatabase, createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { tenantGrants, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { openTenantForUser } from './open-tenant';
import { listTenantsForUser } from './list-tenants-for-user';

let main: TestDatabase;
let second: TestDatabase;
const admin = { id: 1, username: 'boss', isAdministrator: true };
const clerk = { id: 2, username: 'clerk', isAdministrator: false };

beforeAll(async () => {
  [main, second] = await Promise.all([createAppTestDatabase('tenants'), createOpenCartTestDatabase('tenants2', 'shop_')]);
  await main.db.insert(tenants).values({ slug: 'second', name: 'Second shop', databaseUrl: second.url, tablePrefix: 'shop_', storeId: 0 });
});
afterAll(async () => Promise.all([main?.drop(), second?.drop()]));

describe('tenants', () => {
  it('migrating twice keeps one default tenant and companion tables are InnoDB utf8mb4', async () => {
    await migrateCompanion(main.url);
    await ensureDefaultTenant(main.db, 'oc_');
    const defaults = await main.db.select().from(tenants).where(eq(tenants.slug, 'default'));
    expect(defaults).toHaveLength(1);
    // Named after the shop itself: OpenCart's config_name.
    expect(defaults[0]!.name).toBe('Your Store');
    const [rows] = (await main.db.execute(sql`
      SELECT table_name AS name, engine, table_collation AS collation FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_name LIKE 'msc\\_%'`)) as unknown as [Array<{ name: string; engine: string; collation: string }>];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row.engine).toBe('InnoDB');
      expect(row.collation).toMatch(/^utf8mb4/);
    }
  });

  it('gives Administrator-group users admin and others viewer on the default tenant only', async () => {
    expect((await listTenantsForUser(main.db, admin)).map((t) => [t.slug, t.role])).toEqual([['default', 'admin']]);
    expect((await listTenantsForUser(main.db, clerk)).map((t) => [t.slug, t.role])).toEqual([['default', 'viewer']]);
  });

  it('a grant opens another shop, with its own database and prefix', async () => {
    const [secondTenant] = await main.db.select().from(tenants).where(eq(tenants.slug, 'second'));
    await main.db.insert(tenantGrants).values({ tenantId: secondTenant!.id, userId: clerk.id, username: clerk.username, role: 'operator', grantedBy: 'boss' });
    const opened = await openTenantForUser(main.db, main.url, clerk, 'second');
    expect(opened.role).toBe('operator');
    expect(opened.tenant).toMatchObject({ slug: 'second', prefix: 'shop_', storeId: 0 });
    const products = await opened.db.select({ id: opened.oc.product.productId }).from(opened.oc.product);
    expect(products).toHaveLength(19);
  });

  it('falls back to the default shop when asked for one the user may not open', async () => {
    const opened = await openTenantForUser(main.db, main.url, admin, 'second');
    expect(opened.tenant.slug).toBe('default');
    expect(opened.available.map((t) => t.slug)).toEqual(['default']);
  });

  it('refuses a user with no shop at all', async () => {
    await main.db.delete(tenants).where(eq(tenants.slug, 'default'));
    await expect(openTenantForUser(main.db, main.url, admin, undefined)).rejects.toBeInstanceOf(ServiceError);
    await ensureDefaultTenant(main.db, 'oc_');
  });
});
