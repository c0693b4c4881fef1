import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { withSessionTenant } from '@/lib/api/session-route';
import { getJobsOverview, jobsPageQuerySchema } from '@/lib/jobs/queries';
import { JOB_NAMES } from '@/lib/jobs/registry';

export const dynamic = 'force-dynamic';

/** The jobs page's live refresh: each job's latest run, one page of history and the durations, for the current shop. */
export async function GET(request: NextRequest) {
  const query = jobsPageQuerySchema(JOB_NAMES).strict().safeParse(Object.fromEntries(request.nextUrl.searchParams));
  return withSessionTenant(query, 'The query string is not valid.', async (data, { tenant }) => {
    const overview = await getJobsOverview(getDb(env().DATABASE_URL), tenant.tenant.id, JOB_NAMES, data);
    return NextResponse.json(overview, { headers: { 'Cache-Control': 'no-store' } });
  });
}
