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

/** The SQL text of a stored backup: decrypted (when it is encrypted) and decompressed, as a stream of text. */
export function openBackupText(source: Readable, key: Buffer | null, encrypted: boolean): Readable {
  if (encrypted && !key) throw new BackupFileError('This backup is encrypted: APP_ENCRYPTION_KEY must be set to read it.');
  const stages: Array<Readable | Transform> = [source];
  if (encrypted) stages.push(createDecryptStream(key!));
  const gunzip = createGunzip();
  stages.push(gunzip);
  // Errors anywhere in the chain reach the reader of `gunzip` (pipeline destroys it with the cause).
  pipeline(stages as [Readable, ...Transform[]]).catch(() => undefined);
  gunzip.setEncoding('utf8');
  return gunzip;
}

async function* linesOf(text: Readable): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== '') yield rest;
}

function parseMarker<T>(schema: { parse: (v: unknown) => T }, line: string, marker: string): T {
  try {
    return schema.parse(JSON.parse(line.slice(marker.length)));
  } catch (err) {
    throw new BackupFileError(`unreadable marker line: ${line.slice(0, 80)}`, { cause: err });
  }
}

/**
 * Reads a backup's SQL as statements, checking as it goes: each table's rows are counted and
 * checksummed from the file itself and reported with what the backup wrote at the table's end. The file
 * must end with its manifest line; a file cut anywhere before that is refused.
 */
export async function* readBackupStatements(text: Readable, options: { checksums: boolean } = { checksums: true }): AsyncGenerator<BackupFileEvent> {
  let table: TableStart | null = null;
  let checksum = new RowChecksum();
  let statement: string[] = [];
  let inInsert = false;
  let rows = 0;
  let manifestSeen = false;
  try {
    for await (const line of linesOf(text)) {
      if (manifestSeen) throw new BackupFileError('there is data after the manifest');
      if (statement.length === 0) {
        if (line === '') continue;
        if (line.startsWith(TABLE_START_MARKER)) {
          table = parseMarker(tableStartSchema, line, TABLE_START_MARKER);
          checksum = new RowChecksum();
          continue;
        }
        if (line.startsWith(TABLE_END_MARKER)) {
          const expected = parseMarker(tableEndSchema, line, TABLE_END_MARKER);
          if (!table || table.name !== expected.name) throw new BackupFileError(`table end for ${expected.name} without its start`);
          yield { type: 'table-end', table, expected, actual: options.checksums ? { rows: checksum.rows, checksum: checksum.hex() } : null };
          table = null;
          continue;
        }
        if (line.startsWith(MANIFEST_MARKER)) {
          manifestSeen = true;
          yield { type: 'manifest', manifest: parseMarker(manifestSchema, line, MANIFEST_MARKER) };
          continue;
        }
        if (line.startsWith('-- ')) continue;
        inInsert = line.startsWith('INSERT INTO ');
        statement.push(line);
        if (inInsert || !line.endsWith(';')) continue;
        yield { type: 'statement', sql: line, table, rows: 0 };
        statement = [];
        continue;
      }
      statement.push(line);
      if (inInsert) {
        if (options.checksums) checksum.add(line.slice(0, -1));
        rows++;
      }
      if (line.endsWith(';')) {
        yield { type: 'statement', sql: statement.join('\n'), table, rows };
        statement = [];
        rows = 0;
        inInsert = false;
      }
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    throw new BackupFileError(`the file cannot be read: ${(err as Error).message}`, { cause: err });
  }
  if (!manifestSeen) throw new BackupFileError('the file ends before its manifest (it was cut short)');
}
