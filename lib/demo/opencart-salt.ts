import type { Rng } from './prng';

const SALT_LENGTH = 9;
const SALT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A 9-character salt from [A-Za-z0-9], as OpenCart 3's token(9) makes, but drawn from the demo's
 * seeded PRNG so the same seed writes the same password hashes.
 */
export function drawOpenCart3Salt(rng: Rng): string {
  let salt = '';
  for (let i = 0; i < SALT_LENGTH; i += 1) salt += SALT_ALPHABET[rng.int(0, SALT_ALPHABET.length - 1)];
  return salt;
}
