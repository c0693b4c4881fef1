import { expect, type Page } from '@playwright/test';
import type { SalesFigures } from './e2e-db';

export async function logIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const CARD_LABELS = { today: 'Today', last7Days: 'Last 7 days', last30Days: 'Last 30 days' } as const;

/** Each summary card (English page) shows the revenue and order count the database holds. */
export async function expectOverviewFigures(page: Page, expected: SalesFigures) {
  for (const [period, label] of Object.entries(CARD_LABELS) as Array<[keyof SalesFigures, string]>) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
    const revenueText = (await card.locator('p').first().textContent()) ?? '';
    expect(revenueText.replace(/[^0-9.]/g, ''), `${label} revenue`).toBe(expected[period].revenue);
    const orders = expected[period].orders;
    await expect(card.getByText(new RegExp(`^${orders.toLocaleString('en-GB')} orders?$`))).toBeVisible();
  }
}
