import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, connectE2eDatabase } from './e2e-db';

async function logIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

type Period = { orders: number; revenue: string };

/** The overview's three figures, straight from oc_order with OpenCart's own status lists. */
async function salesFromDatabase(): Promise<Record<'today' | 'last7Days' | 'last30Days', Period>> {
  const conn = await connectE2eDatabase();
  try {
    const [settings] = await conn.query(
      "SELECT `value` FROM oc_setting WHERE store_id = 0 AND `key` IN ('config_processing_status', 'config_complete_status')",
    );
    const statuses = [...new Set((settings as Array<{ value: string }>).flatMap((r) => JSON.parse(r.value) as string[]).map(Number))];
    const period = async (days: number): Promise<Period> => {
      const [rows] = await conn.query(
        `SELECT COUNT(*) AS orders, CAST(COALESCE(ROUND(SUM(total), 2), 0) AS CHAR) AS revenue FROM oc_order
         WHERE store_id = 0 AND order_status_id IN (?) AND date_added >= UTC_DATE() - INTERVAL ? DAY`,
        [statuses, days - 1],
      );
      const row = (rows as Array<{ orders: number; revenue: string }>)[0]!;
      return { orders: Number(row.orders), revenue: Number(row.revenue).toFixed(2) };
    };
    return { today: await period(1), last7Days: await period(7), last30Days: await period(30) };
  } finally {
    await conn.end();
  }
}

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
  const labels = { today: 'Today', last7Days: 'Last 7 days', last30Days: 'Last 30 days' } as const;
  for (const [period, label] of Object.entries(labels) as Array<[keyof typeof labels, string]>) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
    const revenueText = (await card.locator('p').first().textContent()) ?? '';
    expect(revenueText.replace(/[^0-9.]/g, ''), `${label} revenue`).toBe(expected[period].revenue);
    await expect(card.getByText(new RegExp(`^${expected[period].orders.toLocaleString('en-GB')} orders?$`))).toBeVisible();
  }
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
