import { z } from 'zod';

const PRETTY_INDENT = 2;

/**
 * A JSON column's value as read. MariaDB stores JSON as LONGTEXT, so mysql2 hands back the text
 * (MySQL 8 hands back the parsed value): both are accepted.
 */
export function readStoredJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (err) {
    throw new Error(`A JSON column holds text that is not JSON: ${value.slice(0, 80)}`, { cause: err });
  }
}

/** A body as text for reading: indented when it is JSON, as received when it is not. */
export function prettyBody(raw: string): { text: string; isJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, PRETTY_INDENT), isJson: true };
  } catch {
    // Not JSON (a form post, XML, or a truncated push): shown exactly as it came.
    return { text: raw, isJson: false };
  }
}

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, PRETTY_INDENT);
}

const storedHeadersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** Stored request headers as sorted name/value pairs. */
export function readStoredHeaders(value: unknown): Array<[name: string, value: string]> {
  const headers = storedHeadersSchema.parse(readStoredJson(value));
  return Object.entries(headers)
    .map(([name, v]): [string, string] => [name, Array.isArray(v) ? v.join(', ') : v])
    .sort(([a], [b]) => a.localeCompare(b));
}
