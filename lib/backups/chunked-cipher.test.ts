import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDecryptStream, createEncryptStream, PLAIN_CHUNK_BYTES } from './chunked-cipher';

async function through(input: Buffer, transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from([input.subarray(0, 1000), input.subarray(1000)]),
    transform,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('chunked AES-256-GCM', () => {
  const key = randomBytes(32);
  const plain = randomBytes(PLAIN_CHUNK_BYTES * 2 + 12_345);

  it('round-trips data over several chunks', async () => {
    const sealed = await through(plain, createEncryptStream(key));
    expect((await through(sealed, createDecryptStream(key))).equals(plain)).toBe(true);
  });

  it('refuses a file cut exactly at a chunk boundary (the last chunk is missing)', async () => {
    const sealed = await through(plain, createEncryptStream(key));
    const firstChunkEnd = 8 + 16 + 5 + PLAIN_CHUNK_BYTES + 16;
    await expect(through(sealed.subarray(0, firstChunkEnd), createDecryptStream(key))).rejects.toThrow(/truncated/);
  });

  it('refuses a flipped byte, a wrong key and chunks in another order', async () => {
    const sealed = await through(plain, createEncryptStream(key));
    const flipped = Buffer.from(sealed);
    flipped[5000] = flipped[5000]! ^ 0x80;
    await expect(through(flipped, createDecryptStream(key))).rejects.toThrow(/failed authentication/);
    await expect(through(sealed, createDecryptStream(randomBytes(32)))).rejects.toThrow(/failed authentication/);
    const chunk = 5 + PLAIN_CHUNK_BYTES + 16;
    const header = sealed.subarray(0, 24);
    const swapped = Buffer.concat([header, sealed.subarray(24 + chunk, 24 + 2 * chunk), sealed.subarray(24, 24 + chunk), sealed.subarray(24 + 2 * chunk)]);
    await expect(through(swapped, createDecryptStream(key))).rejects.toThrow(/failed authentication/);
  });
});
