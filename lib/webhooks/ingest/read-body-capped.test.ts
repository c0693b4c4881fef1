import { describe, expect, it } from 'vitest';
import { declaredLengthExceeds, readBodyCapped } from './read-body-capped';

/** A body arriving in chunks, as a socket delivers it, counting how much was pulled. */
function chunkedStream(chunks: Uint8Array[]) {
  const pulled = { chunks: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (!chunk) return controller.close();
      pulled.chunks++;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('reading a body with a cap', () => {
  it('returns the text of a body within the limit, multi-byte characters split across chunks included', async () => {
    const bytes = Buffer.from('{"text":"Çiçek 🌸"}', 'utf8');
    const { stream } = chunkedStream([bytes.subarray(0, 11), bytes.subarray(11, 15), bytes.subarray(15)]);
    expect(await readBodyCapped(stream, 1024)).toEqual({ ok: true, text: '{"text":"Çiçek 🌸"}' });
    expect(await readBodyCapped(null, 1024)).toEqual({ ok: true, text: '' });
  });

  it('accepts exactly the limit and stops reading, cancelling the stream, one byte past it', async () => {
    const kb = new Uint8Array(1024).fill(0x61);
    expect(await readBodyCapped(chunkedStream([kb, kb]).stream, 2048)).toMatchObject({ ok: true });
    const { stream, pulled } = chunkedStream([kb, kb, new Uint8Array([0x61]), kb, kb, kb]);
    expect(await readBodyCapped(stream, 2048)).toEqual({ ok: false, reason: 'too_large' });
    expect(pulled.chunks).toBe(3);
    expect(pulled.cancelled).toBe(true);
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await readBodyCapped(chunkedStream([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]).stream, 100)).toEqual({
      ok: false,
      reason: 'not_utf8',
    });
  });

  it('trusts a declared length only to refuse early', () => {
    expect(declaredLengthExceeds('1048577', 1_048_576)).toBe(true);
    expect(declaredLengthExceeds('1048576', 1_048_576)).toBe(false);
    expect(declaredLengthExceeds(null, 10)).toBe(false);
    expect(declaredLengthExceeds('lots', 10)).toBe(false);
  });
});
