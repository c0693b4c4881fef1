import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  E2E_ADMIN,
  E2E_VIEWER,
  E2E_WEBHOOK_ACCOUNT,
  openCartOrderLines,
  productWithUniqueModel,
  webhookAccountId,
  webhookEventId,
} from './e2e-db';
import { logIn } from './overview-page';
import { signedHeaders, orderCreated } from './webhook-push';

/** Ingest answers first and applies after; the page refreshes every few seconds. */
const PROCESSING_TIMEOUT_MS = 20_000;

async function push(request: APIRequestContext, accountId: number, event: unknown) {
  const body = JSON.stringify(event);
  const response = await request.post(`/api/webhooks/generic/${accountId}`, {
    headers: signedHeaders(E2E_WEBHOOK_ACCOUNT.secret, body),
    data: body,
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function storedEventId(accountId: number, externalId: string): Promise<number> {
  let id: number | null = null;
  await expect.poll(async () => (id = await webhookEventId(accountId, externalId))).not.toBeNull();
  return id!;
}

async function logInAs(page: Page, user: { username: string; password: string }) {
  await logIn(page, user.username, user.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
}

test('a signed order shows up on the open webhooks page by itself and becomes an OpenCart order', async ({ page, request }, testInfo) => {
  // The e2e account matches SKUs on the model; OpenCart's sample products have models ("Product 15") and empty SKUs.
  const [accountId, product] = await Promise.all([webhookAccountId(), productWithUniqueModel()]);
  const externalOrderId = `E2E-${Date.now()}`;
  await logInAs(page, E2E_ADMIN);
  await page.goto('/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  await push(request, accountId, orderCreated(externalOrderId, product.model));

  const eventId = await storedEventId(accountId, `order:${externalOrderId}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${eventId}`, exact: true }) });
  await expect(row).toContainText(E2E_WEBHOOK_ACCOUNT.name, { timeout: PROCESSING_TIMEOUT_MS });
  await expect(row).toContainText('Order created');
  await expect(row.getByText('Done', { exact: true })).toBeVisible({ timeout: PROCESSING_TIMEOUT_MS });
  await expect(page.getByText(/^Updated \d\d:\d\d:\d\d$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('webhooks-live.png'), fullPage: true });

  const lines = await openCartOrderLines(accountId, externalOrderId);
  expect(lines).toEqual([expect.objectContaining({ productId: product.id, model: product.model, quantity: 1 })]);
});

test('an unknown SKU is dead-lettered with its reason; mapping it and replaying makes the order', async ({ page, request }, testInfo) => {
  const [accountId, product] = await Promise.all([webhookAccountId(), productWithUniqueModel()]);
  const externalOrderId = `E2E-UNKNOWN-${Date.now()}`;
  const sku = `NO-SUCH-SKU-${Date.now()}`;

  await logInAs(page, E2E_ADMIN);
  await push(request, accountId, orderCreated(externalOrderId, sku));
  const eventId = await storedEventId(accountId, `order:${externalOrderId}`);

  const reason = `Unknown SKU ${sku} for account ${accountId}: add a product mapping`;
  await expect
    .poll(
      async () => {
        await page.goto('/webhooks?status=dead');
        return page.getByRole('listitem').filter({ hasText: reason }).count();
      },
      { timeout: PROCESSING_TIMEOUT_MS },
    )
    .toBe(1);
  const deadRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${eventId}`, exact: true }) });
  await expect(deadRow.getByText('Dead', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('webhooks-dead-letters.png'), fullPage: true });

  await page.getByRole('link', { name: `Map SKU ${sku}` }).click();
  await expect(page.getByRole('heading', { name: `Event #${eventId}`, level: 1 })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByText(reason)).toBeVisible();
  await page.getByLabel('Find a product').fill(product.model);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Map SKU ${sku} to product #${product.id}` }).click();
  await expect(page.getByText(`SKU ${sku} now maps to product #${product.id}.`)).toBeVisible();
  expect(await openCartOrderLines(accountId, externalOrderId)).toEqual([]);

  await page.getByRole('button', { name: 'Replay now' }).click();
  await expect(summary.getByText('Done', { exact: true })).toBeVisible({ timeout: PROCESSING_TIMEOUT_MS });
  await page.screenshot({ path: testInfo.outputPath('webhook-event-replayed.png'), fullPage: true });

  const lines = await openCartOrderLines(accountId, externalOrderId);
  expect(lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 1 })]);
});

test('filters that do not parse are ignored with a note, and the accounts page lists the webhook URL', async ({ page }) => {
  await logInAs(page, E2E_ADMIN);
  await page.goto('/webhooks?status=bogus&account=abc&from=2024-13-45');
  await expect(page.getByRole('status').filter({ hasText: 'Some filters were ignored' })).toContainText('account, status, received from');
  await expect(page.getByRole('link', { name: /^All/ })).toHaveAttribute('aria-current', 'page');

  const accountId = await webhookAccountId();
  await page.goto('/accounts');
  const row = page.getByRole('row').filter({ hasText: E2E_WEBHOOK_ACCOUNT.name });
  await expect(row).toContainText(`/api/webhooks/generic/${accountId}`);
  await expect(row).toContainText('HMAC signature');
});

test('the live refresh endpoint answers signed-in users only, and refuses filters that do not parse', async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const unsigned = await anonymous.get('/api/admin/webhook-events');
  expect(unsigned.status()).toBe(401);
  await anonymous.dispose();

  await logInAs(page, E2E_ADMIN);
  const bad = await page.request.get('/api/admin/webhook-events?status=bogus');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'BAD_REQUEST' });
  const good = await page.request.get('/api/admin/webhook-events?status=dead');
  expect(good.status()).toBe(200);
  expect(await good.json()).toMatchObject({ page: 1, counts: { all: expect.any(Number) } });
});

test('a viewer sees a dead event but cannot replay it or map its SKU, and is told accounts are for admins', async ({ page, request }) => {
  const accountId = await webhookAccountId();
  const externalOrderId = `E2E-VIEWER-${Date.now()}`;
  await push(request, accountId, orderCreated(externalOrderId, `NO-SUCH-SKU-${Date.now()}`));
  const eventId = await storedEventId(accountId, `order:${externalOrderId}`);
  await logInAs(page, E2E_VIEWER);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' })).toHaveCount(0);

  await page.goto('/webhooks?status=dead');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${eventId}`, exact: true }) });
  await expect(row.getByText('Dead', { exact: true })).toBeVisible({ timeout: PROCESSING_TIMEOUT_MS });
  await expect(page.getByRole('button', { name: /Replay/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  await row.getByRole('link', { name: `#${eventId}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Event #${eventId}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Replay/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Map SKU/ })).toHaveCount(0);

  await page.goto('/accounts');
  await expect(page.getByRole('heading', { name: 'Admins only', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Only an admin of this shop' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});
