import { expect, test } from '@playwright/test';
import { E2E_ADMIN, salesFromDatabase } from './e2e-db';
import { expectOverviewFigures, logIn } from './overview-page';

test('a page without a session redirects to the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('an API route without a session answers 401 with a JSON error', async ({ request }) => {
  const res = await request.get('/api/anything');
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
});

test('a wrong password shows an error and stays on the login page', async ({ page }) => {
  await logIn(page, E2E_ADMIN.username, 'not-the-password');
  await expect(page.getByText('Wrong username or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('an OpenCart admin logs in, sees the real figures, switches language and logs out', async ({ page }) => {
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText('Signed in as Test Admin')).toBeVisible();

  const expected = await salesFromDatabase();
  expect(expected.last30Days.orders).toBeGreaterThan(0);
  await expectOverviewFigures(page, expected);
  await expect(page.getByRole('heading', { name: 'Latest orders' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Revenue, last 30 days' })).toBeVisible();

  await page.getByLabel('Language').selectOption('tr');
  await expect(page.getByRole('heading', { name: 'Genel bakış', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Genel bakış', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Son 30 gün', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Çıkış yap' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Giriş yap' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
