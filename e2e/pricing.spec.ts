import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN, connectE2eDatabase } from './e2e-db';
import { logIn } from './overview-page';

const CRON_SECRET = process.env.CRON_SECRET ?? 'e2e-only-cron-secret-0123456789';
const SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'pricing.png');

async function runPricingJob(request: APIRequestContext) {
  const response = await request.post('/api/cron/pricing-suggestions?tenant=default', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status(), await response.text()).toBe(200);
}

async function shopCurrency(): Promise<string> {
  const conn = await connectE2eDatabase();
  try {
    const [rows] = await conn.query("SELECT `value` FROM oc_setting WHERE store_id = 0 AND `key` = 'config_currency'");
    return (rows as Array<{ value: string }>)[0]?.value ?? 'USD';
  } finally {
    await conn.end();
  }
}

async function readPrices(productId: number): Promise<{ price: string; suggested: string | null; status: string }> {
  const conn = await connectE2eDatabase();
  try {
    const [rows] = await conn.query(
      `SELECT p.price, s.suggested_price AS suggested, s.status FROM oc_product p
       JOIN msc_price_suggestion s ON s.oc_product_id = p.product_id WHERE p.product_id = ?`,
      [productId],
    );
    const row = (rows as Array<{ price: string; suggested: string | null; status: string }>)[0];
    if (!row) throw new Error(`No suggestion for product ${productId}`);
    return row;
  } finally {
    await conn.end();
  }
}

test('an admin accepts a price suggestion and sees the new price', async ({ page, request }) => {
  await runPricingJob(request);
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pricing' }).click();
  await expect(page.getByRole('heading', { name: 'Pricing suggestions', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // The first row is the largest expected gain; open its product.
  const firstProduct = table.getByRole('rowheader').first().getByRole('link');
  const href = await firstProduct.getAttribute('href');
  const productId = Number(href?.split('/').pop());
  const before = await readPrices(productId);
  expect(before.status).toBe('open');
  await firstProduct.click();
  await expect(page.getByRole('heading', { name: 'Why' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Backtest' })).toBeVisible();

  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Accept' }).click();
  // The page reloads with the decision and OpenCart's new base price.
  await expect(page.getByText(`Accepted by ${E2E_ADMIN.username}`)).toBeVisible();

  const after = await readPrices(productId);
  expect(after.status).toBe('accepted');
  expect(after.price).toBe(before.suggested);
  const shown = new Intl.NumberFormat('en-GB', { style: 'currency', currency: await shopCurrency() }).format(Number(after.price));
  await expect(page.getByText(`Base price ${shown} (without tax)`)).toBeVisible();
});
