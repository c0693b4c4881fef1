import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The encrypted file format: `MSCBAK01` + a 16-byte salt, then chunks of
 * `[u32 length][u8 last][ciphertext][16-byte GCM tag]`. Each file gets its own key, derived with HKDF
 * from APP_ENCRYPTION_KEY's key and the salt, so the chunk counter can serve as the nonce. The counter
 * and the `last` flag are authenticated with each chunk: a chunk dropped, reordered or cut off, or a
 * file that ends before its last chunk, fails to decrypt.
 */
export const ENCRYPTED_MAGIC = Buffer.from('MSCBAK01', 'latin1');
const SALT_BYTES = 16;
const TAG_BYTES = 16;
const CHUNK_HEADER_BYTES = 5;
export const PLAIN_CHUNK_BYTES = 1024 * 1024;
/** A chunk length above this is corruption, not data (keeps a flipped length byte from allocating gigabytes). */
const MAX_CHUNK_BYTES = 16 * PLAIN_CHUNK_BYTES;
const HKDF_INFO = 'meschain-sync backup v1';

function fileKey(masterKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, salt, HKDF_INFO, 32));
}

function nonceOf(counter: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(Math.floor(counter / 2 ** 32), 4);
  iv.writeUInt32BE(counter >>> 0, 8);
  return iv;
}

function aadOf(counter: number, last: boolean): Buffer {
  const aad = Buffer.alloc(9);
  aad.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  aad.writeUInt32BE(counter >>> 0, 4);
  aad[8] = last ? 1 : 0;
  return aad;
}

export class BackupDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupDecryptError';
  }
}

export function createEncryptStream(masterKey: Buffer): Transform {
  const salt = randomBytes(SALT_BYTES);
  const key = fileKey(masterKey, salt);
  let counter = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(counter));
    cipher.setAAD(aadOf(counter, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const header = Buffer.alloc(CHUNK_HEADER_BYTES);
    header.writeUInt32BE(body.length, 0);
    header[4] = last ? 1 : 0;
    counter++;
    return Buffer.concat([header, body, cipher.getAuthTag()]);
  };

  return new Transform({
    construct(callback) {
      this.push(Buffer.concat([ENCRYPTED_MAGIC, salt]));
      callback();
    },
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= PLAIN_CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, PLAIN_CHUNK_BYTES), false));
        const rest = all.subarray(PLAIN_CHUNK_BYTES);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
      }
      callback();
    },
    flush(callback) {
      this.push(seal(Buffer.concat(pending), true));
      callback();
    },
  });
}

export function createDecryptStream(masterKey: Buffer): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let key: Buffer | null = null;
  let counter = 0;
  let sawLast = false;

  return new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      try {
        if (!key) {
          if (buffered.length < ENCRYPTED_MAGIC.length + SALT_BYTES) return callback();
          if (!buffered.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) throw new BackupDecryptError('not an encrypted backup (wrong header)');
          key = fileKey(masterKey, buffered.subarray(ENCRYPTED_MAGIC.length, ENCRYPTED_MAGIC.length + SALT_BYTES));
          buffered = buffered.subarray(ENCRYPTED_MAGIC.length + SALT_BYTES);
        }
        while (buffered.length >= CHUNK_HEADER_BYTES) {
          if (sawLast) throw new BackupDecryptError('data after the last chunk');
          const length = buffered.readUInt32BE(0);
          if (length > MAX_CHUNK_BYTES) throw new BackupDecryptError(`chunk ${counter} has an impossible length`);
          const end = CHUNK_HEADER_BYTES + length + TAG_BYTES;
          if (buffered.length < end) break;
          const last = buffered[4] === 1;
          const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(counter), { authTagLength: TAG_BYTES });
          decipher.setAAD(aadOf(counter, last));
          decipher.setAuthTag(buffered.subarray(end - TAG_BYTES, end));
          try {
            this.push(Buffer.concat([decipher.update(buffered.subarray(CHUNK_HEADER_BYTES, end - TAG_BYTES)), decipher.final()]));
          } catch {
            throw new BackupDecryptError(`chunk ${counter} failed authentication (the file was changed or the key is wrong)`);
          }
          counter++;
          sawLast = last;
          buffered = buffered.subarray(end);
        }
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback) {
      if (!key || !sawLast || buffered.length > 0) return callback(new BackupDecryptError('the file ends before its last chunk (truncated)'));
      callback();
    },
  });
}
