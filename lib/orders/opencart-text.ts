import { encodeOpenCartText } from '@/lib/db/opencart/html-text';

/**
 * How many bytes a character may take in the shop's text columns. OpenCart 3.0 (up to 3.0.4.x) creates
 * its tables as `utf8` (utf8mb3, 3 bytes): a 4-byte character (emoji, some CJK) makes a strict
 * session fail the whole INSERT and a lax one store `?`. 3.0.5.0 and 4.x use utf8mb4.
 */
export type OpenCartCharset = 'utf8mb3' | 'utf8mb4';

/**
 * What a 4-byte character becomes in a utf8mb3 shop: U+FFFD fits in 3 bytes and shows the admin
 * that something was there, where a silent drop would not (an order is never refused over an emoji
 * in an address line).
 */
export const REPLACEMENT_CHARACTER = '\uFFFD';
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/**
 * Text ready for an OpenCart column of `maxChars` characters: trimmed, 4-byte characters replaced
 * where the column is utf8mb3, HTML-escaped as OpenCart stores request input, and cut to fit.
 * Escaping lengthens text (`&` is five characters once stored), so a value the marketplace sent
 * within the limit may still overflow; it is cut at a character boundary, never inside an entity,
 * which is what OpenCart's own lax-mode truncation would do to the same input, minus split entities.
 */
export function toOpenCartText(value: string, maxChars: number, charset: OpenCartCharset): string {
  const safe = charset === 'utf8mb3' ? value.trim().replace(ASTRAL, REPLACEMENT_CHARACTER) : value.trim();
  let out = '';
  let length = 0;
  for (const ch of safe) {
    const escaped = encodeOpenCartText(ch);
    // MySQL counts characters (code points), not UTF-16 units.
    const size = [...escaped].length;
    if (length + size > maxChars) break;
    out += escaped;
    length += size;
  }
  return out;
}

