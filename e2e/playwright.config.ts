import { defineConfig } from '@playwright/test';
import { E2E_DATABASE, E2E_OC4_DATABASE, E2E_OC4_URL, E2E_PREFIXED_DATABASE, E2E_PREFIXED_PREFIX, E2E_PREFIXED_URL } from './e2e-db';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PREFIXED_PORT = Number(new URL(E2E_PREFIXED_URL).port);
const OC4_PORT = Number(new URL(E2E_OC4_URL).port);
const BUILD_AND_SEED_TIMEOUT_MS = 8 * 60_000;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  outputDir: '../test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: [
    {
      command: 'bash scripts/e2e-server.sh',
      cwd: '..',
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: BUILD_AND_SEED_TIMEOUT_MS,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { E2E_PORT: String(PORT), E2E_DATABASE, E2E_PREFIX: 'oc_' },
    },
    {
      // The same build pointed at a shop whose OpenCart tables use another prefix: configuration only.
      command: 'bash scripts/e2e-server.sh',
      cwd: '..',
      url: `http://127.0.0.1:${PREFIXED_PORT}/api/health`,
      timeout: BUILD_AND_SEED_TIMEOUT_MS,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        E2E_PORT: String(PREFIXED_PORT),
        E2E_DATABASE: E2E_PREFIXED_DATABASE,
        E2E_PREFIX: E2E_PREFIXED_PREFIX,
        E2E_SKIP_BUILD: '1',
      },
    },
    {
      // The same build pointed at an OpenCart 4.0.2.3 shop (InnoDB, bcrypt admins): e2e/opencart4.spec.ts.
      command: 'bash scripts/e2e-server.sh',
      cwd: '..',
      url: `http://127.0.0.1:${OC4_PORT}/api/health`,
      timeout: BUILD_AND_SEED_TIMEOUT_MS,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { E2E_PORT: String(OC4_PORT), E2E_DATABASE: E2E_OC4_DATABASE, E2E_PREFIX: 'oc_', E2E_OPENCART: '4', E2E_SKIP_BUILD: '1' },
    },
  ],
});
