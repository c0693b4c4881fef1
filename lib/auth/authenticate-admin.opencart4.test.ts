import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { openCart4Tables } from '@/lib/db/opencart';
import { auditLog } from '@/lib/db/schema';
import { authenticateAdmin } from './authenticate-admin';
import { hashOpenCart4 } from './opencart-password';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { createHash } from 'node:crypto';

// OpenCart 4.0.2.3's own database: oc_user without a salt column, bcrypt hashes, InnoDB.
const oc4 = openCart4Tables('oc_');
let t: TestDatabase;

async function addUser(username: string, password: string, groupName = 'Administrator', status = 1) {
  const [group] = await t.db.select().from(oc4.userGroup).where(eq(oc4.userGroup.name, groupName));
  await t.db.insert(oc4.user).values({
    userGroupId: group!.userGroupId, username, password, firstname: 'Ayşe', lastname: 'Yılmaz',
    email: `${username}@example.com`, status, dateAdded: '2026-11-01 10:00:00',
  });
}

beforeAll(async () => {
  t = await createAppTestDatabaseFor('4.0', 'auth4');
  await addUser('boss', hashOpenCart4('correct-horse'));
  await addUser('demo', hashOpenCart4('demo-password'), 'Demonstration');
  await addUser('gone', hashOpenCart4('gone-password'), 'Administrator', 0);
  // 4.0 still accepts an md5 hash a 1.5-era account kept (and rehashes it at its own login).
  await addUser('ancient', createHash('md5').update('letmein').digest('hex'));
});
afterAll(async () => t?.drop());

const req = (username: string, password: string, ip = '10.4.0.1') => ({ username, password, ip, userAgent: 'vitest' });

describe('OpenCart 4 admin login', () => {
  it('signs in a bcrypt ($2y$) Administrator and audits the login', async () => {
    const result = await authenticateAdmin(t.db, 'oc_', req('boss', 'correct-horse'));
    expect(result).toMatchObject({ ok: true, user: { username: 'boss', isAdministrator: true, name: 'Ayşe Yılmaz' } });
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.actorUsername, 'boss')));
    expect(rows).toHaveLength(1);
  });

  it('signs in another group as a non-administrator and a legacy md5 account', async () => {
    expect(await authenticateAdmin(t.db, 'oc_', req('demo', 'demo-password'))).toMatchObject({
      ok: true,
      user: { isAdministrator: false, groupName: 'Demonstration' },
    });
    expect((await authenticateAdmin(t.db, 'oc_', req('ancient', 'letmein'))).ok).toBe(true);
  });

  it('refuses a wrong password and a disabled account', async () => {
    expect(await authenticateAdmin(t.db, 'oc_', req('boss', 'wrong', '10.4.0.2'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticateAdmin(t.db, 'oc_', req('gone', 'gone-password', '10.4.0.2'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('leaves the stored hash as it was', async () => {
    const before = await t.db.select().from(oc4.user).orderBy(oc4.user.userId);
    await authenticateAdmin(t.db, 'oc_', req('ancient', 'letmein', '10.4.0.3'));
    expect(await t.db.select().from(oc4.user).orderBy(oc4.user.userId)).toEqual(before);
  });
});

describe('adding an admin to an OpenCart 4 shop (npm run cli -- user:add)', () => {
  it('writes a bcrypt hash with no salt, and the new admin signs in', async () => {
    const added = await addAdminUser(t.db, 'oc_', { username: 'newboss', password: 'new-boss-password' });
    expect(added).toMatchObject({ username: 'newboss', version: '4.0' });
    const [row] = await t.db.select().from(oc4.user).where(eq(oc4.user.username, 'newboss'));
    expect(row!.password).toMatch(/^\$2y\$10\$/);
    const result = await authenticateAdmin(t.db, 'oc_', req('newboss', 'new-boss-password'));
    expect(result).toMatchObject({ ok: true, user: { username: 'newboss', isAdministrator: true } });
  });

  it('refuses a prefix whose tables are no OpenCart shop', async () => {
    await expect(addAdminUser(t.db, 'zz_', { username: 'nobody', password: 'nobody-password' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
