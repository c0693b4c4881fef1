import { createHash } from 'node:crypto';

const LANES = 4;

/**
 * An order-free checksum of a table's rows: the MD5 of each row's SQL text, summed lane by lane
 * (four 32-bit lanes, modulo 2^32). A backup computes it while writing, a verify while reading the
 * file and a restore while reading the restored table back, in whatever order each reads the rows.
 */
export class RowChecksum {
  rows = 0;
  private readonly lanes = new Uint32Array(LANES);

  add(rowText: string) {
    const digest = createHash('md5').update(rowText).digest();
    for (let i = 0; i < LANES; i++) this.lanes[i] = (this.lanes[i]! + digest.readUInt32BE(i * 4)) >>> 0;
    this.rows++;
  }

  hex(): string {
    return Array.from(this.lanes, (n) => n.toString(16).padStart(8, '0')).join('');
  }
}
