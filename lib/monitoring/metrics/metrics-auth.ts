import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer +(\S+) *$/i;
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** `Authorization: Bearer $METRICS_TOKEN`, compared in constant time; without the token set nothing is accepted. */
export function authorizeMetricsRequest(authorization: string | null, token: string | undefined): { ok: true } | { ok: false; message: string } {
  if (!token) return { ok: false, message: 'METRICS_TOKEN is not set on the server, so no scrape can be authenticated.' };
  const given = BEARER.exec(authorization ?? '')?.[1];
  if (!given) return { ok: false, message: 'Send Authorization: Bearer <METRICS_TOKEN>.' };
  if (!timingSafeEqual(sha256(given), sha256(token))) return { ok: false, message: 'The bearer token is not the metrics token.' };
  return { ok: true };
}
