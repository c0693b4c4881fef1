import { z } from 'zod';

/** A client's position in an order listing, handed out as opaque base64url JSON. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Error('Not an order cursor of this client');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error('Not an order cursor of this client');
  return parsed.data;
}

/** The end of the window that starts at `from`, at most `maxMs` long and never past `until`. */
export function windowEnd(from: number, until: number, maxMs: number): number {
  return Math.min(until, from + maxMs);
}
