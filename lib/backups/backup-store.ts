import type { Readable, Writable } from 'node:stream';

/** A file being written: bytes go to a temporary name, and only `commit` makes it visible under its name. */
export type PendingBackupFile = {
  stream: Writable;
  /** Flushes to disk and renames into place; returns the stored size in bytes. */
  commit(): Promise<number>;
  /** Removes the temporary file (after a failure). */
  discard(): Promise<void>;
};

/**
 * Where backup files live. The local directory is the default; an S3-compatible store implements the
 * same five operations (a multipart upload that is completed only on commit gives the same guarantee:
 * no object exists under the final name until the whole file was written).
 */
export interface BackupStore {
  create(name: string): Promise<PendingBackupFile>;
  openRead(name: string): Promise<Readable>;
  size(name: string): Promise<number>;
  remove(name: string): Promise<void>;
  /** Names of complete files (never temporary ones), for checks and clean-up. */
  list(): Promise<string[]>;
  /** Deletes temporary files a dead writer left in a tenant's folder; call only while holding the tenant's backup lock. */
  removeIncomplete(folder: string): Promise<number>;
}
