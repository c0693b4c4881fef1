import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN, E2E_WEBHOOK_ACCOUNT, connectE2eDatabase, productWithUniqueModel, webhookAccountId } from './e2e-db';
import { logIn } from './overview-page';
import { signedHeaders, orderCreated } from './webhook-push';

/** scripts/e2e-server.sh starts the app with this CRON_SECRET. */
const CRON_SECRET = process.env.CRON_SECRET ?? 'e2e-only-cron-secret-0123456789';
const SCREENSHOT = path.join(process.cwd(), 'docs', 'screenshots', 'monitoring.png');

async function runCron(request: APIRequestContext, job: string) {
  const response = await request.post(`/api/cron/${job}?tenant=default`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status(), await response.text()).toBe(200);
}

test('the monitoring page charts real traffic, and an alert is raised and acknowledged', async ({ page, request }) => {
  const [accountId, product] = await Promise.all([webhookAccountId(), productWithUniqueModel()]);
  // Traffic through the real webhook route: deliveries, events and their ingest latency.
  for (let i = 0; i < 3; i += 1) {
    const body = JSON.stringify(orderCreated(`MON-${Date.now()}-${i}`, product.model));
    const response = await request.post(`/api/webhooks/generic/${accountId}`, { headers: signedHeaders(E2E_WEBHOOK_ACCOUNT.secret, body), data: body });
    expect(response.status(), await response.text()).toBe(200);
  }
  // A job failing twice in a row, and some outbound API attempts with a 429, as the app would log them.
  const db = await connectE2eDatabase();
  try {
    const [[tenant]] = (await db.query("SELECT id FROM msc_tenant WHERE slug = 'default'")) as unknown as [[{ id: number }]];
    for (const [minutesAgo, slot] of [[3, 'e2e-mon-1'], [2, 'e2e-mon-2']] as const) {
      await db.query(
        `INSERT INTO msc_job_run (job, tenant_id, triggered_by, requested_by, slot, status, started_at, finished_at, duration_ms, budget_ms, counts, error)
         VALUES ('pull-orders', ?, 'cli', 'cli', ?, 'failed', UTC_TIMESTAMP(3) - INTERVAL ? MINUTE, UTC_TIMESTAMP(3) - INTERVAL ? MINUTE, 1200, 50000, JSON_OBJECT(), 'e2e')`,
        [tenant.id, slot, minutesAgo, minutesAgo],
      );
    }
    await db.query(
      `INSERT INTO msc_marketplace_api_call (tenant_id, account_id, marketplace, endpoint, method, status, duration_ms, error_kind, attempt, created_at)
       VALUES (?, ?, 'generic', '/orders', 'GET', 200, 120, NULL, 1, UTC_TIMESTAMP(3) - INTERVAL 2 MINUTE),
              (?, ?, 'generic', '/orders', 'GET', 429, 40, 'rate_limited', 1, UTC_TIMESTAMP(3) - INTERVAL 2 MINUTE)`,
      [tenant.id, accountId, tenant.id, accountId],
    );
  } finally {
    await db.end();
  }
  await runCron(request, 'rollup-metrics');
  await runCron(request, 'evaluate-alerts');

  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.goto('/monitoring?range=1h');
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible();

  // Charts drawn with data (bars and lines), not their empty states.
  for (const id of ['chart-ingest', 'chart-latency', 'chart-api', 'chart-jobs']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(chart.getByText('No data in this range')).toHaveCount(0);
  }
  await expect(page.getByTestId('chart-ingest').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-orders-default').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const received = page.getByRole('listitem').filter({ hasText: 'Events received' });
  await expect(received).toContainText(/\d/);

  // The range picker changes the steps.
  await page.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByText('Events per hour, by marketplace.')).toBeVisible();
  await page.getByRole('link', { name: '1 hour' }).click();
  await expect(page.getByText('Events per minute, by marketplace.')).toBeVisible();

  const alert = page.getByRole('list', { name: 'Alerts' }).getByRole('listitem').filter({ hasText: 'Job pull-orders failed twice in a row.' });
  await expect(alert).toBeVisible();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toHaveCount(0);
  const done = page.getByRole('list', { name: 'Recently acknowledged' }).getByRole('listitem').filter({ hasText: 'Job pull-orders failed twice in a row.' });
  await expect(done).toContainText(`Acknowledged by ${E2E_ADMIN.username}`);
});

test('an admin changes an alert threshold: a value out of range is refused with its range, a good one is kept', async ({ page }) => {
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.goto('/monitoring?range=1h');
  const form = page.getByRole('region', { name: 'Alert thresholds' });
  const lag = form.getByLabel('Processing lag');
  await expect(lag).toHaveValue('300');
  // Past the browser's own min check: the server's answer is what is tested.
  await lag.evaluate((input: HTMLInputElement) => input.removeAttribute('min'));
  await lag.fill('5');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(form.getByRole('alert')).toHaveText('Check the values marked below.');
  await expect(form.getByText('A whole number from 10 to 86400.')).toBeVisible();
  await lag.fill('120');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(form.getByRole('status')).toHaveText('Thresholds saved.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Alert thresholds' }).getByLabel('Processing lag')).toHaveValue('120');
});
