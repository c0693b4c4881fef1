import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { alertDeliveries, alertThresholds, alerts, auditLog, backups, circuitBreakers, gdprRequests, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { databaseNow } from '@/lib/monitoring/database-time';
import { addAccount, addApiCalls, addDeliveries, addJobRun, addTenant, at } from '@/lib/monitoring/monitoring.test-helper';
import { acknowledgeAlert } from './acknowledge-alert';
import { deliverAlerts } from './deliver-alerts';
import { evaluateAlerts } from './evaluate-alerts';

const JOBS = ['process-webhooks', 'sync-stock-price'];
const SECRET = `whsec_${Buffer.from('alert-webhook-secret-for-tests').toString('base64')}`;
let t: TestDatabase;
let shopId: number;
let otherId: number;
let now: Date;

const alertsOf = (tenantId: number) => t.db.select().from(alerts).where(eq(alerts.tenantId, tenantId)).orderBy(alerts.id);
const kindsOf = async (tenantId: number) => (await alertsOf(tenantId)).map((a) => a.kind).sort();

beforeAll(async () => {
  t = await createAppTestDatabase('alerts');
  const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  shopId = def!.id;
  otherId = await addTenant(t.db, 'other');
  now = await databaseNow(t.db);
  // Both shops were backed up an hour ago: a quiet shop is a backed-up one.
  for (const tenantId of [shopId, otherId]) {
    await t.db.insert(backups).values({ tenantId, kind: 'scheduled', status: 'succeeded', encrypted: false, requestedBy: 'test', startedAt: at(now, 60), finishedAt: at(now, 60) });
  }
}, 120_000);
afterAll(async () => t?.drop());

describe('alert rules', () => {
  it('a quiet shop (backed up, no request due) raises nothing', async () => {
    expect(await evaluateAlerts(t.db, shopId, JOBS)).toEqual({ holding: 0, raised: 0, cleared: 0 });
    expect(await alertsOf(shopId)).toEqual([]);
  });

  it('each rule raises once however often it is evaluated', async () => {
    const trendyol = await addAccount(t.db, shopId, 'trendyol');
    await addDeliveries(t.db, shopId, trendyol, 'trendyol', [
      { receivedAt: at(now, 10), ingestMs: 5, outcome: 'pending' },
      { receivedAt: at(now, 10), ingestMs: 5, outcome: { deadAt: at(now, 9) } },
    ]);
    await addApiCalls(t.db, shopId, trendyol, 'trendyol', [
      ...Array.from({ length: 15 }, () => ({ at: at(now, 2), status: 200, durationMs: 5 })),
      ...Array.from({ length: 5 }, () => ({ at: at(now, 2), status: 503, durationMs: 5, errorKind: 'server' as const })),
    ]);
    await addJobRun(t.db, shopId, 'process-webhooks', at(now, 3), 'failed', 100);
    await addJobRun(t.db, shopId, 'process-webhooks', at(now, 2), 'failed', 100);
    await addJobRun(t.db, shopId, 'sync-stock-price', at(now, 3), 'failed', 100);
    await addJobRun(t.db, shopId, 'sync-stock-price', at(now, 2), 'succeeded', 100);
    await t.db.insert(circuitBreakers).values({ accountId: trendyol, tenantId: shopId, marketplace: 'trendyol', state: 'open', consecutiveFailures: 5, openedAt: now });

    const first = await evaluateAlerts(t.db, shopId, JOBS);
    expect(first.raised).toBe(5);
    for (let i = 0; i < 2; i += 1) expect(await evaluateAlerts(t.db, shopId, JOBS)).toEqual({ holding: 5, raised: 0, cleared: 0 });
    expect(await kindsOf(shopId)).toEqual(['circuit_open', 'dead_letters', 'error_rate', 'job_failing', 'processing_lag']);
    const byKind = Object.fromEntries((await alertsOf(shopId)).map((a) => [a.kind, a]));
    expect(byKind.error_rate!.message).toContain('25% of 20');
    expect(byKind.job_failing!.message).toContain('process-webhooks');
    expect(byKind.processing_lag!.severity).toBe('critical');
    // The other shop has none of it.
    expect((await evaluateAlerts(t.db, otherId, JOBS)).raised).toBe(0);
  });

  it("a shop's own threshold replaces the default", async () => {
    const account = await addAccount(t.db, otherId, 'n11');
    await addDeliveries(t.db, otherId, account, 'n11', [{ receivedAt: at(now, 10), ingestMs: 5, outcome: 'pending' }]);
    await t.db.insert(alertThresholds).values({ tenantId: otherId, name: 'processing_lag_seconds', value: 3_600, updatedBy: 'test' });
    expect((await evaluateAlerts(t.db, otherId, JOBS)).raised).toBe(0);
    await t.db.update(alertThresholds).set({ value: 60 }).where(eq(alertThresholds.tenantId, otherId));
    expect((await evaluateAlerts(t.db, otherId, JOBS)).raised).toBe(1);
    expect(await kindsOf(otherId)).toEqual(['processing_lag']);
  });

  it('a condition that clears and comes back raises a new alert; the first stays listed until acknowledged', async () => {
    await addJobRun(t.db, shopId, 'process-webhooks', at(now, 1), 'succeeded', 100);
    expect(await evaluateAlerts(t.db, shopId, JOBS)).toMatchObject({ raised: 0, cleared: 1 });
    await addJobRun(t.db, shopId, 'process-webhooks', at(now, 0, 1_000), 'failed', 100);
    await addJobRun(t.db, shopId, 'process-webhooks', at(now, 0, 2_000), 'failed', 100);
    expect(await evaluateAlerts(t.db, shopId, JOBS)).toMatchObject({ raised: 1, cleared: 0 });
    const failing = (await alertsOf(shopId)).filter((a) => a.kind === 'job_failing');
    expect(failing).toHaveLength(2);
    expect(failing.every((a) => a.acknowledgedAt === null)).toBe(true);
  });

  it('a backup older than 26 hours, no backup at all, and confirmed GDPR requests due within 3 days raise', async () => {
    const requestDue = (tenantId: number, status: 'open' | 'unverified', days: number) =>
      t.db.insert(gdprRequests).values({
        tenantId,
        type: 'access',
        source: 'admin',
        status,
        email: `${status}@example.com`,
        subjectHash: status,
        receivedAt: at(now, 60),
        dueAt: new Date(now.getTime() + days * 86_400_000),
      });
    await requestDue(otherId, 'open', 10);
    expect((await evaluateAlerts(t.db, otherId, JOBS)).raised).toBe(0);
    await t.db.update(backups).set({ finishedAt: at(now, 27 * 60) }).where(eq(backups.tenantId, otherId));
    await requestDue(otherId, 'open', 2);
    // Not confirmed by its sender yet: not a request to answer.
    await requestDue(otherId, 'unverified', 1);
    expect((await evaluateAlerts(t.db, otherId, JOBS)).raised).toBe(2);
    expect(await kindsOf(otherId)).toEqual(['backup_stale', 'gdpr_due', 'processing_lag']);

    const fresh = await addTenant(t.db, 'fresh');
    expect((await evaluateAlerts(t.db, fresh, JOBS)).raised).toBe(1);
    expect(await kindsOf(fresh)).toEqual(['backup_stale']);
  });
});

describe('acknowledging an alert', () => {
  it('records who and when, with an audit row; a second acknowledgement is refused', async () => {
    const [alert] = (await alertsOf(shopId)).filter((a) => a.kind === 'dead_letters');
    const actor = { userId: 7, username: 'ayse' };
    await t.db.transaction((tx) => acknowledgeAlert(tx, { alertId: alert!.id, tenantIds: [shopId], actor }));
    const [after] = await t.db.select().from(alerts).where(eq(alerts.id, alert!.id));
    expect(after!.acknowledgedBy).toBe('ayse');
    expect(after!.acknowledgedAt).toBeInstanceOf(Date);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'alert.acknowledge'), eq(auditLog.targetId, String(alert!.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUsername: 'ayse', tenantId: shopId, targetType: 'alert' });
    const again = t.db.transaction((tx) => acknowledgeAlert(tx, { alertId: alert!.id, tenantIds: [shopId], actor: { userId: 8, username: 'mehmet' } }));
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT' });
    // Dead letters still hold: no new alert while the condition lasts, acknowledged or not.
    expect((await evaluateAlerts(t.db, shopId, JOBS)).raised).toBe(0);
  });

  it("another shop's alert is not found for a user of this shop", async () => {
    const [theirs] = await alertsOf(otherId);
    const attempt = t.db.transaction((tx) => acknowledgeAlert(tx, { alertId: theirs!.id, tenantIds: [shopId], actor: { userId: 7, username: 'ayse' } }));
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the outgoing alert webhook', () => {
  it('sends each new alert once, signed (HMAC-SHA256, Standard Webhooks), retrying after a failure', async () => {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    let failNext = true;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failNext ? 500 : 204;
        failNext = false;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/alerts`;
    try {
      // A quota alert raised by the quota code is sent like the rules' own.
      await t.db.insert(alerts).values({ tenantId: otherId, kind: 'quota', severity: 'warning', message: 'webhook events at 80%', dedupeKey: 'webhook_events:day:2026-11-28:80' });
      const total = (await alertsOf(otherId)).length;
      const first = await deliverAlerts(t.db, otherId, { url, secret: SECRET }, now);
      expect(first).toEqual({ sent: total - 1, failed: 1 });
      const failed = await t.db.select().from(alertDeliveries).where(eq(alertDeliveries.attempts, 1));
      expect(failed.filter((d) => d.deliveredAt === null)).toHaveLength(1);
      expect(await deliverAlerts(t.db, otherId, { url, secret: SECRET }, now)).toEqual({ sent: 0, failed: 0 });
      const later = new Date(now.getTime() + 2 * 60_000);
      expect(await deliverAlerts(t.db, otherId, { url, secret: SECRET }, later)).toEqual({ sent: 1, failed: 0 });
      expect(await deliverAlerts(t.db, otherId, { url, secret: SECRET }, later)).toEqual({ sent: 0, failed: 0 });

      expect(received).toHaveLength(total + 1);
      const verifier = new Webhook(SECRET);
      for (const r of received) {
        const payload = verifier.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { type: string; alert: { tenantId: number; kind: string } };
        expect(payload.type).toBe('alert.raised');
        expect(payload.alert.tenantId).toBe(otherId);
      }
      expect(received.map((r) => JSON.parse(r.body).alert.kind)).toContain('quota');
      expect(() => new Webhook(`whsec_${Buffer.from('another-secret-entirely').toString('base64')}`).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).toThrow();
    } finally {
      server.close();
    }
  });
});
