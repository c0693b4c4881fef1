import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { auditLog, backupRestores, backups } from '@/lib/db/schema';
import { parseDatabaseUrl } from '@/lib/db/server';
import { createBackup } from './create-backup';
import { verifyBackup } from './verify-backup';
import { restoreBackup } from './restore-backup';
import { ENCRYPTED_MAGIC } from './chunked-cipher';
import { databaseFingerprint, dropDatabaseNamed, randomKey, restoreDatabaseName, setUpBackupShop, type BackupTestShop } from './backups.test-helper';
import { readFile } from 'node:fs/promises';

const run = promisify(execFile);
let encrypted: BackupTestShop;
let plain: BackupTestShop;
const restored: string[] = [];

beforeAll(async () => {
  [encrypted, plain] = await Promise.all([setUpBackupShop('bkenc', randomKey()), setUpBackupShop('bkplain', null)]);
});
afterAll(async () => {
  await Promise.all(restored.map(dropDatabaseNamed));
  await Promise.all([encrypted?.cleanUp(), plain?.cleanUp()]);
});

describe('backup, verify and restore', () => {
  it('an encrypted backup of every OpenCart table and hostile values restores into a new database equal to the original', async () => {
    const { deps, tenant, t } = encrypted;
    const backup = await createBackup(deps, { tenant, kind: 'manual', requestedBy: 'test' });
    expect(backup.status).toBe('succeeded');
    expect(backup.encrypted).toBe(true);
    expect(backup.fileName).toMatch(/\.sql\.gz\.enc$/);
    const file = await readFile(path.join(encrypted.dir, backup.fileName));
    expect(file.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(backup.bytes).toBe(file.length);

    const manifest = backup.manifest!;
    const names = manifest.tables.map((m) => m.name);
    expect(names).toContain(encrypted.hostileTable);
    expect(names).toContain(`${tenant.tablePrefix}product_description`);
    expect(names).toContain('msc_product_link');
    expect(names.filter((n) => n.startsWith(tenant.tablePrefix)).length).toBeGreaterThanOrEqual(137);
    // OpenCart 3's MyISAM tables are read under a read lock, and the manifest says so.
    expect(manifest.tables.find((m) => m.name === `${tenant.tablePrefix}product`)).toMatchObject({ engine: 'MyISAM', readLocked: true });
    expect(manifest.tables.find((m) => m.name === `${tenant.tablePrefix}session`)).toMatchObject({ engine: 'InnoDB', readLocked: false, rows: 1 });
    expect(manifest.tables.find((m) => m.name === 'msc_product_link')).toMatchObject({ source: 'companion', rows: 1 });

    const verified = await verifyBackup(t.db, deps.config, tenant.id, backup.id);
    expect(verified).toMatchObject({ good: true, reason: null });

    const into = restoreDatabaseName('bkinto');
    restored.push(into);
    const restore = await restoreBackup(deps, { tenant, backupId: backup.id, target: { kind: 'new', database: into }, requestedBy: 'test' });
    expect(restore).toMatchObject({ status: 'verified', targetDatabase: into, tablesDone: manifest.tables.length, rowsDone: restore.rowsTotal, error: null });
    expect(await databaseFingerprint(into, tenant.tablePrefix, tenant.id)).toEqual(await databaseFingerprint(t.name, tenant.tablePrefix, tenant.id));
    const [after] = await t.db.select().from(backups).where(eq(backups.id, backup.id));
    expect(after!.restoreVerifiedAt).not.toBeNull();
  });

  it('an unencrypted backup restores with gunzip | mysql alone, and equals the original', async () => {
    const { deps, tenant, t } = plain;
    const backup = await createBackup(deps, { tenant, kind: 'manual', requestedBy: 'test' });
    expect(backup).toMatchObject({ status: 'succeeded', encrypted: false });
    expect(backup.fileName).toMatch(/\.sql\.gz$/);
    const into = restoreDatabaseName('bkgunzip');
    restored.push(into);
    const server = parseDatabaseUrl(t.url);
    const login = `-h${server.host} -P${server.port} -u${server.user}${server.password ? ` -p'${server.password}'` : ''}`;
    await run('bash', ['-c', `set -o pipefail; mysql ${login} -e 'CREATE DATABASE ${into}' && gunzip -c '${path.join(plain.dir, backup.fileName)}' | mysql ${login} ${into}`]);
    expect(await databaseFingerprint(into, tenant.tablePrefix, tenant.id)).toEqual(await databaseFingerprint(t.name, tenant.tablePrefix, tenant.id));
  });

  it('restoring over the shop itself needs its slug typed, and is audited', async () => {
    const { deps, tenant, t } = plain;
    const backup = await createBackup(deps, { tenant, kind: 'manual', requestedBy: 'test' });
    const before = await databaseFingerprint(t.name, tenant.tablePrefix, tenant.id);
    await expect(restoreBackup(deps, { tenant, backupId: backup.id, target: { kind: 'own', confirm: 'wrong' }, requestedBy: 'test' })).rejects.toThrow(/type its slug/);
    await t.db.execute(`DELETE FROM ${tenant.tablePrefix}product_description WHERE product_id = 28`);
    const restore = await restoreBackup(deps, { tenant, backupId: backup.id, target: { kind: 'own', confirm: tenant.slug }, requestedBy: 'test' });
    expect(restore).toMatchObject({ status: 'verified', overOwn: true, targetDatabase: t.name });
    expect(await databaseFingerprint(t.name, tenant.tablePrefix, tenant.id)).toEqual(before);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'backup.restore_over_own'));
    expect(audits).toHaveLength(1);
    const restores = await t.db.select().from(backupRestores).where(eq(backupRestores.backupId, backup.id));
    expect(restores).toHaveLength(1);
  });
});
