import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, TEST_SERVER_URL, type TestDatabase } from '@/lib/testing/harness';
import { closePool, getDb } from '@/lib/db/pool';
import { addAccount, addDeliveries, at } from './monitoring.test-helper';
import { checkHealth, healthAnswer } from './check-health';
import { databaseNow } from './database-time';
import { eq, sql } from 'drizzle-orm';
import { tenants } from '@/lib/db/schema';

/**
 * A TCP relay in front of the test server that can be "stopped" (listener closed, every relayed
 * connection cut, as when MariaDB stops) and started again on the same port.
 */
function databaseRelay(target: { host: string; port: number }) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  return { start, stop, port: () => port };
}

let t: TestDatabase;
let relayUrl: string;
const relay = (() => {
  const server = new URL(TEST_SERVER_URL);
  return databaseRelay({ host: server.hostname, port: Number(server.port || 3306) });
})();
const OPTIONS = { maxLagSeconds: 300, jobNames: ['process-webhooks'], timeoutMs: 2_000 };

beforeAll(async () => {
  t = await createAppTestDatabase('health');
  await relay.start();
  const u = new URL(t.url);
  u.hostname = '127.0.0.1';
  u.port = String(relay.port());
  relayUrl = u.toString();
}, 120_000);
afterAll(async () => {
  await closePool(relayUrl);
  await relay.stop();
  await t?.drop();
});

describe('/api/health checks', () => {
  it('answers 200 with every check when the database answers', async () => {
    const answer = healthAnswer(await checkHealth(getDb(relayUrl), OPTIONS));
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
    expect(answer.body.checks.map((c) => c.name)).toEqual(['database', 'migrations', 'processing_lag', 'jobs', 'backup']);
    expect(answer.body.checks.find((c) => c.name === 'backup')?.detail).toEqual({ backups: 'none yet' });
    expect(answer.body.checks.find((c) => c.name === 'jobs')?.detail).toEqual({ 'process-webhooks': null });
    expect(JSON.stringify(answer.body)).not.toContain(t.name);
  });

  it('turns 503 naming the database when it stops, and back to 200 when it returns, with the same pool', async () => {
    const db = getDb(relayUrl);
    expect(healthAnswer(await checkHealth(db, OPTIONS)).status).toBe(200);
    await relay.stop();
    const down = healthAnswer(await checkHealth(db, OPTIONS));
    expect(down.status).toBe(503);
    expect(down.body.failing).toContain('database');
    // No driver message (host, port, SQL) in the answer.
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|SELECT/);
    await relay.start();
    const back = healthAnswer(await checkHealth(db, OPTIONS));
    expect(back.status).toBe(200);
    expect(getDb(relayUrl)).toBe(db);
  });

  it('answers 503 for a database on a closed port', async () => {
    const closed = 'mysql://root@127.0.0.1:1/nothing';
    const answer = healthAnswer(await checkHealth(getDb(closed), OPTIONS));
    await closePool(closed);
    expect(answer.status).toBe(503);
    expect(answer.body.failing).toEqual(expect.arrayContaining(['database', 'migrations']));
  });

  it('turns 503 naming processing_lag when a due event has waited past the threshold', async () => {
    const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
    const account = await addAccount(t.db, def!.id, 'n11');
    const now = await databaseNow(t.db);
    await addDeliveries(t.db, def!.id, account, 'n11', [{ receivedAt: at(now, 10), ingestMs: 5, outcome: 'pending' }]);
    const answer = healthAnswer(await checkHealth(t.db, OPTIONS));
    expect(answer.status).toBe(503);
    expect(answer.body.failing).toEqual(['processing_lag']);
    expect(healthAnswer(await checkHealth(t.db, { ...OPTIONS, maxLagSeconds: 3600 })).status).toBe(200);
  });

  it('judges the newest good backup once there is one: 503 naming backup when it is too old, 200 with its age when fresh', async () => {
    const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
    const okOptions = { ...OPTIONS, maxLagSeconds: 3600 };
    await t.db.execute(sql`INSERT INTO msc_backup (tenant_id, kind, status, encrypted, requested_by, started_at, finished_at)
      VALUES (${def!.id}, 'scheduled', 'succeeded', 0, 'test', UTC_TIMESTAMP(3) - INTERVAL 30 HOUR, UTC_TIMESTAMP(3) - INTERVAL 30 HOUR)`);
    const stale = healthAnswer(await checkHealth(t.db, okOptions));
    expect(stale.status).toBe(503);
    expect(stale.body.failing).toEqual(['backup']);
    await t.db.execute(sql`INSERT INTO msc_backup (tenant_id, kind, status, encrypted, requested_by, started_at, finished_at)
      VALUES (${def!.id}, 'manual', 'succeeded', 0, 'test', UTC_TIMESTAMP(3) - INTERVAL 2 HOUR, UTC_TIMESTAMP(3) - INTERVAL 2 HOUR)`);
    const fresh = healthAnswer(await checkHealth(t.db, okOptions));
    expect(fresh.status).toBe(200);
    expect(fresh.body.checks.find((c) => c.name === 'backup')?.detail).toEqual({ newestGoodBackupAgeHours: 2 });
  });
});
