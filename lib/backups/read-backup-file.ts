import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import type { Readable, Transform } from 'node:stream';
import type { BackupManifest } from '@/lib/db/schema';
import { MANIFEST_MARKER, manifestSchema, TABLE_END_MARKER, TABLE_START_MARKER, tableEndSchema, tableStartSchema, type TableEnd, type TableStart } from './backup-format';
import { createDecryptStream } from './chunked-cipher';
import { RowChecksum } from './row-checksum';

export class BackupFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupFileError';
  }
}

export type BackupFileEvent =
  | { type: 'statement'; sql: string; table: TableStart | null; rows: number }
  /** `actual` is null when the reader was asked not to checksum (a restore reads the tables back instead). */
  | { type: 'table-end'; table: TableStart; expected: TableEnd; actual: { rows: number; checksum: string } | null }
  | { type: 'manifest'; manifest: BackupManifest };

/**
 * Text is read in pieces this large. Strings under V8's large-object size (128 KiB) die young and cheaply;
 * larger ones wait for a full collection, and a restore's memory grew by a hundred megabytes of them.
 */
const TEXT_CHUNK_BYTES = 48 * 1024;

/** The SQL text of a stored backup: decrypted (when it is encrypted) and decompressed, as a stream of text. */
export function openBackupText(source: Readable, key: Buffer | null, encrypted: boolean): Readable {
  if (encrypted && !key) throw new BackupFileError('This backup is encrypted: APP_ENCRYPTION_KEY must be set to read it.');
  const stages: Array<Readable | Transform> = [source];
  if (encrypted) stages.push(createDecryptStream(key!));
  const gunzip = createGunzip({ chunkSize: TEXT_CHUNK_BYTES });
  stages.push(gunzip);
  // Errors anywhere in the chain reach the reader of `gunzip` (pipeline destroys it with the cause).
  pipeline(stages as [Readable, ...Transform[]]).catch(() => undefined);
  gunzip.setEncoding('utf8');
  return gunzip;
}

function parseMarker<T>(schema: { parse: (v: unknown) => T }, line: string, marker: string): T {
  try {
    return schema.parse(JSON.parse(line.slice(marker.length)));
  } catch (err) {
    throw new BackupFileError(`unreadable marker line: ${line.slice(0, 80)}`, { cause: err });
  }
}

export type ReadOptions = {
  checksums: boolean;
  /** Tables whose statements are passed over (their markers are still read and checked): another reader applies them. */
  skip?: (table: TableStart) => boolean;
  /** Multi-row INSERTs are cut into statements of about this many characters (for the reason of TEXT_CHUNK_BYTES). */
  statementChars?: number;
};

/** Turns the file's lines into events, one line at a time. */
class StatementParser {
  table: TableStart | null = null;
  /** Inside a table the reader was asked to pass over. */
  skipping = false;
  manifestSeen = false;
  private checksum = new RowChecksum();
  private statement: string[] = [];
  private statementChars = 0;
  private inInsert = false;
  private rows = 0;

  constructor(private readonly options: ReadOptions) {}

  line(line: string): BackupFileEvent | null {
    if (this.manifestSeen) throw new BackupFileError('there is data after the manifest');
    if (this.statement.length > 0) return this.continueStatement(line);
    if (line === '') return null;
    if (line.startsWith(TABLE_START_MARKER)) {
      this.table = parseMarker(tableStartSchema, line, TABLE_START_MARKER);
      this.checksum = new RowChecksum();
      this.skipping = this.options.skip?.(this.table) ?? false;
      return null;
    }
    if (line.startsWith(TABLE_END_MARKER)) {
      const expected = parseMarker(tableEndSchema, line, TABLE_END_MARKER);
      const { table } = this;
      if (!table || table.name !== expected.name) throw new BackupFileError(`table end for ${expected.name} without its start`);
      this.table = null;
      this.skipping = false;
      return { type: 'table-end', table, expected, actual: this.options.checksums ? { rows: this.checksum.rows, checksum: this.checksum.hex() } : null };
    }
    if (line.startsWith(MANIFEST_MARKER)) {
      this.manifestSeen = true;
      return { type: 'manifest', manifest: parseMarker(manifestSchema, line, MANIFEST_MARKER) };
    }
    if (line.startsWith('-- ') || this.skipping) return null;
    this.inInsert = line.startsWith('INSERT INTO ');
    if (this.inInsert || !line.endsWith(';')) {
      this.statement.push(line);
      this.statementChars = line.length;
      return null;
    }
    return { type: 'statement', sql: line, table: this.table, rows: 0 };
  }

  private continueStatement(line: string): BackupFileEvent | null {
    this.statement.push(line);
    this.statementChars += line.length;
    if (this.inInsert) {
      if (this.options.checksums) this.checksum.add(line.slice(0, -1));
      this.rows++;
    }
    if (!line.endsWith(';')) return this.inInsert && this.statementChars >= (this.options.statementChars ?? Infinity) ? this.cutInsert() : null;
    const event: BackupFileEvent = { type: 'statement', sql: this.statement.join('\n'), table: this.table, rows: this.rows };
    this.statement = [];
    this.statementChars = 0;
    this.rows = 0;
    this.inInsert = false;
    return event;
  }

  /** The rows so far as an INSERT of their own (its last row's `,` becomes `;`); the statement goes on with the same INSERT line. */
  private cutInsert(): BackupFileEvent {
    const [insert, ...rows] = this.statement;
    rows.push(rows.pop()!.slice(0, -1) + ';');
    const event: BackupFileEvent = { type: 'statement', sql: `${insert}\n${rows.join('\n')}`, table: this.table, rows: this.rows };
    this.statement = [insert!];
    this.statementChars = insert!.length;
    this.rows = 0;
    return event;
  }
}

/** Where the next line worth reading starts: in a table passed over, the line of its end marker. */
function nextLineToRead(data: string, start: number): number {
  if (data.startsWith(TABLE_END_MARKER, start)) return start;
  const marker = data.indexOf(`\n${TABLE_END_MARKER}`, start);
  if (marker >= 0) return marker + 1;
  // Not in this text: keep only its last, unfinished line, which may be the marker's beginning.
  return Math.max(start, data.lastIndexOf('\n') + 1);
}

/**
 * Reads a backup's SQL as statements, checking as it goes: each table's rows are counted and
 * checksummed from the file itself and reported with what the backup wrote at the table's end. The file
 * must end with its manifest line; a file cut anywhere before that is refused. Rows are one line each,
 * so no line of a table's statements can pass for a marker, and a table passed over is skipped to its
 * end marker without being cut into lines.
 */
export async function* readBackupStatements(text: Readable, options: ReadOptions = { checksums: true }): AsyncGenerator<BackupFileEvent> {
  const parser = new StatementParser(options);
  let unfinished = '';
  try {
    for await (const chunk of text) {
      const data = unfinished + (chunk as string);
      let start = 0;
      for (;;) {
        if (parser.skipping) start = nextLineToRead(data, start);
        const end = data.indexOf('\n', start);
        if (end < 0) break;
        const event = parser.line(data.slice(start, end));
        start = end + 1;
        if (event) yield event;
      }
      unfinished = data.slice(start);
    }
    if (unfinished !== '') {
      const event = parser.line(unfinished);
      if (event) yield event;
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    throw new BackupFileError(`the file cannot be read: ${(err as Error).message}`, { cause: err });
  }
  if (!parser.manifestSeen) throw new BackupFileError('the file ends before its manifest (it was cut short)');
}
