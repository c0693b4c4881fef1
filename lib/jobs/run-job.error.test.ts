import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { runJob } from './run-job';
import { NO_KEY, runRow } from './jobs.test-helper';
import type { JobDefinition } from './types';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('joberror');
  await migrateCompanion(t.url);
  await ensureDefaultTenant(t.db, 'oc_');
  // The runner logs each failure with its stack; these tests fail on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => t?.drop());

function job(name: string, body: JobDefinition['run']): JobDefinition {
  return { name, title: { tr: name, en: name }, budgetMs: 10_000, run: body };
}

function run(definition: JobDefinition) {
  return runJob({ db: t.db, mainDatabaseUrl: t.url, job: definition, tenantSlug: 'default', trigger: 'cli', requestedBy: 'test', encryptionKey: NO_KEY });
}

describe('a job that fails', () => {
  it('is recorded as failed with its message and causes, the counts it reported, and no stack', async () => {
    const failing = job('err-throw', async (ctx) => {
      await ctx.reportProgress?.({ pushed: 4 });
      throw new Error('Trendyol answered 500 for batch 7', { cause: new Error('socket hang up') });
    });
    const [outcome] = (await run(failing)).runs;
    expect(outcome).toEqual({ tenant: 'default', status: 'failed', runId: expect.any(Number), counts: { pushed: 4 }, more: false });
    const row = await runRow(t.db, (outcome as { runId: number }).runId);
    expect(row).toMatchObject({ status: 'failed', counts: { pushed: 4 }, more: false });
    expect(row.error).toBe('Trendyol answered 500 for batch 7 — caused by: socket hang up');
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(row.durationMs).toEqual(expect.any(Number));
  });

  it('stores a failed query without its parameters, which may be a shop’s data', async () => {
    const failing = job('err-query', async (ctx) => {
      await ctx.mainDb.execute(sql`SELECT * FROM msc_no_such_table WHERE secret = ${'hunter2-token'}`);
      return { counts: {} };
    });
    const [outcome] = (await run(failing)).runs;
    const row = await runRow(t.db, (outcome as { runId: number }).runId);
    expect(row.error).toContain('msc_no_such_table');
    expect(row.error).not.toContain('hunter2-token');
    expect(row.error).not.toMatch(/\n\s+at /);
  });

  it('reading the sealing key without APP_ENCRYPTION_KEY fails that job only, saying why', async () => {
    const needsKey = job('err-key', async (ctx) => ({ counts: { keyBytes: ctx.key.length } }));
    const [outcome] = (await run(needsKey)).runs;
    const row = await runRow(t.db, (outcome as { runId: number }).runId);
    expect(row).toMatchObject({ status: 'failed', error: 'APP_ENCRYPTION_KEY is not set' });
    const noKey = job('err-no-key-needed', async () => ({ counts: { ok: 1 } }));
    expect((await run(noKey)).runs[0]).toMatchObject({ status: 'succeeded' });
  });

  it('a thrown non-Error is stored as text', async () => {
    const [outcome] = (await run(job('err-string', () => Promise.reject('plain text')))).runs;
    expect((await runRow(t.db, (outcome as { runId: number }).runId)).error).toBe('plain text');
  });
});
