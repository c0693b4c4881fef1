import bcrypt from 'bcryptjs';
import { OPENCART4_BCRYPT_COST } from '@/lib/auth/opencart-password';
import type { Rng } from './prng';

const SALT_LENGTH = 9;
const SALT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BCRYPT_SALT_BYTES = 16;

/**
 * A 9-character salt from [A-Za-z0-9], as OpenCart 3's token(9) makes, but drawn from the demo's
 * seeded PRNG so the same seed writes the same password hashes.
 */
export function drawOpenCart3Salt(rng: Rng): string {
  let salt = '';
  for (let i = 0; i < SALT_LENGTH; i += 1) salt += SALT_ALPHABET[rng.int(0, SALT_ALPHABET.length - 1)];
  return salt;
}

/**
 * `password` as OpenCart 4 stores it (PHP's password_hash: bcrypt, `$2y$`, cost 10), with its 16 salt bytes
 * drawn from the demo's seeded PRNG so the same seed writes the same hash.
 */
export function drawOpenCart4PasswordHash(rng: Rng, password: string): string {
  const saltBytes = Array.from({ length: BCRYPT_SALT_BYTES }, () => rng.int(0, 255));
  const salt = `$2b$${OPENCART4_BCRYPT_COST}$${bcrypt.encodeBase64(saltBytes, BCRYPT_SALT_BYTES)}`;
  // `$2b$` and PHP's `$2y$` are the same algorithm; PHP would call a `$2b$` hash one to rewrite.
  return bcrypt.hashSync(password, salt).replace(/^\$2b\$/, '$2y$');
}
