import type { JobDefinition } from '@/lib/jobs/types';
import { backupConfigFromEnv } from './backup-config';
import { takeBackupLock } from './backup-lock';
import { createBackup } from './create-backup';
import { applyBackupRetention } from './retention';
import { getTenantRow } from './verify-backup';

/**
 * The nightly backup of each shop, then retention (the last N daily and M weekly backups kept, per the
 * shop's setting). A backup is not split across runs: it runs to its end even past the budget.
 */
export const backupJob: JobDefinition = {
  name: 'backup',
  title: { tr: 'Yedekleme', en: 'Backup' },
  budgetMs: 55_000,
  countLabels: {
    backups: { tr: 'Alınan yedekler', en: 'Backups made' },
    rows: { tr: 'Yedeklenen satırlar', en: 'Rows backed up' },
    bytes: { tr: 'Yedek boyutu (bayt)', en: 'Backup size (bytes)' },
    deleted: { tr: 'Silinen eski yedekler', en: 'Old backups deleted' },
  },
  async run(ctx) {
    const config = backupConfigFromEnv();
    const tenant = await getTenantRow(ctx.mainDb, ctx.tenant.tenant.id);
    const backup = await createBackup({ mainDb: ctx.mainDb, mainDatabaseUrl: ctx.mainDatabaseUrl, config }, { tenant, kind: 'scheduled', requestedBy: ctx.trigger });
    const lock = await takeBackupLock(ctx.mainDatabaseUrl, tenant.id);
    try {
      const { deleted } = await applyBackupRetention(ctx.mainDb, config.store, tenant.id);
      return { counts: { backups: 1, rows: backup.rowsDone, bytes: backup.bytes, deleted } };
    } finally {
      await lock.release();
    }
  },
};
