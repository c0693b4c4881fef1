import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, TEST_SERVER_URL, type TestDatabase } from '@/lib/testing/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function dbDemo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/db-demo.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: TEST_SERVER_URL },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run db:demo', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createOpenCartTestDatabase('demoscript');
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('exits 2 and names the flag on bad input', async () => {
    const bad = await dbDemo(['--database', t.name, '--customers', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--customers: must be a whole number');
    const missing = await dbDemo(['--months', '3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--database');
    const unknown = await dbDemo(['--database', t.name, '--orders', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--orders'/);
  });

  it('writes history, prints progress, and refuses a second run without --replace', async () => {
    const first = await dbDemo(['--database', t.name, '--customers', '60', '--months', '2', '--seed', '5']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/customers 60\/60/);
    expect(first.stdout).toMatch(/"orders": \d+/);
    const { order } = openCartTables('oc_');
    const orders = await t.db.select({ orderId: order.orderId }).from(order);
    expect(orders.length).toBeGreaterThan(0);

    const again = await dbDemo(['--database', t.name, '--customers', '60', '--months', '2', '--seed', '5']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('pass --replace');

    const replaced = await dbDemo(['--database', t.name, '--customers', '60', '--months', '2', '--seed', '5', '--replace']);
    expect(replaced.code).toBe(0);
  });
});
