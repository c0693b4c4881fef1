import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { connectE2eDatabase, E2E_ADMIN, E2E_OC4_DATABASE, E2E_OC4_URL, E2E_WEBHOOK_ACCOUNT, salesFromDatabase } from './e2e-db';
import { expectOverviewFigures, logIn } from './overview-page';
import { orderCreated, signedHeaders } from './webhook-push';

const SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'overview-oc4.png');

// The same build, serving a shop made from OpenCart 4.0.2.3's installed database (scripts/e2e-server.sh, E2E_OPENCART=4).
test.use({ baseURL: E2E_OC4_URL });

async function oc4Rows<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const conn = await connectE2eDatabase(E2E_OC4_DATABASE);
  try {
    return (await conn.query(query, values))[0] as T[];
  } finally {
    await conn.end();
  }
}

test('OpenCart 4: a bcrypt admin signs in, a marketplace order lands in 4.0 shape and the overview counts it', async ({ page, request }) => {
  const [account] = await oc4Rows<{ id: number }>('SELECT id FROM msc_marketplace_account WHERE name = ?', [E2E_WEBHOOK_ACCOUNT.name]);
  const [admin] = await oc4Rows<{ password: string }>("SELECT password FROM oc_user WHERE username = 'e2e-admin'");
  expect(admin!.password).toMatch(/^\$2y\$/);

  // "Product 4" of the installer's sample catalogue, by model.
  const externalOrderId = `OC4-${Date.now()}`;
  const body = JSON.stringify(orderCreated(externalOrderId, 'Product 4', '80.00'));
  const response = await request.post(`/api/webhooks/generic/${account!.id}`, { headers: signedHeaders(E2E_WEBHOOK_ACCOUNT.secret, body), data: body });
  expect(response.status(), await response.text()).toBe(200);
  // Applied after the answer: wait for the order in the shop's own table.
  await expect
    .poll(async () => (await oc4Rows<{ n: number }>('SELECT COUNT(*) AS n FROM oc_order WHERE firstname = ?', ['Ayşe']))[0]!.n, { timeout: 30_000 })
    .toBe(1);
  const [order] = await oc4Rows<{ payment_method: string; shipping_method: string; language_code: string; total: string }>(
    'SELECT payment_method, shipping_method, language_code, total FROM oc_order ORDER BY order_id DESC LIMIT 1',
  );
  // 4.0 keeps the methods as JSON ({name, code}) and the language by its code.
  expect(JSON.parse(order!.payment_method)).toHaveProperty('code');
  expect(JSON.parse(order!.shipping_method)).toHaveProperty('name');
  expect(order!.language_code).toMatch(/^[a-z]{2}-[a-z]{2}$/);
  expect(Number(order!.total)).toBe(80);

  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expectOverviewFigures(page, await salesFromDatabase(E2E_OC4_DATABASE));
  await expect(page.getByRole('region', { name: 'Latest orders' }).getByText('Ayşe Yılmaz')).toBeVisible();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('OpenCart 4: a privacy request filed on the public page is confirmed and exported with the 4.0 order in it', async ({ page }) => {
  test.setTimeout(180_000);
  // The previous test's marketplace order is a guest order of this email.
  const email = 'ayse@example.com';
  await page.goto('/privacy');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('A copy of my data').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  const link = page.getByRole('link', { name: /\/privacy\/confirm\?shop=|\/privacy\/confirm\?token=/ });
  const href = (await link.getAttribute('href'))!;
  const requestId = Number(/token=(\d+)\./.exec(href)![1]);
  await page.goto(href);
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(page.getByText('Confirmed. We will answer within one month.')).toBeVisible();

  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`/gdpr/${requestId}`);
  await expect(page.getByRole('heading', { name: `Request #${requestId}`, level: 1 })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Data found about this person' });
  await expect(preview.getByRole('row', { name: /^oc_order \d/ })).toContainText('1');
  await page.getByRole('button', { name: 'Create export' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Export ready: \d+ rows\.$/ })).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).first().click()]);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const orders = JSON.parse(strFromU8(files['oc_order.json']!)) as Array<{ email: string; payment_method: unknown }>;
  expect(orders).toHaveLength(1);
  expect(orders[0]!.email).toBe(email);
});
