import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { jobRuns, tenants, type NewJobRun } from '@/lib/db/schema';
import { tenantBySlug } from '@/lib/jobs/jobs.test-helper';
import { getJobsOverview, JOB_RUNS_PAGE_SIZE, readJobsPageQuery } from '.';

const JOBS = ['process-webhooks', 'sync-stock-price', 'pull-orders'];
let t: TestDatabase;
let shopId: number;
let otherId: number;

function run(overrides: Partial<NewJobRun> & Pick<NewJobRun, 'job' | 'tenantId' | 'startedAt'>): NewJobRun {
  return {
    triggeredBy: 'cron',
    requestedBy: 'cron',
    slot: `slot-${Math.random()}`,
    status: 'succeeded',
    budgetMs: 50_000,
    durationMs: 120,
    counts: { applied: 1 },
    ...overrides,
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

beforeAll(async () => {
  t = await createTestDatabase('jobpage');
  await migrateCompanion(t.url);
  shopId = (await ensureDefaultTenant(t.db, 'oc_')).id;
  await t.db.insert(tenants).values({ slug: 'other', name: 'Other shop', databaseUrl: '', tablePrefix: 'oc_', storeId: 0 });
  otherId = (await tenantBySlug(t.db, 'other')).id;
  const rows: NewJobRun[] = [];
  for (let minute = 0; minute < 25; minute += 1) rows.push(run({ job: 'process-webhooks', tenantId: shopId, startedAt: at(minute), durationMs: 100 + minute }));
  rows.push(run({ job: 'process-webhooks', tenantId: shopId, startedAt: at(30), status: 'skipped', durationMs: 0 }));
  rows.push(run({ job: 'sync-stock-price', tenantId: shopId, startedAt: at(26), status: 'failed', error: 'Trendyol answered 503', durationMs: 900 }));
  rows.push(run({ job: 'sync-stock-price', tenantId: shopId, startedAt: at(27), status: 'running', durationMs: null, finishedAt: null }));
  rows.push(run({ job: 'pull-orders', tenantId: otherId, startedAt: at(40), counts: { secret: 99 } }));
  await t.db.insert(jobRuns).values(rows);
});
afterAll(async () => t?.drop());

describe('the jobs page data', () => {
  it('shows each job’s latest run that did work, leaving out skipped attempts; a job never run is null', async () => {
    const overview = await getJobsOverview(t.db, shopId, JOBS, { page: 1 });
    expect(overview.latest['process-webhooks']).toMatchObject({ status: 'succeeded', startedAt: at(24).toISOString(), durationMs: 124 });
    expect(overview.latest['sync-stock-price']).toMatchObject({ status: 'running', durationMs: null });
    expect(overview.latest['pull-orders']).toBeNull();
  });

  it('pages the history newest first, with the skipped attempts in it, and clamps a page past the end', async () => {
    const first = await getJobsOverview(t.db, shopId, JOBS, { page: 1 });
    expect(first.history).toMatchObject({ total: 28, page: 1, pageCount: 2, pageSize: JOB_RUNS_PAGE_SIZE });
    expect(first.history.runs[0]).toMatchObject({ job: 'process-webhooks', status: 'skipped' });
    expect(first.history.runs).toHaveLength(JOB_RUNS_PAGE_SIZE);
    const past = await getJobsOverview(t.db, shopId, JOBS, { page: 99 });
    expect(past.history.page).toBe(2);
    expect(past.history.runs).toHaveLength(28 - JOB_RUNS_PAGE_SIZE);
  });

  it('filters the history and the chart to one job', async () => {
    const overview = await getJobsOverview(t.db, shopId, JOBS, { job: 'sync-stock-price', page: 1 });
    expect(overview.history.runs.map((r) => r.status)).toEqual(['running', 'failed']);
    expect(overview.history.runs[1]?.error).toBe('Trendyol answered 503');
    expect(overview.durations).toEqual([
      { job: 'sync-stock-price', points: [{ runId: expect.any(Number), startedAt: at(26).toISOString(), durationMs: 900, status: 'failed' }] },
    ]);
  });

  it('charts finished runs only, oldest first', async () => {
    const overview = await getJobsOverview(t.db, shopId, JOBS, { page: 1 });
    const webhooks = overview.durations.find((s) => s.job === 'process-webhooks')!;
    expect(webhooks.points).toHaveLength(25);
    expect(webhooks.points[0]).toMatchObject({ startedAt: at(0).toISOString(), durationMs: 100 });
    expect(webhooks.points.at(-1)).toMatchObject({ startedAt: at(24).toISOString(), durationMs: 124 });
  });

  it('never shows another shop’s runs', async () => {
    const mine = await getJobsOverview(t.db, shopId, JOBS, { page: 1 });
    expect(JSON.stringify(mine)).not.toContain('"secret"');
    const theirs = await getJobsOverview(t.db, otherId, JOBS, { page: 1 });
    expect(theirs.history.total).toBe(1);
    expect(theirs.latest['process-webhooks']).toBeNull();
  });
});

describe('the jobs page query string', () => {
  it('keeps what parses and names what it ignored', () => {
    expect(readJobsPageQuery({ job: 'pull-orders', page: '2' }, JOBS)).toEqual({ query: { job: 'pull-orders', page: 2 }, ignored: [] });
    expect(readJobsPageQuery({ job: 'drop-tables', page: '-1' }, JOBS)).toEqual({ query: { page: 1 }, ignored: ['job', 'page'] });
    expect(readJobsPageQuery({}, JOBS)).toEqual({ query: { page: 1 }, ignored: [] });
  });
});
