import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { E2E_ADMIN, connectE2eDatabase } from './e2e-db';
import { logIn } from './overview-page';

const LIST_SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'gdpr.png');
const DETAIL_SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'gdpr-request.png');
const PUBLIC_SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'gdpr-public.png');
/** An erasure or an export on a busy machine: generous, and never a figure asserted. */
const WORK_TIMEOUT_MS = 60_000;

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const conn = await connectE2eDatabase();
  try {
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

/** A demo customer with orders, and how many orders they have (by account or, as a guest, by email). */
async function customerWithOrders() {
  const [row] = await query<{ email: string; orders: number }>(
    `SELECT c.email, (SELECT COUNT(*) FROM oc_order o WHERE o.customer_id = c.customer_id OR LOWER(o.email) = LOWER(c.email)) AS orders
     FROM oc_customer c WHERE EXISTS (SELECT 1 FROM oc_order o WHERE o.customer_id = c.customer_id) ORDER BY c.customer_id LIMIT 1`,
  );
  if (!row) throw new Error('The e2e shop has no customer with orders');
  return { email: row.email, orders: Number(row.orders) };
}

async function shopFigures() {
  const [row] = await query<{ orders: number; total: string }>('SELECT COUNT(*) AS orders, CAST(SUM(total) AS CHAR) AS total FROM oc_order');
  return { orders: Number(row!.orders), total: row!.total };
}

async function rowsWithEmail(email: string) {
  const [row] = await query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM oc_customer WHERE LOWER(email) = ?) + (SELECT COUNT(*) FROM oc_order WHERE LOWER(email) = ?)
          + (SELECT COUNT(*) FROM oc_address a JOIN oc_customer c ON c.customer_id = a.customer_id WHERE LOWER(c.email) = ?)
          + (SELECT COUNT(*) FROM msc_gdpr_request WHERE email = ?) AS n`,
    [email, email, email, email],
  );
  return Number(row!.n);
}

test('a person files an erasure on the public page and confirms it by the link; an admin exports, then erases', async ({ page }) => {
  test.setTimeout(4 * WORK_TIMEOUT_MS);
  const person = await customerWithOrders();
  const email = person.email.toLowerCase();
  const before = await shopFigures();

  // The public page, without signing in.
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: /^Your personal data at / })).toBeVisible();
  await page.getByLabel('Your email address').fill(person.email);
  await page.getByLabel('Erase my data').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(`We sent a confirmation link to ${person.email}.`, { exact: false })).toBeVisible();
  // No SMTP_URL on the e2e server: the page shows the mail it would have sent.
  await expect(page.getByRole('heading', { name: 'No mail server is configured: this is the message we would have sent' })).toBeVisible();
  await page.screenshot({ path: PUBLIC_SCREENSHOT, fullPage: true });
  const link = page.getByRole('link', { name: /\/privacy\/confirm\?shop=|\/privacy\/confirm\?token=/ });
  const href = (await link.getAttribute('href'))!;
  const requestId = Number(/token=(\d+)\./.exec(href)![1]);

  // A tampered link is refused with a clear message and confirms nothing.
  await page.goto(href.replace(/token=(\d+)/, (_m, id: string) => `token=${Number(id) + 1}`));
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(page.getByText('This link is not valid.', { exact: false })).toBeVisible();

  await page.goto(href);
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(page.getByText('Confirmed. We will answer within one month.')).toBeVisible();

  // The admin finds the request, confirmed by the email link, at the top of the open list.
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/gdpr');
  await expect(page.getByRole('heading', { name: 'Privacy requests (GDPR / KVKK)', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${requestId}`, exact: true }) });
  await expect(row).toContainText(email);
  await expect(row.getByText('Erasure')).toBeVisible();
  await expect(row.getByText('Open', { exact: true })).toBeVisible();
  await expect(row.getByText('Public page')).toBeVisible();
  await page.screenshot({ path: LIST_SCREENSHOT, fullPage: true });
  await row.getByRole('link', { name: `#${requestId}`, exact: true }).click();

  await expect(page.getByRole('heading', { name: `Request #${requestId}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Request', exact: true }).getByText('Email link clicked', { exact: false })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Data found about this person' });
  await expect(preview.getByRole('row', { name: /^oc_order \d/ })).toContainText(String(person.orders));
  await expect(preview.getByRole('row', { name: /^oc_customer \d/ })).toContainText('1');

  await page.getByRole('button', { name: 'Create export' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Export ready: \d+ rows\.$/ })).toBeVisible({ timeout: WORK_TIMEOUT_MS });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^privacy-request-\d+-export-\d+\.zip$/);
  const zip = await readFile((await download.path())!);
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  await page.screenshot({ path: DETAIL_SCREENSHOT, fullPage: true });

  // Erasure asks for the email typed in full; a near miss keeps the button disabled.
  await page.getByRole('button', { name: 'Erase this person…' }).click();
  const dialog = page.getByRole('dialog', { name: `Erase all data of ${email}?` });
  await dialog.getByLabel('Confirmation').fill(email.slice(0, -1));
  await expect(dialog.getByRole('button', { name: 'Erase now' })).toBeDisabled();
  await dialog.getByLabel('Confirmation').fill(email);
  await dialog.getByRole('button', { name: 'Erase now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erasure completed.' })).toBeVisible({ timeout: WORK_TIMEOUT_MS });
  const report = page.getByRole('table', { name: 'Erasure report' });
  await expect(report.getByRole('row', { name: /^oc_customer deleted 1 1$/ })).toBeVisible();
  await expect(report.getByRole('row', { name: new RegExp(`^oc_order anonymised ${person.orders} ${person.orders}$`) })).toBeVisible();

  await page.screenshot({ path: path.join(process.cwd(), 'docs', 'screenshots', 'gdpr-erasure-report.png'), fullPage: true });

  expect(await rowsWithEmail(email)).toBe(0);
  expect(await shopFigures()).toEqual(before);
});

test('an admin records consent decisions; the ledger shows the current state per purpose and downloads as CSV', async ({ page }) => {
  const email = `consent-${Date.now().toString(36)}@example.com`;
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`/gdpr/consent?email=${encodeURIComponent(email)}`);
  await expect(page.getByRole('heading', { name: 'Consent ledger', level: 1 })).toBeVisible();
  await expect(page.getByText('No consent decisions recorded.')).toBeVisible();

  const form = page.getByRole('region', { name: 'Record a decision' });
  await form.getByLabel('Purpose').selectOption({ label: 'SMS' });
  await form.getByLabel('Decision').selectOption({ label: 'Granted' });
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Recorded.' })).toBeVisible();
  await form.getByLabel('Decision').selectOption({ label: 'Withdrawn' });
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('cell', { name: 'Withdrawn' })).toBeVisible();

  await expect(page.getByRole('listitem').filter({ hasText: /^SMS: Withdrawn/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.trim().split('\n')).toHaveLength(3);
  expect(csv).toContain(`${email},,sms,withdrawn,consent,admin`);
  await page.screenshot({ path: path.join(process.cwd(), 'docs', 'screenshots', 'gdpr-consent.png'), fullPage: true });
});
