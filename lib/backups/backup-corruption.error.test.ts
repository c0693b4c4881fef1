import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { backups } from '@/lib/db/schema';
import { TEST_SERVER_URL } from '@/lib/testing/harness';
import { setQuotaLimit } from '@/lib/quotas/set-quota-limit';
import { backupQuotaMessage, createBackup } from './create-backup';
import { QuotaExceededError } from '@/lib/quotas/quota-exceeded-error';
import { verifyBackup } from './verify-backup';
import { restoreBackup } from './restore-backup';
import { randomKey, restoreDatabaseName, setUpBackupShop, type BackupTestShop } from './backups.test-helper';

let encrypted: BackupTestShop;
let plain: BackupTestShop;

beforeAll(async () => {
  [encrypted, plain] = await Promise.all([setUpBackupShop('bkbadenc', randomKey()), setUpBackupShop('bkbadplain', null)]);
});
afterAll(async () => {
  await Promise.all([encrypted?.cleanUp(), plain?.cleanUp()]);
});

async function freshBackup(shop: BackupTestShop) {
  return createBackup(shop.deps, { tenant: shop.tenant, kind: 'manual', requestedBy: 'test' });
}

async function flipByte(shop: BackupTestShop, fileName: string, at: (size: number) => number) {
  const file = path.join(shop.dir, fileName);
  const bytes = await readFile(file);
  const i = at(bytes.length);
  bytes[i] = bytes[i]! ^ 0x01;
  await writeFile(file, bytes);
}

async function databaseExists(name: string) {
  const conn = await mysql.createConnection({ uri: TEST_SERVER_URL });
  try {
    const [rows] = await conn.query('SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?', [name]);
    return (rows as unknown[]).length > 0;
  } finally {
    await conn.end();
  }
}

describe.each([
  ['encrypted', () => encrypted],
  ['unencrypted', () => plain],
])('a damaged %s backup', (_label, shopOf) => {
  it('with one flipped byte is marked bad with the reason, and is not restored', async () => {
    const shop = shopOf();
    const backup = await freshBackup(shop);
    await flipByte(shop, backup.fileName, (size) => Math.floor(size / 2));
    const result = await verifyBackup(shop.t.db, shop.deps.config, shop.tenant.id, backup.id);
    expect(result.good).toBe(false);
    expect(result.reason).toBeTruthy();
    const [row] = await shop.t.db.select().from(backups).where(eq(backups.id, backup.id));
    expect(row).toMatchObject({ status: 'bad' });
    expect(row!.error).toContain(result.reason!);
    const into = restoreDatabaseName('bkflip');
    await expect(restoreBackup(shop.deps, { tenant: shop.tenant, backupId: backup.id, target: { kind: 'new', database: into }, requestedBy: 'test' })).rejects.toThrow(/marked bad/);
    expect(await databaseExists(into)).toBe(false);
  });

  it('cut short is caught by verify, and a restore started before anyone verified leaves no database behind', async () => {
    const shop = shopOf();
    const first = await freshBackup(shop);
    const file = path.join(shop.dir, first.fileName);
    await truncate(file, Math.floor(first.bytes * 0.6));
    const result = await verifyBackup(shop.t.db, shop.deps.config, shop.tenant.id, first.id);
    expect(result).toMatchObject({ good: false });
    expect(result.reason).toMatch(/truncated|cut short|end of file|cannot be read/);

    const second = await freshBackup(shop);
    await truncate(path.join(shop.dir, second.fileName), Math.floor(second.bytes * 0.6));
    const into = restoreDatabaseName('bkcut');
    await expect(restoreBackup(shop.deps, { tenant: shop.tenant, backupId: second.id, target: { kind: 'new', database: into }, requestedBy: 'test' })).rejects.toThrow(/is bad and was not restored/);
    expect(await databaseExists(into)).toBe(false);
    const [row] = await shop.t.db.select().from(backups).where(eq(backups.id, second.id));
    expect(row!.status).toBe('bad');
  });

  it('over the shop itself is verified first and refused, leaving the shop untouched', async () => {
    const shop = shopOf();
    const backup = await freshBackup(shop);
    await flipByte(shop, backup.fileName, (size) => size - 20);
    await shop.t.db.execute(`INSERT INTO ${shop.tenant.tablePrefix}session (session_id, data, expire) VALUES ('after-backup', '', NOW())`);
    await expect(restoreBackup(shop.deps, { tenant: shop.tenant, backupId: backup.id, target: { kind: 'own', confirm: shop.tenant.slug }, requestedBy: 'test' })).rejects.toThrow(/is bad and was not restored/);
    const [rows] = await shop.t.db.execute(`SELECT session_id FROM ${shop.tenant.tablePrefix}session WHERE session_id = 'after-backup'`);
    expect(rows).toHaveLength(1);
  });
});

describe('backup storage quota', () => {
  it('refuses a backup that would go over the quota, with a clear message, and leaves no row running', async () => {
    const shop = plain;
    const used = await shop.t.db.select({ bytes: backups.bytes }).from(backups).where(eq(backups.tenantId, shop.tenant.id));
    expect(used.length).toBeGreaterThan(0);
    await setQuotaLimit(shop.t.db, shop.tenant.id, { resource: 'backup_storage_bytes', limit: 1 }, { actor: { userId: null, username: 'test' } });
    const refused = await freshBackup(shop).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect(backupQuotaMessage(refused as QuotaExceededError)).toMatch(/^Backup storage is full: backups use \d+\.\d MB of the 0\.0 MB quota/);
    const running = await shop.t.db.select().from(backups).where(eq(backups.status, 'running'));
    expect(running).toHaveLength(0);
  });
});
