import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { backups } from '@/lib/db/schema';
import { tenantDb } from '@/lib/tenants/tenant-db';
import type { JobContext } from '@/lib/jobs/types';
import { backupJob } from './backup-job';
import { setUpBackupShop, type BackupTestShop } from './backups.test-helper';

let shop: BackupTestShop;
const savedEnv = { BACKUP_DIR: process.env.BACKUP_DIR, APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY };

beforeAll(async () => {
  shop = await setUpBackupShop('bkjob', null);
  process.env.BACKUP_DIR = shop.dir;
  process.env.APP_ENCRYPTION_KEY = 'a passphrase of at least thirty-two characters, for tests';
});
afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await shop?.cleanUp();
});

function contextFor(): JobContext {
  const { t, tenant } = shop;
  return {
    tenant: tenantDb({ id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: tenant.tablePrefix, storeId: 0 }, t.url),
    mainDb: t.db,
    mainDatabaseUrl: t.url,
    key: Buffer.alloc(32),
    runId: 1,
    trigger: 'cron',
    deadline: Date.now() + 60_000,
    shouldStop: () => false,
  };
}

describe('the backup job', () => {
  it('makes a scheduled, encrypted backup of the shop in BACKUP_DIR and reports its counts', async () => {
    const result = await backupJob.run(contextFor());
    const [row] = await shop.t.db.select().from(backups).where(eq(backups.tenantId, shop.tenant.id));
    expect(row).toMatchObject({ kind: 'scheduled', status: 'succeeded', encrypted: true, requestedBy: 'cron' });
    expect(result.counts).toEqual({ backups: 1, rows: row!.rowsDone, bytes: row!.bytes, deleted: 0 });
    expect(await shop.deps.config.store.list()).toEqual([row!.fileName]);
  });
});
