import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the emailed confirmation link works. */
export const CONFIRM_LINK_TTL_MS = 48 * 60 * 60_000;

export type ConfirmTokenCheck = { ok: true; requestId: number } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

function sign(key: string, tenantId: number, body: string): string {
  return createHmac('sha256', key).update(`gdpr-confirm:${tenantId}:${body}`).digest('base64url');
}

/**
 * `<request id>.<expiry, epoch seconds>.<HMAC>`: signed with a key of the deployment (derived from
 * AUTH_SECRET) and bound to the tenant, so a link cannot be forged, moved to another shop or used late.
 */
export function signConfirmToken(key: string, tenantId: number, requestId: number, now = new Date()): string {
  const body = `${requestId}.${Math.floor((now.getTime() + CONFIRM_LINK_TTL_MS) / 1000)}`;
  return `${body}.${sign(key, tenantId, body)}`;
}

export function verifyConfirmToken(key: string, tenantId: number, token: string, now = new Date()): ConfirmTokenCheck {
  const match = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, id, expires, signature] = match;
  const expected = Buffer.from(sign(key, tenantId, `${id}.${expires}`));
  const given = Buffer.from(signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, requestId: Number(id) };
}
