import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/**
 * The 32-byte key from APP_ENCRYPTION_KEY: base64 of 32 bytes, or any passphrase of 32+ characters
 * (hashed with SHA-256 to 32 bytes).
 */
export function encryptionKeyFrom(value: string | undefined): Buffer {
  if (!value) throw new Error('APP_ENCRYPTION_KEY is not set: marketplace secrets cannot be stored or read.');
  const decoded = Buffer.from(value, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(value)) return decoded;
  if (value.length < 32) throw new Error('APP_ENCRYPTION_KEY must be base64 of 32 bytes or at least 32 characters.');
  return createHash('sha256').update(value, 'utf8').digest();
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url; the tag makes tampering fail loudly. */
export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
