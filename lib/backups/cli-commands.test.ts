import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dropDatabaseNamed, restoreDatabaseName, setUpBackupShop, type BackupTestShop } from './backups.test-helper';

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let shop: BackupTestShop;
const into = restoreDatabaseName('bkcli');

beforeAll(async () => {
  shop = await setUpBackupShop('bkcli', null);
});
afterAll(async () => {
  await dropDatabaseNamed(into);
  await shop?.cleanUp();
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: shop.t.url, BACKUP_DIR: shop.dir };
  delete env.APP_ENCRYPTION_KEY;
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/cli.ts', ...args], { cwd: PROJECT_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run cli -- backup:*', () => {
  it('creates, lists, verifies and restores a backup, printing the id and the file', async () => {
    const created = await cli('backup:create', '--tenant', shop.tenant.slug);
    expect(created.code).toBe(0);
    const match = /^Backup (\d+) of default: (default\/\S+\.sql\.gz) /.exec(created.stdout);
    expect(match).not.toBeNull();
    const id = match![1]!;

    const listed = await cli('backup:list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}\tdefault\tgood\t`);
    expect(listed.stdout).toContain(match![2]);

    const verified = await cli('backup:verify', id);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain(`Backup ${id} is good`);

    const restored = await cli('backup:restore', id, '--into', into);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain(`Backup ${id} restored into ${into}`);
  });

  it('exits non-zero with a clear message on failure', async () => {
    const missing = await cli('backup:verify', '999999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('backup:verify failed: No backup with id 999999.');

    const noTenant = await cli('backup:create', '--tenant', 'nope');
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr).toContain('No tenant with slug "nope"');

    const noTarget = await cli('backup:restore', '1');
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain('give either --into DATABASE or --over-own SLUG');

    const exists = await cli('backup:restore', '1', '--into', shop.t.name);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists');
  });
});
