import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { behaviourOverHttp, FAKE_CREDENTIALS, startFakeMarketplace, type FakeMarketplace } from './index';

const fakes: FakeMarketplace[] = [];
afterAll(async () => Promise.all(fakes.map((f) => f.close())));

const { apiKey, apiSecret, sellerId } = FAKE_CREDENTIALS.trendyol;
const auth = { authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`, 'user-agent': `${sellerId} - test` };

describe('fake marketplace admin', () => {
  it('takes misbehaviours over HTTP and shows what it received', async () => {
    const fake = await startFakeMarketplace('trendyol');
    fakes.push(fake);
    const orders = `${fake.baseUrl}/integration/order/sellers/${sellerId}/orders/stream`;
    await behaviourOverHttp(fake.baseUrl, { kind: 'status', status: 429, retryAfter: '3', count: 1 });
    const limited = await fetch(orders, { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const listed = await fetch(orders, { headers: auth });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { content: unknown[] }).content).toHaveLength(1);
    expect((await fetch(orders)).status).toBe(401);

    const received = (await (await fetch(`${fake.baseUrl}/__fake/received`)).json()) as Array<{ path: string; status: number }>;
    expect(received.map((r) => r.status)).toEqual([429, 200, 401]);
    const bad = await fetch(`${fake.baseUrl}/__fake/behaviour`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
    expect(bad.status).toBe(400);
    const state = (await (await fetch(`${fake.baseUrl}/__fake/state`)).json()) as { orders: number };
    expect(state.orders).toBe(1);
  });

  it('the CLI starts all six on 127.0.0.1 and prints their base URLs', async () => {
    const tsx = path.resolve('node_modules/.bin/tsx');
    const child = spawn(tsx, ['scripts/fake-marketplaces.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URLs printed in time: ${text}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('Admin:')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
      });
      const urls = [...output.matchAll(/^(\w+)\s+(http:\/\/127\.0\.0\.1:\d+)/gm)].map((m) => [m[1], m[2]] as const);
      expect(urls.map(([name]) => name)).toEqual(['trendyol', 'hepsiburada', 'n11', 'pazarama', 'pttavm', 'amazon']);
      const res = await fetch(`${urls[0]![1]}/__fake/state`);
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
