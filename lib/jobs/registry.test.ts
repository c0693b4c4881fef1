import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JOB_RUN_TRIGGERS } from '@/lib/db/schema';
import { jobLockName } from './job-lock';
import { findJob, JOB_NAMES, JOBS } from './registry';
import { JOB_TRIGGERS } from './types';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vercelSchema = z.object({ crons: z.array(z.object({ path: z.string(), schedule: z.string() })) });

function readProjectFile(name: string): string {
  return readFileSync(path.join(PROJECT_ROOT, name), 'utf8');
}

describe('the job registry', () => {
  it('has the three jobs of issue 4, each once, with names that fit a URL path and a lock name', () => {
    expect(JOB_NAMES).toEqual(expect.arrayContaining(['process-webhooks', 'sync-stock-price', 'pull-orders']));
    expect(new Set(JOB_NAMES).size).toBe(JOB_NAMES.length);
    for (const name of JOB_NAMES) expect(name).toMatch(/^[a-z][a-z0-9-]{1,31}$/);
    expect(findJob('process-webhooks')?.definition.name).toBe('process-webhooks');
    expect(findJob('nope')).toBeUndefined();
  });

  it('vercel.json schedules exactly the registered jobs, on the registered schedules', () => {
    const vercel = vercelSchema.parse(JSON.parse(readProjectFile('vercel.json')));
    expect(vercel.crons).toEqual(JOBS.map((j) => ({ path: `/api/cron/${j.definition.name}`, schedule: j.schedule })));
  });

  it('docs/cron.md shows every job on the same schedule', () => {
    const doc = readProjectFile('docs/cron.md');
    for (const job of JOBS) expect(doc).toContain(`${job.schedule} `);
    for (const job of JOBS) expect(doc).toContain(`/api/cron/${job.definition.name}`);
  });

  it('the run table stores every trigger a job can have', () => {
    expect([...JOB_RUN_TRIGGERS]).toEqual([...JOB_TRIGGERS]);
  });
});

describe('job lock names', () => {
  it('name the job, the tenant and the main database, within MySQL’s 64 characters', () => {
    expect(jobLockName('mysql://root@127.0.0.1:3306/meschain', 'process-webhooks', 7)).toBe('msc-job:process-webhooks:7@meschain');
    expect(jobLockName('mysql://root@db/shop_a', 'pull-orders', 1)).not.toBe(jobLockName('mysql://root@db/shop_b', 'pull-orders', 1));
    const long = jobLockName(`mysql://root@db/${'d'.repeat(64)}`, 'sync-stock-price', 123);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^msc-job:[0-9a-f]{40}$/);
  });
});
