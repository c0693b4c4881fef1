import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { openSecret, sealSecret } from '@/lib/crypto/secret-box';
import type { WebhookAuthType } from '@/lib/marketplaces/names';

/** Standard Webhooks secrets are `whsec_` + base64 of the HMAC key. */
export const HMAC_SECRET_PREFIX = 'whsec_';
/** Standard Webhooks asks for keys of 24 to 64 random bytes. */
export const MIN_HMAC_SECRET_BYTES = 24;
const MAX_HMAC_SECRET_BYTES = 64;
const GENERATED_SECRET_BYTES = 32;
/**
 * How long the replaced secret still authenticates after a rotation, so a sender can switch
 * without dropping pushes (Standard Webhooks senders keep the old key for 24 hours).
 */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60_000;

const SHARED_SECRET_PATTERN = /^[\x21-\x7e]{16,256}$/;
const HMAC_SECRET_PATTERN = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The current secret and, for a grace period after a rotation, the one it replaced. */
export type AccountSecrets = { current: string; previous: string | null; previousUntil: Date | null };

const storedSecretsSchema = z.object({
  current: z.string().min(1),
  previous: z.string().min(1).nullable(),
  previousUntil: z.iso.datetime().nullable(),
});

/** A strong secret of the kind the auth type needs: `whsec_…` for HMAC, a random token otherwise. */
export function generateAccountSecret(authType: WebhookAuthType): string {
  const bytes = randomBytes(GENERATED_SECRET_BYTES);
  return authType === 'hmac' ? `${HMAC_SECRET_PREFIX}${bytes.toString('base64')}` : bytes.toString('base64url');
}

/** Why a secret someone chose is not usable for the auth type, or null when it is. */
export function secretProblem(authType: WebhookAuthType, secret: string): string | null {
  if (authType === 'hmac') {
    if (!HMAC_SECRET_PATTERN.test(secret)) return 'An HMAC secret is "whsec_" followed by base64';
    const bytes = Buffer.from(secret.slice(HMAC_SECRET_PREFIX.length), 'base64').length;
    if (bytes < MIN_HMAC_SECRET_BYTES || bytes > MAX_HMAC_SECRET_BYTES) {
      return `An HMAC secret must hold ${MIN_HMAC_SECRET_BYTES} to ${MAX_HMAC_SECRET_BYTES} random bytes`;
    }
    return null;
  }
  return SHARED_SECRET_PATTERN.test(secret) ? null : 'A secret is 16 to 256 visible ASCII characters, without spaces';
}

export function sealAccountSecrets(secrets: AccountSecrets, key: Buffer): string {
  const stored: z.infer<typeof storedSecretsSchema> = {
    current: secrets.current,
    previous: secrets.previous,
    previousUntil: secrets.previousUntil?.toISOString() ?? null,
  };
  return sealSecret(JSON.stringify(stored), key);
}

export function openAccountSecrets(sealed: string, key: Buffer): AccountSecrets {
  const stored = storedSecretsSchema.parse(JSON.parse(openSecret(sealed, key)));
  return {
    current: stored.current,
    previous: stored.previous,
    previousUntil: stored.previousUntil ? new Date(stored.previousUntil) : null,
  };
}

/** The secrets a push may be authenticated with right now: the current one, and the previous until it expires. */
export function acceptedSecrets(secrets: AccountSecrets, now: Date = new Date()): string[] {
  const previousValid = secrets.previous !== null && secrets.previousUntil !== null && secrets.previousUntil > now;
  return previousValid && secrets.previous ? [secrets.current, secrets.previous] : [secrets.current];
}
