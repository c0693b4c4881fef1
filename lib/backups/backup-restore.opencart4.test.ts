import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from './create-backup';
import { verifyBackup } from './verify-backup';
import { restoreBackup } from './restore-backup';
import { databaseFingerprint, dropDatabaseNamed, randomKey, restoreDatabaseName, setUpBackupShop, type BackupTestShop } from './backups.test-helper';

// OpenCart 4.0.2.3 as its installer leaves it: every table InnoDB, utf8mb4.
let shop: BackupTestShop;
const restored: string[] = [];

beforeAll(async () => {
  shop = await setUpBackupShop('bkoc4', randomKey(), '4.0');
}, 120_000);
afterAll(async () => {
  await Promise.all(restored.map(dropDatabaseNamed));
  await shop?.cleanUp();
});

describe('backup, verify and restore of an OpenCart 4 shop', () => {
  it('reads every table in the snapshot (no read lock) and restores a database equal to the original', async () => {
    const { deps, tenant, t } = shop;
    const backup = await createBackup(deps, { tenant, kind: 'manual', requestedBy: 'test' });
    expect(backup.status).toBe('succeeded');
    const tables = backup.manifest!.tables;
    const names = tables.map((m) => m.name);
    // Tables only 4.0 has travel too.
    expect(names).toEqual(expect.arrayContaining([`${tenant.tablePrefix}gdpr`, `${tenant.tablePrefix}address_format`, shop.hostileTable]));
    expect(tables.filter((m) => m.name.startsWith(tenant.tablePrefix)).every((m) => m.engine === 'InnoDB' && !m.readLocked)).toBe(true);

    expect(await verifyBackup(t.db, deps.config, tenant.id, backup.id)).toMatchObject({ good: true, reason: null });
    const into = restoreDatabaseName('bkoc4into');
    restored.push(into);
    const restore = await restoreBackup(deps, { tenant, backupId: backup.id, target: { kind: 'new', database: into }, requestedBy: 'test' });
    expect(restore).toMatchObject({ status: 'verified', tablesDone: tables.length, error: null });
    expect(await databaseFingerprint(into, tenant.tablePrefix, tenant.id)).toEqual(await databaseFingerprint(t.name, tenant.tablePrefix, tenant.id));
  });
});
