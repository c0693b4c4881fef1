import { literalOf, type LiteralKind } from './sql-literal';

/**
 * Builds a backup's SQL tuples `(1,'a',NULL)` straight from the bytes of the server's text-protocol row
 * packets, without a JavaScript value per column: the server's text already is the literal for numbers
 * and dates, strings only need escaping, and bytes become hex. Every tuple is byte for byte what
 * `literalOf` writes for the value mysql2 would have returned (a connection from openReadConnection),
 * so backups made before and after read back alike. Values whose text JavaScript rewrites (FLOAT and
 * DOUBLE through a number, ZEROFILL integers, strings of the binary character set) take that path.
 */

/** The parts of mysql2's column definition the encoder needs. */
export type WireField = { columnType: number; characterSet: number; flags: number; extendedFormat?: string };

/** The packet mysql2 hands a result set's row to (its fields and the readers the slow path borrows). */
export type RowPacket = {
  buffer: Buffer;
  offset: number;
  end: number;
  parseLengthCodedFloat(): number | null;
  parseLengthCodedIntNoBigCheck(): number | null;
  readLengthCodedBuffer(): Buffer | null;
};

// MySQL protocol column types (include/mysql_com.h) and flags.
const TYPE = { DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8, INT24: 9, DATE: 10, TIME: 11, DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16, TIMESTAMP2: 17, DATETIME2: 18, TIME2: 19, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248, TINY_BLOB: 249, MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253, STRING: 254, GEOMETRY: 255 } as const;
const ZEROFILL_FLAG = 0x40;
const BINARY_CHARSET = 63;
const NULL_BYTE = 0xfb;

const INTEGER_TYPES = new Set<number>([TYPE.TINY, TYPE.SHORT, TYPE.LONG, TYPE.INT24, TYPE.YEAR]);
const TEMPORAL_TYPES = new Set<number>([TYPE.DATE, TYPE.NEWDATE, TYPE.DATETIME, TYPE.DATETIME2, TYPE.TIMESTAMP, TYPE.TIMESTAMP2, TYPE.TIME, TYPE.TIME2]);
const STRING_TYPES = new Set<number>([TYPE.VARCHAR, TYPE.VAR_STRING, TYPE.STRING, TYPE.ENUM, TYPE.SET, TYPE.TINY_BLOB, TYPE.MEDIUM_BLOB, TYPE.LONG_BLOB, TYPE.BLOB, TYPE.JSON]);

/** How one column's value is written. */
const enum Writer {
  /** The server's text as it is (integers, DECIMAL, BIGINT). */
  Raw,
  /** The server's text, quoted and escaped (strings in utf8mb4, dates, JSON). */
  Quoted,
  /** `0x` and the bytes in hex, `''` when empty (binary columns). */
  Hex,
  /** The value mysql2 would return, written by literalOf (text JavaScript rewrites). */
  ThroughValue,
}

function writerOf(kind: LiteralKind, field: WireField): Writer {
  const type = field.columnType;
  if (kind === 'binary' && (STRING_TYPES.has(type) || type === TYPE.BIT || type === TYPE.GEOMETRY)) return Writer.Hex;
  if (kind === 'number') {
    if (INTEGER_TYPES.has(type)) return field.flags & ZEROFILL_FLAG ? Writer.ThroughValue : Writer.Raw;
    if (type === TYPE.LONGLONG || type === TYPE.DECIMAL || type === TYPE.NEWDECIMAL) return Writer.Raw;
    return Writer.ThroughValue;
  }
  if (kind === 'text') {
    if (TEMPORAL_TYPES.has(type) || type === TYPE.JSON || field.extendedFormat === 'json') return Writer.Quoted;
    if (STRING_TYPES.has(type) && field.characterSet !== BINARY_CHARSET) return Writer.Quoted;
  }
  return Writer.ThroughValue;
}

/** The value mysql2's text parser returns for a column of this type (lib/parsers/text_parser.js). */
function valueThroughMysql2(packet: RowPacket, field: WireField): unknown {
  const type = field.columnType;
  if (type === TYPE.FLOAT || type === TYPE.DOUBLE) return packet.parseLengthCodedFloat();
  if (INTEGER_TYPES.has(type)) return packet.parseLengthCodedIntNoBigCheck();
  const bytes = packet.readLengthCodedBuffer();
  // Strings of the binary character set come back as bytes; every other type as utf8 text.
  return bytes === null || field.characterSet === BINARY_CHARSET ? bytes : bytes.toString('utf8');
}

/** Backslash escapes of quoteText (lib/backups/sql-literal.ts), by byte: 0 means the byte is written as it is. */
const ESCAPE = new Uint8Array(256);
for (const [byte, letter] of [
  [0x00, '0'],
  [0x0a, 'n'],
  [0x0d, 'r'],
  [0x5c, '\\'],
  [0x27, "'"],
  [0x22, '"'],
  [0x1a, 'Z'],
] as const) {
  ESCAPE[byte] = letter.charCodeAt(0);
}
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const NULL_TEXT = Buffer.from('NULL', 'latin1');
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
/** Values shorter than this are copied byte by byte: cheaper than a call into Buffer.copy. */
const SHORT_COPY_BYTES = 32;

/** What goes around a batch of tuples (`INSERT INTO t VALUES\n` and `;\n` in a backup, nothing for a checksum). */
export type BatchFrame = { prefix: string; suffix: string; bytes: number };

/**
 * Writes batches of tuples, separated by `,\n`, into a growing byte buffer. After each row, `rowStart`
 * and `pos` bracket its tuple (for its checksum). `take` hands over the batch and starts the next in a
 * new buffer, so the taken one can be written asynchronously while the next fills.
 */
export class TupleEncoder {
  private readonly writers: Writer[];
  out: Buffer;
  pos = 0;
  rowStart = 0;
  rows = 0;
  /** The last tuple is all ASCII (its checksum needs no UTF-8 decoding). */
  rowIsAscii = true;
  /** The last tuple's length as a JavaScript string (UTF-16 code units), which its checksum starts from. */
  rowUnits = 0;

  constructor(
    private readonly kinds: LiteralKind[],
    private readonly fields: WireField[],
    private readonly frame: BatchFrame,
  ) {
    if (kinds.length !== fields.length) throw new Error(`the table has ${kinds.length} columns but the server sent ${fields.length}`);
    this.writers = kinds.map((kind, i) => writerOf(kind, fields[i]!));
    this.out = this.startBatch();
  }

  private startBatch(): Buffer {
    // Room for a full batch and the row that crosses its size, so most batches never grow.
    this.out = Buffer.allocUnsafe(this.frame.bytes + this.frame.bytes / 4);
    this.pos = 0;
    this.rows = 0;
    this.writeAscii(this.frame.prefix);
    return this.out;
  }

  /** Room for `bytes` more, moving what is written so far into a larger buffer when needed. */
  ensure(bytes: number) {
    if (this.pos + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.pos + bytes));
    this.out.copy(bigger, 0, 0, this.pos);
    this.out = bigger;
  }

  private writeAscii(text: string) {
    this.ensure(text.length);
    this.pos += this.out.write(text, this.pos, 'latin1');
  }

  private writeUtf8(text: string) {
    this.ensure(Buffer.byteLength(text, 'utf8'));
    this.pos += this.out.write(text, this.pos, 'utf8');
  }

  /** Appends one row packet as a tuple (after `,\n` unless it is the batch's first); `rowStart` and `pos` then bracket it. */
  encodeRow(packet: RowPacket) {
    const src = packet.buffer;
    let off = packet.offset;
    const end = packet.end;
    // Worst case per column: NULL and its comma, 5 bytes out of 1 in (escapes and hex take 2 per byte).
    this.ensure(5 * (end - off) + 8);
    let out = this.out;
    let pos = this.pos;
    if (this.rows++ > 0) {
      out[pos++] = 0x2c; // ,
      out[pos++] = 0x0a; // newline: one row per line
    }
    this.rowStart = pos;
    out[pos++] = 0x28; // (
    const writers = this.writers;
    // Numbers, dates and hex are ASCII; only quoted strings and values through literalOf may not be.
    // A UTF-16 string is one unit shorter than its UTF-8 per continuation byte, one longer per 4-byte lead.
    let nonAscii = 0;
    let unitsLessThanBytes = 0;
    for (let col = 0; col < writers.length; col++) {
      if (col > 0) out[pos++] = 0x2c; // ,
      let len = src[off]!;
      if (len === NULL_BYTE) {
        NULL_TEXT.copy(out, pos);
        pos += 4;
        off++;
        continue;
      }
      const writer = writers[col]!;
      if (writer === Writer.ThroughValue) {
        packet.offset = off;
        const value = valueThroughMysql2(packet, this.fields[col]!);
        off = packet.offset;
        this.pos = pos;
        const literal = literalOf(this.kinds[col]!, value);
        this.writeUtf8(literal);
        nonAscii++;
        unitsLessThanBytes += this.pos - pos - literal.length;
        this.ensure(5 * (end - off) + 8);
        out = this.out;
        pos = this.pos;
        continue;
      }
      if (len < 0xfb) off += 1;
      else if (len === 0xfc) {
        len = src[off + 1]! | (src[off + 2]! << 8);
        off += 3;
      } else if (len === 0xfd) {
        len = src[off + 1]! | (src[off + 2]! << 8) | (src[off + 3]! << 16);
        off += 4;
      } else {
        // 8-byte length: a value of 16 MiB or more (max_allowed_packet keeps it well under 2^53).
        len = src.readUInt32LE(off + 1) + src.readUInt32LE(off + 5) * 2 ** 32;
        off += 9;
      }
      const stop = off + len;
      if (writer === Writer.Raw) {
        if (len < SHORT_COPY_BYTES) for (let j = off; j < stop; j++) out[pos++] = src[j]!;
        else pos += src.copy(out, pos, off, stop);
      } else if (writer === Writer.Quoted) {
        out[pos++] = QUOTE;
        for (let j = off; j < stop; j++) {
          const b = src[j]!;
          if (b >= 0x80) {
            out[pos++] = b;
            nonAscii++;
            if (b < 0xc0) unitsLessThanBytes++;
            else if (b >= 0xf0) unitsLessThanBytes--;
            continue;
          }
          const escaped = ESCAPE[b]!;
          if (escaped === 0) out[pos++] = b;
          else {
            out[pos++] = BACKSLASH;
            out[pos++] = escaped;
          }
        }
        out[pos++] = QUOTE;
      } else if (len === 0) {
        out[pos++] = QUOTE;
        out[pos++] = QUOTE;
      } else {
        out[pos++] = 0x30; // 0
        out[pos++] = 0x78; // x
        for (let j = off; j < stop; j++) {
          const b = src[j]!;
          out[pos++] = HEX_DIGITS[b >> 4]!;
          out[pos++] = HEX_DIGITS[b & 15]!;
        }
      }
      off = stop;
    }
    out[pos++] = 0x29; // )
    this.pos = pos;
    this.rowIsAscii = nonAscii === 0;
    this.rowUnits = pos - this.rowStart - unitsLessThanBytes;
  }

  /** True once the batch has reached its size. */
  get full(): boolean {
    return this.pos >= this.frame.bytes;
  }

  /** Drops the batch written so far and goes on in the same buffer (when only the checksums are wanted). */
  discard() {
    this.pos = 0;
    this.rows = 0;
    this.writeAscii(this.frame.prefix);
  }

  /** The batch written so far, framed; the encoder goes on in a new buffer. */
  take(): Buffer {
    this.writeAscii(this.frame.suffix);
    const taken = this.out.subarray(0, this.pos);
    this.startBatch();
    return taken;
  }
}
