import { NextResponse } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { ServiceError } from '@/lib/errors/service-error';
import { authorizeCronRequest } from '@/lib/jobs/cron-auth';
import { findJob, JOB_NAMES } from '@/lib/jobs/registry';
import { requestBudgetMs } from '@/lib/jobs/request-budget';
import { runJob } from '@/lib/jobs/run-job';
import { observeCronRoute } from '@/lib/monitoring/metrics/observe-route';

export const dynamic = 'force-dynamic';
/** Seconds: what every Vercel plan allows a function. Runs stay under it (lib/jobs/request-budget.ts). */
export const maxDuration = 60;

const querySchema = z.strictObject({
  tenant: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tenant slug: letters, digits, _ and - only')
    .optional(),
});

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/**
 * `GET|POST /api/cron/<job>[?tenant=SLUG]` for Vercel Cron, system cron and Kubernetes CronJobs:
 * runs the job on one tenant or every tenant and answers what each run did,
 * `{ job, runs: [{ tenant, status, runId, counts, more } | { tenant, skipped }] }`.
 */
async function handleCronCall(request: Request, { params }: { params: Promise<{ job: string }> }) {
  const auth = authorizeCronRequest(request.headers.get('authorization'), env().CRON_SECRET);
  if (!auth.ok) return errorResponse(401, 'UNAUTHORIZED', auth.message);
  const registered = findJob((await params).job);
  if (!registered) return errorResponse(404, 'NOT_FOUND', `No such job. Jobs: ${JOB_NAMES.join(', ')}.`);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse(400, 'BAD_REQUEST', 'The query string is not valid.', query.error.issues);

  const job = registered.definition;
  try {
    const result = await runJob({
      db: getDb(env().DATABASE_URL),
      mainDatabaseUrl: env().DATABASE_URL,
      job,
      tenantSlug: query.data.tenant,
      trigger: 'cron',
      requestedBy: 'cron',
      budgetMs: requestBudgetMs(job),
      encryptionKey: () => encryptionKeyFrom(env().APP_ENCRYPTION_KEY),
      signal: request.signal,
    });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') return errorResponse(404, err.code, err.message);
    throw err;
  }
}

export const GET = observeCronRoute(handleCronCall, JOB_NAMES);
export const POST = GET;
