import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_PREFIXED_DATABASE, E2E_PREFIXED_PREFIX, E2E_PREFIXED_URL, salesFromDatabase } from './e2e-db';
import { expectOverviewFigures, logIn } from './overview-page';

test.use({ baseURL: E2E_PREFIXED_URL });

test('a shop whose tables use the shop_ prefix works by configuration alone', async ({ page }) => {
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  const expected = await salesFromDatabase(E2E_PREFIXED_DATABASE, E2E_PREFIXED_PREFIX);
  expect(expected.last30Days.orders).toBeGreaterThan(0);
  await expectOverviewFigures(page, expected);
  await expect(page.getByRole('row')).not.toHaveCount(0);
});
