import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openCart4Tables, openCartTables } from '@/lib/db/opencart';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { auditLog } from '@/lib/db/schema';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { authenticateAdmin } from './authenticate-admin';
import { hashOpenCart3, hashOpenCart4 } from './opencart-password';
import { LOGIN_LOCK_MS } from './login-lockout';

const oc = openCartTables('oc_');
const oc4 = openCart4Tables('oc_');
let t: TestDatabase;

beforeAll(async () => {
  t = await createAppTestDatabase('auth');
  await addAdminUser(t.db, 'oc_', { username: 'boss', password: 'correct-horse', firstname: 'Ayşe', lastname: 'Yılmaz' });
  await addAdminUser(t.db, 'oc_', { username: 'demo', password: 'demo-password', group: 'Demonstration' });
  await addAdminUser(t.db, 'oc_', { username: 'gone', password: 'gone-password' });
  await t.db.update(oc.user).set({ status: 0 }).where(eq(oc.user.username, 'gone'));
});
afterAll(async () => t?.drop());

const req = (username: string, password: string, ip = '10.0.0.1') => ({ username, password, ip, userAgent: 'vitest' });

describe('OpenCart admin login', () => {
  it('signs in an Administrator-group user and audits the login', async () => {
    const result = await authenticateAdmin(t.db, 'oc_', req('boss', 'correct-horse'));
    expect(result).toMatchObject({ ok: true, user: { username: 'boss', isAdministrator: true, name: 'Ayşe Yılmaz' } });
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.actorUsername, 'boss')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ip: '10.0.0.1', userAgent: 'vitest' });
  });

  it('signs in a user of another group as a non-administrator', async () => {
    const result = await authenticateAdmin(t.db, 'oc_', req('demo', 'demo-password'));
    expect(result).toMatchObject({ ok: true, user: { isAdministrator: false, groupName: 'Demonstration' } });
  });

  it('refuses a wrong password and a disabled account, auditing both', async () => {
    expect(await authenticateAdmin(t.db, 'oc_', req('boss', 'wrong', '10.0.0.2'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticateAdmin(t.db, 'oc_', req('gone', 'gone-password', '10.0.0.2'))).toEqual({ ok: false, reason: 'invalid' });
    const failed = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(failed.map((r) => r.actorUsername).sort()).toEqual(['boss', 'gone']);
  });

  it('accepts an account whose hash OpenCart itself wrote, without rewriting it', async () => {
    const account = { userGroupId: 1, username: 'legacy', firstname: '', lastname: '', email: 'l@example.com', image: '', code: '', ip: '', status: 1, dateAdded: '2020-01-01 00:00:00' };
    // As each line's admin stores a password: 3.0 a salted SHA-1, 4.0 password_hash() (bcrypt) and no salt column.
    const { version } = await detectOpenCartVersion(t.db, 'oc_');
    const user = version === '4.0' ? oc4.user : oc.user;
    if (version === '4.0') {
      await t.db.insert(oc4.user).values({ ...account, password: hashOpenCart4('admin') });
    } else {
      const salt = 'abcdefghi';
      await t.db.insert(oc.user).values({ ...account, password: hashOpenCart3('admin', salt), salt });
    }
    const before = await t.db.select().from(user).where(eq(user.username, 'legacy'));
    expect((await authenticateAdmin(t.db, 'oc_', req('legacy', 'admin'))).ok).toBe(true);
    const after = await t.db.select().from(user).where(eq(user.username, 'legacy'));
    expect(after).toEqual(before);
  });
});

describe('login lock-out', () => {
  it('locks a username for 15 minutes after five failures, even with the right password', async () => {
    await addAdminUser(t.db, 'oc_', { username: 'target', password: 'target-password' });
    for (let i = 0; i < 5; i++) {
      expect((await authenticateAdmin(t.db, 'oc_', req('target', `guess-${i}`, `10.1.0.${i}`))).ok).toBe(false);
    }
    const locked = await authenticateAdmin(t.db, 'oc_', req('target', 'target-password', '10.1.1.1'));
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    if (locked.ok || locked.reason !== 'locked') throw new Error('expected a lock');
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the user in again once the 15 minutes have passed', async () => {
    const later = Date.now() + LOGIN_LOCK_MS + 1_000;
    const result = await authenticateAdmin(t.db, 'oc_', req('target', 'target-password', '10.1.1.1'), later);
    expect(result.ok).toBe(true);
  });

  it('locks an IP address after five failures across different usernames', async () => {
    for (let i = 0; i < 5; i++) await authenticateAdmin(t.db, 'oc_', req(`nobody${i}`, 'x', '10.9.9.9'));
    const result = await authenticateAdmin(t.db, 'oc_', req('boss', 'correct-horse', '10.9.9.9'));
    expect(result).toMatchObject({ ok: false, reason: 'locked' });
    expect((await authenticateAdmin(t.db, 'oc_', req('boss', 'correct-horse', '10.9.9.10'))).ok).toBe(true);
  });

  it('does not lock after four failures followed by a success', async () => {
    await addAdminUser(t.db, 'oc_', { username: 'careful', password: 'careful-password' });
    for (let i = 0; i < 4; i++) await authenticateAdmin(t.db, 'oc_', req('careful', 'nope', `10.2.0.${i}`));
    expect((await authenticateAdmin(t.db, 'oc_', req('careful', 'careful-password', '10.2.1.1'))).ok).toBe(true);
    expect((await authenticateAdmin(t.db, 'oc_', req('careful', 'nope', '10.2.2.2'))).ok).toBe(false);
    expect((await authenticateAdmin(t.db, 'oc_', req('careful', 'careful-password', '10.2.1.1'))).ok).toBe(true);
  });
});
