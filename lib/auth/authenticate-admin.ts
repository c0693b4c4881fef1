import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { openCartTables } from '@/lib/db/opencart';
import { writeAudit } from '@/lib/audit/write-audit';
import { openCartVersionOf } from '@/lib/opencart-version/shop-version';
import { verifyOpenCartPassword } from './opencart-password';
import { getLockState, recordLoginAttempt } from './login-lockout';

/** OpenCart's own name for the group whose members administer the shop. */
export const ADMINISTRATOR_GROUP = 'Administrator';

export type AdminUser = {
  id: number;
  username: string;
  name: string;
  email: string;
  groupName: string;
  isAdministrator: boolean;
};

export type LoginResult =
  | { ok: true; user: AdminUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export type LoginRequest = { username: string; password: string; ip: string; userAgent: string };

/**
 * Signs in an OpenCart admin (oc_user with status 1) of the main database, 3.0 or 4.0. Never writes
 * oc_user: a hash that OpenCart 4 would upgrade is left for OpenCart to upgrade. 4.0's oc_user has no
 * salt column (bcrypt, or a legacy md5 only), so the salt is read only from a 3.0 shop.
 */
export async function authenticateAdmin(db: Db, prefix: string, req: LoginRequest, now = Date.now()): Promise<LoginResult> {
  const oc = openCartTables(prefix);
  const request = { ip: req.ip, userAgent: req.userAgent };
  const lock = await getLockState(db, req.username, req.ip, now);
  if (lock.locked) {
    await recordLoginAttempt(db, { username: req.username, ip: req.ip, reason: 'locked' });
    await writeAudit(db, {
      action: 'auth.login_locked',
      actor: { userId: null, username: req.username },
      after: { retryAfterSeconds: lock.retryAfterSeconds },
      request,
    });
    return { ok: false, reason: 'locked', retryAfterSeconds: lock.retryAfterSeconds };
  }

  const version = await openCartVersionOf({ db, tenant: { prefix } });
  const [row] = await db
    .select({
      id: oc.user.userId,
      username: oc.user.username,
      password: oc.user.password,
      ...(version === '3.0' ? { salt: oc.user.salt } : {}),
      firstname: oc.user.firstname,
      lastname: oc.user.lastname,
      email: oc.user.email,
      status: oc.user.status,
      groupName: oc.userGroup.name,
    })
    .from(oc.user)
    .leftJoin(oc.userGroup, eq(oc.userGroup.userGroupId, oc.user.userGroupId))
    .where(eq(oc.user.username, req.username))
    .limit(1);

  const valid = !!row && Number(row.status) === 1 && verifyOpenCartPassword(req.password, row);
  if (!row || !valid) {
    await recordLoginAttempt(db, { username: req.username, ip: req.ip, reason: 'invalid' });
    await writeAudit(db, {
      action: 'auth.login_failed',
      actor: { userId: row?.id ?? null, username: req.username },
      request,
    });
    return { ok: false, reason: 'invalid' };
  }

  const groupName = row.groupName ?? '';
  const user: AdminUser = {
    id: row.id,
    username: row.username,
    name: `${row.firstname} ${row.lastname}`.trim() || row.username,
    email: row.email,
    groupName,
    isAdministrator: groupName === ADMINISTRATOR_GROUP,
  };
  await recordLoginAttempt(db, { username: req.username, ip: req.ip, reason: 'ok' });
  await writeAudit(db, { action: 'auth.login', actor: { userId: user.id, username: user.username }, request });
  return { ok: true, user };
}
