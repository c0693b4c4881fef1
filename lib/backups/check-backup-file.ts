import type { BackupManifest } from '@/lib/db/schema';
import type { BackupConfig } from './backup-config';
import { BackupFileError, openBackupText, readBackupStatements, type BackupFileEvent } from './read-backup-file';

export type BackupFileRef = { fileName: string; encrypted: boolean; manifest: BackupManifest | null };

/**
 * Checks every table's rows in a stream of file events against the file's own markers and the manifest
 * stored with the backup; throws BackupFileError naming the first difference. Yields the events on, so a
 * restore checks while it applies.
 */
export async function* checkedEvents(events: AsyncIterable<BackupFileEvent>, stored: BackupManifest | null): AsyncGenerator<BackupFileEvent> {
  const ended: string[] = [];
  for await (const event of events) {
    if (event.type === 'table-end') {
      const { expected } = event;
      const actual = event.actual ?? expected;
      if (expected.rows !== actual.rows || expected.checksum !== actual.checksum) {
        throw new BackupFileError(`table ${expected.name}: the file holds ${actual.rows} rows (checksum ${actual.checksum}) where ${expected.rows} (checksum ${expected.checksum}) were written`);
      }
      const listed = stored?.tables.find((t) => t.name === expected.name);
      if (stored && (!listed || listed.rows !== actual.rows || listed.checksum !== actual.checksum)) {
        throw new BackupFileError(`table ${expected.name}: the file does not match the manifest stored with the backup`);
      }
      ended.push(expected.name);
    }
    if (event.type === 'manifest') {
      const names = event.manifest.tables.map((t) => t.name);
      if (names.join(',') !== ended.join(',')) throw new BackupFileError('the manifest lists other tables than the file holds');
      if (stored && stored.tables.map((t) => `${t.name}:${t.rows}:${t.checksum}`).join(',') !== event.manifest.tables.map((t) => `${t.name}:${t.rows}:${t.checksum}`).join(',')) {
        throw new BackupFileError('the manifest in the file differs from the one stored with the backup');
      }
    }
    yield event;
  }
}

/** Decrypts, decompresses and parses the whole file, recomputing every checksum. Null when good, else the reason. */
export async function findBackupFileProblem(config: BackupConfig, ref: BackupFileRef): Promise<string | null> {
  try {
    const source = await config.store.openRead(ref.fileName);
    const text = openBackupText(source, config.key, ref.encrypted);
    for await (const _event of checkedEvents(readBackupStatements(text), ref.manifest)) {
      // Reading to the end is the check.
    }
    return null;
  } catch (err) {
    if (err instanceof BackupFileError) return err.message;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'the backup file is missing from the store';
    throw err;
  }
}
