import { expect, test } from '@playwright/test';
import { startFakeMarketplace, type FakeMarketplace } from '../scripts/fake-marketplaces/index';
import { E2E_ADMIN, E2E_SYNC_ACCOUNT, connectE2eDatabase, webhookAccountId } from './e2e-db';
import { logIn } from './overview-page';

/** A run waits for its answer inside the page's action; the fake answers at once. */
const RUN_TIMEOUT_MS = 45_000;
const LISTING_SKU = 'E2E-TY-SYNC-1';

let fake: FakeMarketplace;

test.beforeAll(async () => {
  // The account's API base URL (scripts/e2e-server.sh) points here.
  fake = await startFakeMarketplace('trendyol', { port: E2E_SYNC_ACCOUNT.fakePort, seedOrders: false });
});
test.afterAll(async () => {
  await fake?.close();
});

async function productToSync(): Promise<{ productId: number; name: string; quantity: number }> {
  const conn = await connectE2eDatabase();
  try {
    const [rows] = await conn.query(
      `SELECT p.product_id AS productId, d.name, p.quantity FROM oc_product p
       JOIN oc_product_description d ON d.product_id = p.product_id AND d.language_id = 1
       WHERE p.status = 1 ORDER BY p.product_id LIMIT 1`,
    );
    const row = (rows as Array<{ productId: number; name: string; quantity: number }>)[0];
    if (!row) throw new Error('The e2e shop has no enabled product');
    return { productId: Number(row.productId), name: row.name, quantity: Number(row.quantity) };
  } finally {
    await conn.end();
  }
}

async function setQuantity(productId: number, quantity: number) {
  const conn = await connectE2eDatabase();
  try {
    await conn.query('UPDATE oc_product SET quantity = ? WHERE product_id = ?', [quantity, productId]);
  } finally {
    await conn.end();
  }
}

/** The outbox's items with their reasons, to say why a push did not arrive. */
async function outboxState(): Promise<string> {
  const conn = await connectE2eDatabase();
  try {
    const [rows] = await conn.query('SELECT status, quantity, last_error AS lastError FROM msc_sync_outbox ORDER BY id');
    return JSON.stringify(rows);
  } finally {
    await conn.end();
  }
}

/** Every quantity the fake Trendyol received for the listing, in order. */
function quantitiesReceived(): number[] {
  return fake.accepted
    .flatMap((batch) => batch.items as Array<{ barcode: string; quantity: number }>)
    .filter((item) => item.barcode === LISTING_SKU)
    .map((item) => item.quantity);
}

async function runSyncFromJobsPage(page: import('@playwright/test').Page) {
  await page.goto('/jobs');
  await page.getByRole('button', { name: 'Run Stock and price sync now' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Run now' }).click();
  await expect(page.getByText(/^Finished in /)).toBeVisible({ timeout: RUN_TIMEOUT_MS });
}

test('a linked product’s new stock level reaches the marketplace when the sync runs from the jobs page', async ({ page }, testInfo) => {
  test.setTimeout(3 * RUN_TIMEOUT_MS);
  const accountId = await webhookAccountId(E2E_SYNC_ACCOUNT.name);
  const product = await productToSync();

  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.goto(`/products?account=${accountId}&q=${encodeURIComponent(product.name)}`);
  await page.getByLabel(`Marketplace SKU for product #${product.productId}`).fill(LISTING_SKU);
  await page.getByRole('button', { name: 'Link', exact: true }).first().click();
  await expect(page.getByText(`Linked as ${LISTING_SKU}.`)).toBeVisible();

  // First run: the listing has never been confirmed, so the shop's current stock goes out.
  await runSyncFromJobsPage(page);
  await expect.poll(quantitiesReceived, { message: `outbox: ${await outboxState()}` }).toEqual([product.quantity]);

  // The shop's stock changes in OpenCart; the next run confirms the first push and sends the new level.
  const newQuantity = product.quantity + 7;
  await setQuantity(product.productId, newQuantity);
  await runSyncFromJobsPage(page);
  await expect.poll(quantitiesReceived, { message: `outbox: ${await outboxState()}` }).toEqual([product.quantity, newQuantity]);
  await page.screenshot({ path: testInfo.outputPath('jobs-after-sync.png'), fullPage: true });

  // The jobs page's outbox and the products page show the listing as sent or confirmed, never refused.
  await page.goto(`/products?account=${accountId}&q=${encodeURIComponent(product.name)}`);
  await expect(page.getByText(LISTING_SKU).first()).toBeVisible();
  await expect(page.getByText('Refused')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('products.png'), fullPage: true });
});
