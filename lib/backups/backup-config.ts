import path from 'node:path';
import { z } from 'zod';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import type { BackupStore } from './backup-store';
import { localBackupStore } from './local-backup-store';

/** Where backups go when BACKUP_DIR is not set: beside the app, never inside `public/`. */
export const DEFAULT_BACKUP_DIR = 'backups';

const backupEnvSchema = z.object({
  BACKUP_DIR: z.string().min(1).default(DEFAULT_BACKUP_DIR),
  APP_ENCRYPTION_KEY: z.string().optional(),
});

export type BackupConfig = {
  store: BackupStore;
  /** The key backups are encrypted with; null writes plain gzip files (restorable with `gunzip | mysql`). */
  key: Buffer | null;
};

/** The store and the key from BACKUP_DIR and APP_ENCRYPTION_KEY. */
export function backupConfigFromEnv(source: NodeJS.ProcessEnv = process.env): BackupConfig {
  const parsed = backupEnvSchema.parse(source);
  return {
    store: localBackupStore(path.resolve(parsed.BACKUP_DIR)),
    key: parsed.APP_ENCRYPTION_KEY ? encryptionKeyFrom(parsed.APP_ENCRYPTION_KEY) : null,
  };
}
