import { expect, test } from '@playwright/test';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { E2E_ADMIN, E2E_SERVER_URL, connectE2eDatabase } from './e2e-db';
import { logIn } from './overview-page';
import mysql from 'mysql2/promise';

const SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'backups.png');
/** The e2e server leaves BACKUP_DIR unset: files go to ./backups, removed again at the end. */
const BACKUP_DIR = path.join(process.cwd(), 'backups');
const RESTORE_DATABASE = `msce2e_restore_${Date.now().toString(36)}`;
/** A backup of the demo shop on a busy machine: generous, and never a figure asserted. */
const WORK_TIMEOUT_MS = 120_000;

async function dropRestoreDatabase() {
  const conn = await mysql.createConnection({ uri: E2E_SERVER_URL });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${RESTORE_DATABASE}\``);
  } finally {
    await conn.end();
  }
}

async function productCount(database?: string): Promise<number> {
  const conn = await connectE2eDatabase(database);
  try {
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM `oc_product`');
    return Number((rows as Array<{ n: number }>)[0]!.n);
  } finally {
    await conn.end();
  }
}

test.afterAll(async () => {
  await dropRestoreDatabase();
  await rm(path.join(BACKUP_DIR, 'default'), { recursive: true, force: true });
  // The folder goes too when this spec made it; a developer's own backups in it are left alone.
  if ((await readdir(BACKUP_DIR).catch(() => ['missing'])).length === 0) await rmdir(BACKUP_DIR);
});

test('an admin backs the shop up, verifies the backup and restores it into a new database from the page', async ({ page }) => {
  test.setTimeout(4 * WORK_TIMEOUT_MS);
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  const started = page.getByRole('status').filter({ hasText: /^Backup \d+ started\.$/ });
  await expect(started).toBeVisible();
  const id = Number(/Backup (\d+)/.exec((await started.textContent()) ?? '')![1]);
  const row = page.locator(`tr[data-backup-id="${id}"]`);
  await expect(row.getByText('good', { exact: true })).toBeVisible({ timeout: WORK_TIMEOUT_MS });
  await expect(row.getByText('encrypted')).toBeVisible();

  await row.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Backup ${id} is good: every table matches its checksum.` })).toBeVisible({ timeout: WORK_TIMEOUT_MS });

  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: `Restore backup ${id}` });
  await expect(dialog.getByLabel('Into a new database (the shop is not touched)')).toBeChecked();
  await dialog.getByLabel('New database name').fill(RESTORE_DATABASE);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(row.getByText(`restored into ${RESTORE_DATABASE} and verified`)).toBeVisible({ timeout: WORK_TIMEOUT_MS });
  await expect(row.getByText('restored and verified', { exact: true })).toBeVisible();
  expect(await productCount(RESTORE_DATABASE)).toBe(await productCount());

  // Over the shop itself needs its slug typed: the button stays disabled until it matches.
  await row.getByRole('button', { name: 'Restore…' }).click();
  await dialog.getByLabel('Over this shop’s own tables (replaces them)').check();
  await dialog.getByLabel('Type the shop’s slug “default” to confirm').fill('defaul');
  await expect(dialog.getByText('The confirmation does not match the shop’s slug.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Restore' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByLabel('Daily backups kept').fill('5');
  await page.getByLabel('Weekly backups kept').fill('2');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Retention saved: 5 daily and 2 weekly backups are kept.' })).toBeVisible();

  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});
