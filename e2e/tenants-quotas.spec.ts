import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { connectE2eDatabase, E2E_ADMIN, E2E_PREFIXED_DATABASE, E2E_PREFIXED_PREFIX, E2E_SERVER_URL, E2E_WEBHOOK_ACCOUNT, webhookAccountId } from './e2e-db';
import { logIn } from './overview-page';
import { signedHeaders } from './webhook-push';

const ADDED_SHOP = { name: 'E2E second shop', slug: 'e2e-second' };

function push(request: APIRequestContext, accountId: number) {
  const body = JSON.stringify({ type: 'stock.changed', externalId: `quota:${randomUUID()}`, occurredAt: new Date().toISOString(), sku: 'Product 15', quantity: 4 });
  return request.post(`/api/webhooks/generic/${accountId}`, { headers: signedHeaders(E2E_WEBHOOK_ACCOUNT.secret, body), data: body });
}

async function logInAsAdmin(page: Page) {
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
}

/**
 * The start of the next UTC minute, so this minute's counter holds only this test's pushes (the specs
 * before it push webhooks too, and may have done so earlier in the current minute).
 */
async function waitForNextMinute() {
  const now = Date.now();
  await new Promise((r) => setTimeout(r, 60_000 - (now % 60_000) + 200));
}

/** The quotas table's row of one resource. */
const quotaRow = (page: Page, resource: string) => page.locator(`tr[data-quota="${resource}"]`);

test.afterAll(async () => {
  // Leave the shop as the other specs expect it: default limits, one tenant, the admin's choice unset.
  const conn = await connectE2eDatabase();
  try {
    await conn.query('DELETE FROM msc_quota_limit');
    await conn.query('DELETE FROM msc_tenant_choice');
    await conn.query('DELETE FROM msc_tenant WHERE slug = ?', [ADDED_SHOP.slug]);
  } finally {
    await conn.end();
  }
});

test('an admin lowers the webhook limit, the usage page shows it, and pushes over it get 429 with RateLimit headers', async ({ page, request }, testInfo) => {
  const accountId = await webhookAccountId();
  test.setTimeout(150_000);
  await logInAsAdmin(page);
  await waitForNextMinute();

  for (let i = 0; i < 3; i++) {
    const accepted = await push(request, accountId);
    expect(accepted.status(), await accepted.text()).toBe(200);
    expect(Number(accepted.headers()['ratelimit-limit'])).toBeGreaterThan(3);
    expect(accepted.headers()['ratelimit-policy']).toContain('"webhook_events_per_minute";q=');
  }

  await page.goto('/usage');
  await expect(page.getByRole('heading', { name: 'Usage and quotas', level: 1 })).toBeVisible();
  const perMinute = quotaRow(page, 'webhook_events_per_minute');
  await expect(perMinute).toContainText('Webhook events per minute');
  await expect(perMinute).toContainText('3 of 3,000');

  await perMinute.getByLabel('New limit for Webhook events per minute').fill('4');
  await perMinute.getByRole('button', { name: 'Save limit' }).click();
  await expect(perMinute.getByRole('status')).toHaveText('Limit saved.');
  await expect(perMinute).toContainText('3 of 4');
  await expect(perMinute).toContainText('75% used');
  await expect(perMinute.getByRole('progressbar', { name: 'Webhook events per minute' })).toHaveAttribute('aria-valuenow', '75');

  const fourth = await push(request, accountId);
  expect(fourth.status()).toBe(200);
  expect(fourth.headers()['ratelimit-limit']).toBe('4');
  expect(fourth.headers()['ratelimit-remaining']).toBe('0');
  const refused = await push(request, accountId);
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers()['ratelimit-reset']).toBe(String(retryAfter));
  expect(refused.headers()['ratelimit']).toMatch(/^"webhook_events_per_minute";r=0;t=\d+/);
  expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });

  await page.reload();
  await expect(perMinute).toContainText('4 of 4');
  await expect(perMinute).toContainText('100% used');
  await expect(perMinute).toContainText('At the limit now');
  await expect(page.getByRole('table', { name: 'Quota alerts, newest first' })).toContainText('Webhook events per minute reached its limit');
  await expect(page.getByRole('figure', { name: 'Webhook events' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('usage.png'), fullPage: true });

  // Back to a limit the other specs' pushes fit in.
  await perMinute.getByLabel('New limit for Webhook events per minute').fill('3000');
  await perMinute.getByRole('button', { name: 'Save limit' }).click();
  await expect(perMinute).toContainText('of 3,000');
});

test('an admin adds a shop in another database after testing its connection, switches to it and back', async ({ page }, testInfo) => {
  await logInAsAdmin(page);
  await page.goto('/tenants');
  await expect(page.getByRole('heading', { name: 'Shops', level: 1 })).toBeVisible();

  const form = page.getByRole('region', { name: 'Add a shop' });
  await form.getByLabel('Name').fill(ADDED_SHOP.name);
  await form.getByLabel('Slug').fill(ADDED_SHOP.slug);
  await form.getByLabel('Database URL').fill(`${E2E_SERVER_URL}${E2E_PREFIXED_DATABASE}`);
  await form.getByLabel('Table prefix').fill('oc_');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('OpenCart tables with the prefix “oc_” are missing');
  await form.getByLabel('Table prefix').fill(E2E_PREFIXED_PREFIX);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText(`OpenCart tables with the prefix “${E2E_PREFIXED_PREFIX}” are there`);
  await form.getByRole('button', { name: 'Add shop' }).click();
  await expect(form.getByText(`${ADDED_SHOP.name} was added.`)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: ADDED_SHOP.name });
  await expect(row).toContainText(`127.0.0.1:3306/${E2E_PREFIXED_DATABASE}`);
  // The URL itself never comes back to the browser: only its password-free hint.
  expect(await page.content()).not.toContain(`mysql://root@127.0.0.1:3306/${E2E_PREFIXED_DATABASE}`);
  await page.screenshot({ path: testInfo.outputPath('tenants.png'), fullPage: true });

  const switcher = page.getByRole('combobox', { name: 'Shop' });
  await switcher.selectOption({ label: ADDED_SHOP.name });
  // The switcher shows the server's choice once it is remembered.
  await expect(switcher).toHaveValue(ADDED_SHOP.slug);
  await page.goto('/usage');
  await expect(page.getByRole('combobox', { name: 'Shop' })).toHaveValue(ADDED_SHOP.slug);
  await expect(quotaRow(page, 'webhook_events_per_minute')).toContainText('0 of 3,000');
  await page.getByRole('combobox', { name: 'Shop' }).selectOption({ value: 'default' });
  await expect(page.getByRole('combobox', { name: 'Shop' })).toHaveValue('default');
});
