import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { jobLockName } from '@/lib/jobs/job-lock';
import { selectRows } from '@/lib/orders/raw-sql';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { backups } from '@/lib/db/schema';
import { createBackup } from './create-backup';
import { PARTIAL_SUFFIX } from './local-backup-store';
import { setUpBackupShop, type BackupTestShop } from './backups.test-helper';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POLL_MS = 50;
let shop: BackupTestShop;

beforeAll(async () => {
  shop = await setUpBackupShop('bkkill', null);
});
afterAll(async () => shop?.cleanUp());

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir, { recursive: true }).then((names) => names.map(String).filter((n) => n.includes('.sql')), () => []);
}

describe('backup:create killed with SIGKILL while writing', () => {
  it('leaves only a temporary file and a row that is not good; the next backup clears both and succeeds', async () => {
    const { t, tenant, dir } = shop;
    const blocker = await mysql.createConnection({ uri: t.url });
    // Holds the backup in the middle: the MyISAM tables are written, the InnoDB session table waits.
    await blocker.query(`LOCK TABLES ${tenant.tablePrefix}session WRITE`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url, BACKUP_DIR: dir };
    delete env.APP_ENCRYPTION_KEY;
    const child = spawn('npx', ['tsx', 'scripts/cli.ts', 'backup:create', '--tenant', tenant.slug], { cwd: PROJECT_ROOT, env, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await waitFor(async () => {
        const [rows] = await blocker.query("SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT %' AND info LIKE ? AND id <> CONNECTION_ID()", [
          `%FROM \`${tenant.tablePrefix}session\`%`,
        ]);
        return (rows as unknown[]).length > 0;
      });
      const partial = await filesIn(dir);
      expect(partial).toHaveLength(1);
      expect(partial[0]).toMatch(new RegExp(`${PARTIAL_SUFFIX.replace('.', '\\.')}$`));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    } finally {
      await blocker.query('UNLOCK TABLES');
      await blocker.end();
    }
    expect(await shop.deps.config.store.list()).toEqual([]);
    const [killed] = await t.db.select().from(backups).where(eq(backups.tenantId, tenant.id));
    expect(killed).toMatchObject({ status: 'running', fileName: '' });

    // The killed process's lock went with its connection: the next backup may start, and cleans up.
    const lockName = jobLockName(t.url, 'backup-file', tenant.id);
    await waitFor(async () => {
      const [row] = await selectRows(t.db, sql`SELECT IS_FREE_LOCK(${lockName}) AS free`, z.object({ free: z.coerce.number() }));
      return row?.free === 1;
    });
    const next = await createBackup(shop.deps, { tenant, kind: 'manual', requestedBy: 'test' });
    expect(next.status).toBe('succeeded');
    const [abandoned] = await t.db.select().from(backups).where(eq(backups.id, killed!.id));
    expect(abandoned).toMatchObject({ status: 'failed' });
    expect(abandoned!.error).toMatch(/stopped before it finished/);
    const files = await filesIn(dir);
    expect(files).toEqual([next.fileName]);
    expect(z.array(z.string()).parse(await shop.deps.config.store.list())).toEqual([next.fileName]);
  });
});
