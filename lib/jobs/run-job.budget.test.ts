import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { tenants } from '@/lib/db/schema';
import { runJob, type JobRunsResult } from './run-job';
import { gatedJob, NO_KEY, runRow, runsOf } from './jobs.test-helper';
import type { JobDefinition } from './types';

let t: TestDatabase;
const STEP_MS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await createTestDatabase('jobbudget');
  await migrateCompanion(t.url);
  await ensureDefaultTenant(t.db, 'oc_');
  await t.db.insert(tenants).values({ slug: 'second', name: 'Second shop', databaseUrl: '', tablePrefix: 'oc_', storeId: 0 });
});
afterAll(async () => t?.drop());

function run(job: JobDefinition, options: { tenantSlug?: string; budgetMs?: number } = {}): Promise<JobRunsResult> {
  return runJob({
    db: t.db,
    mainDatabaseUrl: t.url,
    job,
    tenantSlug: 'tenantSlug' in options ? options.tenantSlug : 'default',
    trigger: 'cli',
    requestedBy: 'test',
    budgetMs: options.budgetMs,
    encryptionKey: NO_KEY,
  });
}

/** Works through `total` items one step at a time, remembering where it got to, as a real job's cursor would. */
function queueJob(name: string, total: number) {
  const processed: number[] = [];
  let cursor = 0;
  const definition: JobDefinition = {
    name,
    title: { tr: name, en: name },
    budgetMs: 30_000,
    async run(ctx) {
      let now = 0;
      while (cursor < total && !ctx.shouldStop()) {
        await sleep(STEP_MS);
        processed.push(cursor);
        cursor += 1;
        now += 1;
      }
      return { counts: { processed: now }, more: cursor < total };
    },
  };
  return { definition, processed };
}

describe('the time budget', () => {
  it('stops a job cleanly with more=true, and the next runs continue until nothing is left, each item once', async () => {
    const TOTAL = 20;
    const queue = queueJob('budget-queue', TOTAL);
    const outcomes = [];
    for (let runs = 0; runs < 100; runs += 1) {
      const [outcome] = (await run(queue.definition, { budgetMs: 3 * STEP_MS })).runs;
      if (!outcome || !('status' in outcome)) throw new Error(`unexpected ${JSON.stringify(outcome)}`);
      outcomes.push(outcome);
      if (!outcome.more) break;
    }
    expect(outcomes.length).toBeGreaterThan(1);
    expect(outcomes[0]).toMatchObject({ status: 'succeeded', more: true });
    expect(outcomes.at(-1)).toMatchObject({ status: 'succeeded', more: false });
    expect(queue.processed).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    expect(outcomes.reduce((sum, o) => sum + (o.counts.processed ?? 0), 0)).toBe(TOTAL);

    const rows = await runsOf(t.db, 'budget-queue');
    expect(rows.map((r) => r.more)).toEqual(outcomes.map((o) => o.more));
    expect(rows.every((r) => r.status === 'succeeded' && r.budgetMs === 3 * STEP_MS && r.durationMs !== null)).toBe(true);
  });

  it('is never enforced by killing: a job that ignores it finishes its work and succeeds', async () => {
    const STEPS = 3;
    const stubborn: JobDefinition = {
      name: 'budget-stubborn',
      title: { tr: 'x', en: 'x' },
      budgetMs: 1,
      async run(ctx) {
        let steps = 0;
        for (; steps < STEPS; steps += 1) await sleep(STEP_MS);
        return { counts: { steps, toldToStop: ctx.shouldStop() ? 1 : 0 } };
      },
    };
    const [outcome] = (await run(stubborn)).runs;
    expect(outcome).toMatchObject({ status: 'succeeded', counts: { steps: STEPS, toldToStop: 1 }, more: false });
  });

  it('is shared between tenants: each gets what is left divided by those still waiting', async () => {
    const BUDGET_MS = 10_000;
    const quick: JobDefinition = { name: 'budget-share', title: { tr: 'x', en: 'x' }, budgetMs: BUDGET_MS, run: async () => ({ counts: {} }) };
    const result = await run(quick, { tenantSlug: undefined });
    expect(result.runs.map((r) => r.tenant)).toEqual(['default', 'second']);
    const rows = await runsOf(t.db, 'budget-share');
    expect(rows[0]!.budgetMs).toBeLessThanOrEqual(BUDGET_MS / 2);
    // The first tenant used almost none of its share: the second gets the rest.
    expect(rows[1]!.budgetMs).toBeGreaterThan(BUDGET_MS / 2);
  });

  it('a tenant reached after the call has used its whole time is skipped, not started', async () => {
    const BUDGET_MS = 2 * STEP_MS;
    let calls = 0;
    const overrunning: JobDefinition = {
      name: 'budget-overrun',
      title: { tr: 'x', en: 'x' },
      budgetMs: BUDGET_MS,
      async run() {
        calls += 1;
        await sleep(BUDGET_MS * 3);
        return { counts: {} };
      },
    };
    const result = await run(overrunning, { tenantSlug: undefined });
    expect(result.runs).toEqual([
      expect.objectContaining({ tenant: 'default', status: 'succeeded' }),
      { tenant: 'second', skipped: 'budget' },
    ]);
    expect(calls).toBe(1);
  });
});

describe('progress', () => {
  it('a running job’s counts so far are on its row while it works, and the final counts replace them', async () => {
    const gated = gatedJob('progress');
    const held = run(gated.definition);
    const ctx = await gated.entered;
    expect(await runRow(t.db, ctx.runId)).toMatchObject({ status: 'running', counts: { waited: 1 } });
    gated.open();
    await held;
    expect(await runRow(t.db, ctx.runId)).toMatchObject({ status: 'succeeded', counts: { ran: 1 } });
  });
});
