import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { jobRuns, tenants, type Tenant } from '@/lib/db/schema';
import { ABANDONED_RUN_ERROR } from './job-run-records';
import { jobLockName } from './job-lock';
import { runJob } from './run-job';
import { countingJob, gatedJob, NO_KEY, runRow, runsOf, tenantBySlug, waitForFreshMinute } from './jobs.test-helper';
import type { JobDefinition, JobTrigger } from './types';

let t: TestDatabase;
let shop: Tenant;
let second: Tenant;

beforeAll(async () => {
  t = await createTestDatabase('jobconc');
  await migrateCompanion(t.url);
  shop = await ensureDefaultTenant(t.db, 'oc_');
  await t.db.insert(tenants).values({ slug: 'second', name: 'Second shop', databaseUrl: '', tablePrefix: 'oc_', storeId: 0 });
  second = await tenantBySlug(t.db, 'second');
});
afterAll(async () => t?.drop());

function run(job: JobDefinition, options: { tenantSlug?: string; trigger?: JobTrigger } = {}) {
  return runJob({
    db: t.db,
    mainDatabaseUrl: t.url,
    job,
    tenantSlug: 'tenantSlug' in options ? options.tenantSlug : 'default',
    trigger: options.trigger ?? 'cli',
    requestedBy: 'test',
    encryptionKey: NO_KEY,
  });
}

describe('one run at a time per job and tenant', () => {
  it('two concurrent runs of one job and tenant: exactly one runs, the other answers skipped: running', async () => {
    const gated = gatedJob('conc-two');
    const first = run(gated.definition);
    await gated.entered;
    const secondCall = await run(gated.definition);
    expect(secondCall).toEqual({ job: 'conc-two', runs: [{ tenant: 'default', skipped: 'running' }] });
    gated.open();
    const firstCall = await first;
    expect(firstCall.runs).toEqual([{ tenant: 'default', status: 'succeeded', runId: expect.any(Number), counts: { ran: 1 }, more: false }]);
    expect(gated.calls()).toBe(1);
    const rows = await runsOf(t.db, 'conc-two');
    expect(rows.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
  });

  it('the lock is per tenant and per job: other shops and other jobs run meanwhile', async () => {
    const gated = gatedJob('conc-lock');
    const held = run(gated.definition);
    await gated.entered;
    // The same job name, without the gate: only the lock can keep it out.
    const sameJob = countingJob('conc-lock');
    const other = countingJob('conc-other');
    expect((await run(sameJob.definition, { tenantSlug: 'second' })).runs).toEqual([
      expect.objectContaining({ tenant: 'second', status: 'succeeded' }),
    ]);
    expect((await run(other.definition)).runs).toEqual([expect.objectContaining({ tenant: 'default', status: 'succeeded' })]);
    gated.open();
    await held;
  });

  it('is released when the run ends, failed or not, so the next run goes ahead', async () => {
    const failing: JobDefinition = { name: 'conc-release', title: { tr: 'x', en: 'x' }, budgetMs: 1_000, run: async () => Promise.reject(new Error('no')) };
    expect((await run(failing)).runs[0]).toMatchObject({ status: 'failed' });
    expect((await run(failing)).runs[0]).toMatchObject({ status: 'failed' });
    const [lockFree] = (await t.db.execute(`SELECT IS_FREE_LOCK('${jobLockName(t.url, 'conc-release', shop.id)}') AS free`)) as unknown as [
      Array<{ free: number }>,
    ];
    expect(Number(lockFree[0]?.free)).toBe(1);
  });

  it('runs every tenant when none is named', async () => {
    const counting = countingJob('conc-all');
    const result = await run(counting.definition, { tenantSlug: undefined });
    expect(result.runs.map((r) => r.tenant).sort()).toEqual(['default', 'second']);
    expect(result.runs.every((r) => 'status' in r && r.status === 'succeeded')).toBe(true);
  });

  it('refuses with NOT_FOUND a tenant that does not exist, before running anything', async () => {
    const counting = countingJob('conc-missing');
    await expect(run(counting.definition, { tenantSlug: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(counting.calls()).toBe(0);
  });
});

describe('cron deliveries', () => {
  it('a second delivery of the same scheduled slot is a no-op that names the run that answered it', async () => {
    const counting = countingJob('cron-dup');
    await waitForFreshMinute(t.db);
    const first = await run(counting.definition, { trigger: 'cron' });
    const again = await run(counting.definition, { trigger: 'cron' });
    const [firstRun] = first.runs;
    expect(firstRun).toMatchObject({ tenant: 'default', status: 'succeeded' });
    expect(again.runs).toEqual([{ tenant: 'default', skipped: 'duplicate', runId: (firstRun as { runId: number }).runId }]);
    expect(counting.calls()).toBe(1);
    const rows = await runsOf(t.db, 'cron-dup');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ triggeredBy: 'cron', slot: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/) });
    expect(rows[0]!.scheduledFor?.toISOString().slice(0, 16)).toBe(rows[0]!.slot.slice(0, 16));
  });

  it('command-line and manual runs each get a slot of their own, so they always run', async () => {
    const counting = countingJob('cron-own-slot');
    await run(counting.definition, { trigger: 'cli' });
    await run(counting.definition, { trigger: 'cli' });
    await run(counting.definition, { trigger: 'manual' });
    expect(counting.calls()).toBe(3);
    const rows = await runsOf(t.db, 'cron-own-slot');
    expect(new Set(rows.map((r) => r.slot)).size).toBe(3);
    expect(rows.every((r) => r.scheduledFor === null)).toBe(true);
  });
});

describe('runs left behind by a dead process', () => {
  it('are marked abandoned by the next run that gets the lock; other jobs and tenants keep theirs', async () => {
    const leftBehind = { triggeredBy: 'cron' as const, requestedBy: 'cron', status: 'running' as const, budgetMs: 50_000, counts: { applied: 3 } };
    const [dead] = await t.db.insert(jobRuns).values({ ...leftBehind, job: 'dead-run', tenantId: shop.id, slot: '2020-01-01T00:00Z' }).$returningId();
    const [otherTenant] = await t.db.insert(jobRuns).values({ ...leftBehind, job: 'dead-run', tenantId: second.id, slot: '2020-01-01T00:00Z' }).$returningId();
    const [otherJob] = await t.db.insert(jobRuns).values({ ...leftBehind, job: 'dead-other', tenantId: shop.id, slot: '2020-01-01T00:00Z' }).$returningId();

    const counting = countingJob('dead-run');
    const result = await run(counting.definition);
    expect(result.runs[0]).toMatchObject({ status: 'succeeded' });

    const marked = await runRow(t.db, dead!.id);
    expect(marked).toMatchObject({ status: 'abandoned', error: ABANDONED_RUN_ERROR, counts: { applied: 3 } });
    expect(marked.finishedAt).toBeInstanceOf(Date);
    expect((await runRow(t.db, otherTenant!.id)).status).toBe('running');
    expect((await runRow(t.db, otherJob!.id)).status).toBe('running');
  });

  it('a live run is never marked abandoned: a skipped attempt does not touch it', async () => {
    const gated = gatedJob('alive-run');
    const held = run(gated.definition);
    const ctx = await gated.entered;
    await run(gated.definition);
    expect((await runRow(t.db, ctx.runId)).status).toBe('running');
    gated.open();
    await held;
    expect((await runRow(t.db, ctx.runId)).status).toBe('succeeded');
  });

  it('a lock held by a connection that goes away is free again for the next run', async () => {
    const conn = await mysql.createConnection({ uri: t.url });
    await conn.query('SELECT GET_LOCK(?, 0)', [jobLockName(t.url, 'conn-gone', shop.id)]);
    const counting = countingJob('conn-gone');
    expect((await run(counting.definition)).runs).toEqual([{ tenant: 'default', skipped: 'running' }]);
    conn.destroy();
    let outcome;
    for (let tries = 0; tries < 50; tries += 1) {
      outcome = (await run(counting.definition)).runs[0];
      if (outcome && 'status' in outcome) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(outcome).toMatchObject({ status: 'succeeded' });
  });
});
