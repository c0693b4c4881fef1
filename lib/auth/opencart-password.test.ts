import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';
import { hashOpenCart3, hashOpenCart4, makeOpenCart3Salt, verifyOpenCartPassword } from './opencart-password';

describe('OpenCart password hashes', () => {
  it('matches the published OpenCart 3 test vector', () => {
    expect(hashOpenCart3('admin', 'abcdefghi')).toBe('2da554120d1f069a2c0f3d3df16b82e9de4a21b6');
  });

  it('accepts an OpenCart 3 salted sha1 hash and rejects a wrong password', () => {
    const stored = { password: '2da554120d1f069a2c0f3d3df16b82e9de4a21b6', salt: 'abcdefghi' };
    expect(verifyOpenCartPassword('admin', stored)).toBe(true);
    expect(verifyOpenCartPassword('Admin', stored)).toBe(false);
  });

  it('accepts a password OpenCart 3 stored in its HTML-escaped form', () => {
    const salt = 'Xy12Ab9Qz';
    const stored = { password: hashOpenCart3(encodeOpenCartText('a&b"<c>'), salt), salt };
    expect(verifyOpenCartPassword('a&b"<c>', stored)).toBe(true);
  });

  it('accepts the legacy unsalted md5 hash', () => {
    const stored = { password: createHash('md5').update('letmein').digest('hex'), salt: 'whatever1' };
    expect(verifyOpenCartPassword('letmein', stored)).toBe(true);
    expect(verifyOpenCartPassword('letmeout', stored)).toBe(false);
  });

  it("accepts OpenCart 4's PHP bcrypt ($2y$) hash", () => {
    const stored = { password: bcrypt.hashSync('s3cret!', 4).replace(/^\$2b\$/, '$2y$'), salt: '' };
    expect(stored.password.startsWith('$2y$')).toBe(true);
    expect(verifyOpenCartPassword('s3cret!', stored)).toBe(true);
    expect(verifyOpenCartPassword('s3cret?', stored)).toBe(false);
  });

  it("writes OpenCart 4's form: a 60-character $2y$ bcrypt hash at PHP's cost, which verifies", () => {
    const hash = hashOpenCart4('pa&ss"word', 4);
    expect(hash).toMatch(/^\$2y\$04\$[./A-Za-z0-9]{53}$/);
    expect(verifyOpenCartPassword('pa&ss"word', { password: hash })).toBe(true);
    expect(verifyOpenCartPassword('pa&amp;ss&quot;word', { password: hash })).toBe(false);
    expect(hashOpenCart4('x')).toMatch(/^\$2y\$10\$/);
  });

  it('rejects an empty stored hash', () => {
    expect(verifyOpenCartPassword('', { password: '', salt: '' })).toBe(false);
  });

  it('makes 9-character alphanumeric salts', () => {
    const salt = makeOpenCart3Salt();
    expect(salt).toMatch(/^[A-Za-z0-9]{9}$/);
  });
});
