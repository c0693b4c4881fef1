import { createHash, timingSafeEqual } from 'node:crypto';

export type CronAuthResult = { ok: true } | { ok: false; message: string };

const BEARER = /^Bearer +(\S+) *$/i;
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * `Authorization: Bearer $CRON_SECRET`, as Vercel Cron sends it. Compared in constant time over the
 * SHA-256 of both sides, so neither the secret's characters nor its length leak through timing.
 * Without CRON_SECRET nothing is accepted, and the answer says so (the operator's mistake to fix).
 */
export function authorizeCronRequest(authorization: string | null, secret: string | undefined): CronAuthResult {
  if (!secret) {
    return { ok: false, message: 'CRON_SECRET is not set on the server, so no cron call can be authenticated.' };
  }
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, message: 'Send Authorization: Bearer <CRON_SECRET>.' };
  if (!timingSafeEqual(sha256(token), sha256(secret))) return { ok: false, message: 'The bearer token is not the cron secret.' };
  return { ok: true };
}
