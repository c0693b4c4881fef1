/**
 * An order-free checksum of a table's rows: a 64-bit hash of each row's SQL text (two 32-bit
 * multiply-xorshift lanes over its UTF-16 code units), summed lane by lane modulo 2^32, plus the row
 * count kept beside it. A backup computes it while writing, a verify while reading the file and a restore
 * while reading the restored table back, in whatever order each reads the rows. It finds damage and
 * lost or changed rows, not an attacker: the encryption's authentication tags do that.
 * Written in JavaScript because a native hash per row (MD5) cost more in call overhead than in hashing.
 */
export class RowChecksum {
  rows = 0;
  private sum1 = 0;
  private sum2 = 0;

  add(rowText: string) {
    let h1 = 0xdeadbeef ^ rowText.length;
    let h2 = 0x41c6ce57 ^ rowText.length;
    for (let i = 0; i < rowText.length; i++) {
      const c = rowText.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.addLanes(h1, h2);
  }

  /** The same as `add(bytes.toString('latin1', start, end))`: for bytes known to be ASCII, one pass and no decoding. */
  addAscii(bytes: Buffer, start: number, end: number) {
    let h1 = 0xdeadbeef ^ (end - start);
    let h2 = 0x41c6ce57 ^ (end - start);
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.addLanes(h1, h2);
  }

  /**
   * The same as `add(bytes.toString('utf8', start, end))` without making the string: the row's UTF-8 is
   * decoded to the UTF-16 code units `add` hashes. `units` is that string's length when the caller knows
   * it (as the encoder does). Bytes that are not valid UTF-8 take the string path, whose replacement
   * characters are what a reader of the file sees.
   */
  addUtf8(bytes: Buffer, start: number, end: number, units = utf16Length(bytes, start, end)) {
    let h1 = 0xdeadbeef ^ units;
    let h2 = 0x41c6ce57 ^ units;
    let i = start;
    while (i < end) {
      let c = bytes[i++]!;
      if (c >= 0x80) {
        // Two-byte sequences (Latin and Turkish letters) inline; longer ones through the full check.
        const next = i < end ? bytes[i]! : 0;
        if (c >= 0xc2 && c <= 0xdf && (next & 0xc0) === 0x80) {
          c = ((c & 0x1f) << 6) | (next & 0x3f);
          i++;
        } else {
          const point = c >= 0xe0 ? utf8CodePoint(bytes, i - 1, end, c) : -1;
          if (point < 0) {
            this.add(bytes.toString('utf8', start, end));
            return;
          }
          if (point > 0xffff) {
            i += 3;
            const high = 0xd800 + ((point - 0x10000) >> 10);
            h1 = Math.imul(h1 ^ high, 2654435761);
            h2 = Math.imul(h2 ^ high, 1597334677);
            c = 0xdc00 + ((point - 0x10000) & 0x3ff);
          } else {
            i += 2;
            c = point;
          }
        }
      }
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.addLanes(h1, h2);
  }

  private addLanes(h1: number, h2: number) {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.sum1 = (this.sum1 + (h1 >>> 0)) >>> 0;
    this.sum2 = (this.sum2 + (h2 >>> 0)) >>> 0;
    this.rows++;
  }

  hex(): string {
    return this.sum1.toString(16).padStart(8, '0') + this.sum2.toString(16).padStart(8, '0');
  }
}

function continuation(bytes: Buffer, at: number, end: number, low = 0x80, high = 0xbf): number {
  if (at >= end) return -1;
  const b = bytes[at]!;
  return b >= low && b <= high ? b & 0x3f : -1;
}

/** The code point of the well-formed UTF-8 sequence at `i` (lead byte `lead` >= 0x80), or -1 (RFC 3629's table). */
function utf8CodePoint(bytes: Buffer, i: number, end: number, lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) {
    const b1 = continuation(bytes, i + 1, end);
    return b1 < 0 ? -1 : ((lead & 0x1f) << 6) | b1;
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    const b1 = continuation(bytes, i + 1, end, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf);
    const b2 = continuation(bytes, i + 2, end);
    return b1 < 0 || b2 < 0 ? -1 : ((lead & 0x0f) << 12) | (b1 << 6) | b2;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const b1 = continuation(bytes, i + 1, end, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf);
    const b2 = continuation(bytes, i + 2, end);
    const b3 = continuation(bytes, i + 3, end);
    return b1 < 0 || b2 < 0 || b3 < 0 ? -1 : ((lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3;
  }
  return -1;
}

/** The length of well-formed UTF-8 as a JavaScript string: one unit per sequence, two for 4-byte ones. */
function utf16Length(bytes: Buffer, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
