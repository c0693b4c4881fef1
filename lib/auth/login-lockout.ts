import { and, desc, eq, gt, type SQL } from 'drizzle-orm';
import { loginAttempts } from '@/lib/db/schema';
import type { Db } from '@/lib/db/pool';

/** Five failures for one username or one IP within 15 minutes lock further tries for 15 minutes. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
export const LOGIN_LOCK_MS = 15 * 60_000;

export type LockState = { locked: false } | { locked: true; retryAfterSeconds: number };

/**
 * Locked while some run of five failures that fits in one window ended less than LOGIN_LOCK_MS ago.
 * For a username only failures after its last success count; an IP is never cleared by a success,
 * since one valid account must not reset a password-guessing run from that address.
 */
function lockFrom(failureTimes: number[], now: number): LockState {
  // failureTimes: newest first
  for (let i = 0; i + LOGIN_MAX_FAILURES - 1 < failureTimes.length; i++) {
    const newest = failureTimes[i]!;
    const oldest = failureTimes[i + LOGIN_MAX_FAILURES - 1]!;
    if (newest - oldest > LOGIN_FAILURE_WINDOW_MS) continue;
    const until = newest + LOGIN_LOCK_MS;
    if (until > now) return { locked: true, retryAfterSeconds: Math.ceil((until - now) / 1000) };
    return { locked: false };
  }
  return { locked: false };
}

async function recentAttempts(db: Db, where: SQL, now: number) {
  const since = new Date(now - LOGIN_FAILURE_WINDOW_MS - LOGIN_LOCK_MS);
  return db
    .select({ success: loginAttempts.success, reason: loginAttempts.reason, createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(where, gt(loginAttempts.createdAt, since)))
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id));
}

/** Tries refused while locked are recorded but do not extend the lock. */
const COUNTED_FAILURE = 'invalid';

export async function getLockState(db: Db, username: string, ip: string, now = Date.now()): Promise<LockState> {
  const [byUser, byIp] = await Promise.all([
    recentAttempts(db, eq(loginAttempts.username, username), now),
    recentAttempts(db, eq(loginAttempts.ip, ip), now),
  ]);
  const lastSuccess = byUser.findIndex((a) => a.success);
  const userFailures = (lastSuccess === -1 ? byUser : byUser.slice(0, lastSuccess))
    .filter((a) => !a.success && a.reason === COUNTED_FAILURE)
    .map((a) => a.createdAt.getTime());
  const ipFailures = byIp.filter((a) => !a.success && a.reason === COUNTED_FAILURE).map((a) => a.createdAt.getTime());
  const states = [lockFrom(userFailures, now), lockFrom(ipFailures, now)];
  const locked = states.filter((s): s is Extract<LockState, { locked: true }> => s.locked);
  if (locked.length === 0) return { locked: false };
  return { locked: true, retryAfterSeconds: Math.max(...locked.map((s) => s.retryAfterSeconds)) };
}

export type AttemptReason = 'ok' | 'invalid' | 'locked';

export async function recordLoginAttempt(
  db: Db,
  attempt: { username: string; ip: string; reason: AttemptReason; at?: Date },
) {
  await db.insert(loginAttempts).values({
    username: attempt.username.slice(0, 64),
    ip: attempt.ip.slice(0, 45),
    success: attempt.reason === 'ok',
    reason: attempt.reason,
    ...(attempt.at ? { createdAt: attempt.at } : {}),
  });
}

