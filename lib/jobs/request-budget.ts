import type { JobDefinition } from './types';

/**
 * A run started by an HTTP request (the cron route, "run now") must end inside the function's
 * maxDuration of 60 s, which every Vercel plan allows: 50 s of work leaves room for the lock, the run
 * rows and the answer.
 */
export const REQUEST_BUDGET_CAP_MS = 50_000;

export function requestBudgetMs(job: JobDefinition): number {
  return Math.min(job.budgetMs, REQUEST_BUDGET_CAP_MS);
}
