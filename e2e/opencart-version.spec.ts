import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './e2e-db';
import { logIn } from './overview-page';

const SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'opencart-version.png');

test('the Shops page shows the OpenCart version that a connection test detected', async ({ page }) => {
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.goto('/tenants');

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /default/ }) });
  await row.getByRole('button', { name: /^Test the connection of / }).click();
  await expect(row.getByRole('status')).toContainText('OpenCart 3.0: all');
  // The test stores the version on the shop; the refreshed table shows it in the OpenCart column.
  await expect(row.getByRole('cell').nth(2)).toHaveText('OpenCart 3.0');
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  await row.getByRole('rowheader').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('OpenCart 3.0', { exact: true })).toBeVisible();
});
