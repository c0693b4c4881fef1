import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { gdprPublicRateLimits } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';

/** Fixed windows for the public page: generous for a person, tight for a script. */
export const PUBLIC_LIMITS = {
  /** Requests filed from one IP. */
  fileByIp: { max: 5, windowMs: 10 * 60_000 },
  /** Requests filed for one email (each one sends a mail to it: no mail bombing through us). */
  fileByEmail: { max: 3, windowMs: 24 * 60 * 60_000 },
  /** Confirmation attempts from one IP (guessing tokens). */
  confirmByIp: { max: 20, windowMs: 10 * 60_000 },
} as const;

export type PublicLimit = keyof typeof PUBLIC_LIMITS;

export class PublicRateLimitError extends ServiceError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Public privacy page rate limit reached; retry in ${retryAfterSeconds}s`);
  }
}

/**
 * Counts one attempt in the bucket's current window and refuses past the limit. The count is one
 * atomic upsert, so instances behind a load balancer share it. Buckets hold hashes, never the address.
 */
export async function takePublicAttempt(db: Db, tenantId: number, limit: PublicLimit, bucketKey: string, now = new Date()): Promise<void> {
  const { max, windowMs } = PUBLIC_LIMITS[limit];
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucket = `${limit}:${bucketKey}`.slice(0, 80);
  await db
    .insert(gdprPublicRateLimits)
    .values({ tenantId, bucket, windowStart, used: 1 })
    .onDuplicateKeyUpdate({ set: { used: sql`${gdprPublicRateLimits.used} + 1` } });
  const [row] = await db
    .select({ used: gdprPublicRateLimits.used })
    .from(gdprPublicRateLimits)
    .where(and(eq(gdprPublicRateLimits.tenantId, tenantId), eq(gdprPublicRateLimits.bucket, bucket), eq(gdprPublicRateLimits.windowStart, windowStart)));
  if ((row?.used ?? 0) > max) {
    throw new PublicRateLimitError(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  }
}

/** Counters whose window ended over a day ago (the deadlines job calls this). */
export async function prunePublicAttempts(db: Db, now = new Date()): Promise<number> {
  const [result] = await db.delete(gdprPublicRateLimits).where(lt(gdprPublicRateLimits.windowStart, new Date(now.getTime() - 2 * 24 * 60 * 60_000)));
  return result.affectedRows;
}
