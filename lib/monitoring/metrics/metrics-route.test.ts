import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { addAccount, addApiCalls, addDeliveries, addJobRun, at } from '../monitoring.test-helper';
import { databaseNow } from '../database-time';
import { rollupMetrics } from '../rollup/rollup-metrics';
import { observeCronRoute, observeWebhookRoute } from './observe-route';

const TOKEN = 'metrics-token-for-tests-0123456789';
let t: TestDatabase;
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createAppTestDatabase('metrics');
  // The route reads its database and token from the environment, as `next start` gives them.
  process.env.DATABASE_URL = t.url;
  process.env.METRICS_TOKEN = TOKEN;
  ({ GET } = await import('@/app/api/metrics/route'));
  const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  const account = await addAccount(t.db, def!.id, 'trendyol');
  const now = await databaseNow(t.db);
  await addDeliveries(t.db, def!.id, account, 'trendyol', [
    { receivedAt: at(now, 2), ingestMs: 5, outcome: 'pending' },
    { receivedAt: at(now, 2), ingestMs: 5, outcome: 'pending' },
    { receivedAt: at(now, 3), ingestMs: 5, outcome: { deadAt: at(now, 1) } },
  ]);
  await addApiCalls(t.db, def!.id, account, 'trendyol', [
    { at: at(now, 1), status: 200, durationMs: 5 },
    { at: at(now, 1), status: 429, durationMs: 5, errorKind: 'rate_limited' },
    { at: at(now, 1), status: null, durationMs: 5, errorKind: 'timeout' },
  ]);
  await addJobRun(t.db, def!.id, 'process-webhooks', at(now, 5), 'failed', 1_500);
  // Queue depth and dead letters are read as the rollup job counted them.
  await rollupMetrics(t.db, def!.id);
  // Requests seen by the route wrappers (an unknown marketplace and job must not become labels).
  const ok = async () => new Response('{}', { status: 202 });
  await observeWebhookRoute(ok)(new Request('http://x/'), { params: Promise.resolve({ marketplace: 'trendyol' }) });
  await observeWebhookRoute(ok)(new Request('http://x/'), { params: Promise.resolve({ marketplace: 'evil-42@example.com' }) });
  await observeCronRoute(ok, ['process-webhooks'])(new Request('http://x/'), { params: Promise.resolve({ job: 'process-webhooks' }) });
  await observeCronRoute(ok, ['process-webhooks'])(new Request('http://x/'), { params: Promise.resolve({ job: '12345' }) });
}, 120_000);
afterAll(async () => t?.drop());

const scrape = (authorization?: string) => GET(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));

describe('GET /api/metrics', () => {
  it('answers 401 without a bearer and with a wrong one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await scrape('Bearer not-the-token-at-all-000000')).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
  });

  it('answers Prometheus text with the request, queue, job, API and quota metrics', async () => {
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      'msc_webhook_requests_total',
      'msc_webhook_request_duration_seconds_bucket',
      'msc_cron_requests_total',
      'msc_cron_request_duration_seconds_bucket',
      'msc_webhook_queue_depth',
      'msc_webhook_dead_letters',
      'msc_job_runs_last_24h',
      'msc_job_last_duration_seconds',
      'msc_marketplace_api_calls_last_hour',
      'msc_quota_used_max',
      'msc_alerts_open',
    ]) {
      expect(text).toContain(`# TYPE ${name.replace(/_bucket$/, '')} `);
    }
    expect(text).toContain('msc_webhook_queue_depth{marketplace="trendyol"} 2');
    expect(text).toContain('msc_webhook_dead_letters{marketplace="trendyol"} 1');
    expect(text).toContain('msc_job_runs_last_24h{job="process-webhooks",status="failed"} 1');
    expect(text).toContain('msc_job_last_duration_seconds{job="process-webhooks"} 1.5');
    expect(text).toContain('msc_marketplace_api_calls_last_hour{marketplace="trendyol",status_class="4xx"} 1');
    expect(text).toContain('msc_marketplace_api_calls_last_hour{marketplace="trendyol",status_class="none"} 1');
    expect(text).toContain('msc_webhook_requests_total{marketplace="trendyol",status_class="2xx"} 1');
    expect(text).toContain('msc_webhook_requests_total{marketplace="unknown",status_class="2xx"} 1');
    expect(text).toContain('msc_cron_requests_total{job="unknown",status_class="2xx"} 1');
  });

  it('puts no ids, e-mails or free text in any label', async () => {
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    const labelValues = [...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(labelValues.length).toBeGreaterThan(0);
    const allowed = new Set(['marketplace', 'job', 'status_class', 'status', 'state', 'metric', 'grain', 'kind', 'severity', 'le']);
    for (const [name, value] of labelValues) {
      expect(allowed).toContain(name);
      if (name !== 'le') expect(value).toMatch(/^[a-z][a-z0-9_-]*$|^\dxx$/);
    }
  });
});
