import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { encryptionKeyFrom, openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = sealSecret('whsec_çok-gizli', key);
    expect(openSecret(a, key)).toBe('whsec_çok-gizli');
    expect(sealSecret('whsec_çok-gizli', key)).not.toBe(a);
    expect(a).not.toContain('gizli');
  });

  it('refuses a tampered secret or the wrong key', () => {
    const sealed = sealSecret('secret', key);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(() => openSecret(parts.join('.'), key)).toThrow();
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
  });

  it('takes a base64 32-byte key or a long passphrase, and refuses a short or missing one', () => {
    expect(encryptionKeyFrom(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(encryptionKeyFrom('a passphrase that is long enough to use!')).toHaveLength(32);
    expect(() => encryptionKeyFrom('short')).toThrow(/APP_ENCRYPTION_KEY/);
    expect(() => encryptionKeyFrom(undefined)).toThrow(/APP_ENCRYPTION_KEY/);
  });
});
