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
