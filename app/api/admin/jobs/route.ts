import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { getJobsOverview, jobsPageQuerySchema } from '@/lib/jobs/queries';
import { JOB_NAMES } from '@/lib/jobs/registry';

export const dynamic = 'force-dynamic';

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** The jobs page's live refresh: each job's latest run, one page of history and the durations, for the current shop. */
export async function GET(request: NextRequest) {
  const query = jobsPageQuerySchema(JOB_NAMES).strict().safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorResponse(400, 'BAD_REQUEST', 'The query string is not valid.', query.error.issues);
  if (!(await getSessionUser())) return errorResponse(401, 'UNAUTHORIZED', 'Sign in first.');
  let tenant;
  try {
    tenant = await openCurrentTenant();
  } catch (err) {
    if (err instanceof ServiceError) return errorResponse(err.status, err.code, err.message);
    throw err;
  }
  const overview = await getJobsOverview(getDb(env().DATABASE_URL), tenant.tenant.id, JOB_NAMES, query.data);
  return NextResponse.json(overview, { headers: { 'Cache-Control': 'no-store' } });
}
