import { expect, test } from '@playwright/test';
import { E2E_ADMIN, connectE2eDatabase } from './e2e-db';

/** Every browser here comes from 127.0.0.1, so the IP rule would lock the other specs out too. */
async function forgetFailedLogins() {
  const conn = await connectE2eDatabase();
  try {
    await conn.query('DELETE FROM msc_login_attempt WHERE success = 0');
  } finally {
    await conn.end();
  }
}

test.beforeEach(forgetFailedLogins);
test.afterEach(forgetFailedLogins);

test('five wrong passwords lock the account for 15 minutes, even with the right password', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Username').fill(E2E_ADMIN.username);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong username or password.')).toBeVisible();
  }
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed attempts\. Try again in 15 minutes\./)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
