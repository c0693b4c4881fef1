import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const SALT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const OPENCART3_SALT_LENGTH = 9;

/** OpenCart 3's stored form: sha1(salt . sha1(salt . sha1(password))), lowercase hex. */
export function hashOpenCart3(password: string, salt: string): string {
  return sha1(salt + sha1(salt + sha1(password)));
}

/** PHP's password_hash() cost, which OpenCart 4 uses (PASSWORD_DEFAULT on PHP 8.0–8.3). */
export const OPENCART4_BCRYPT_COST = 10;

/**
 * OpenCart 4's stored form: bcrypt with PHP's `$2y$` marker (the same algorithm as `$2b$`); PHP's
 * password_needs_rehash() would call a `$2b$` hash unknown and OpenCart would rewrite it at next login.
 */
export function hashOpenCart4(password: string, cost = OPENCART4_BCRYPT_COST): string {
  return bcrypt.hashSync(password, cost).replace(/^\$2[ab]\$/, '$2y$');
}

/** A 9-character alphanumeric salt like OpenCart's token(9), from a CSPRNG. */
export function makeOpenCart3Salt(): string {
  let salt = '';
  for (let i = 0; i < OPENCART3_SALT_LENGTH; i++) salt += SALT_ALPHABET[randomInt(SALT_ALPHABET.length)];
  return salt;
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a password against every hash OpenCart writes for oc_user:
 * 4.x bcrypt ($2y$), 3.x salted sha1 and the legacy unsalted md5.
 * OpenCart 3 hashes the HTML-escaped password when saving but the decoded one at admin login,
 * so both forms are tried.
 */
export function verifyOpenCartPassword(password: string, stored: { password: string; salt?: string | null }): boolean {
  const hash = stored.password;
  if (!hash) return false;
  if (/^\$2[aby]\$\d\d\$/.test(hash)) return bcrypt.compareSync(password, hash);
  const candidates = password === encodeOpenCartText(password) ? [password] : [password, encodeOpenCartText(password)];
  let ok = false;
  for (const candidate of candidates) {
    if (stored.salt && sameHex(hashOpenCart3(candidate, stored.salt), hash)) ok = true;
    if (sameHex(md5(candidate), hash)) ok = true;
  }
  return ok;
}
