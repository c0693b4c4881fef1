/** The largest push we accept; marketplaces send single events or small batches well under this. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type CappedBody = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'not_utf8' };

/** True when the sender itself says the body is over the limit, so it need not be read at all. */
export function declaredLengthExceeds(contentLength: string | null, limit: number): boolean {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength) > limit;
}

/**
 * Reads a request body as UTF-8 text, stopping (and cancelling the stream) as soon as it passes
 * `limit` bytes: a lying or missing Content-Length cannot make us buffer more than that.
 */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CappedBody> {
  if (!body) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel('body over the size limit');
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, size);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (err) {
    if (err instanceof TypeError) return { ok: false, reason: 'not_utf8' };
    throw err;
  }
}
