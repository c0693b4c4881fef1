import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { JOB_NAMES } from '@/lib/jobs/registry';
import { getMonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import { monitoringQuerySchema, openAdministeredTenants } from '@/lib/monitoring/dashboard/monitoring-scope';

export const dynamic = 'force-dynamic';

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** The monitoring page's live refresh: `?range=1h|24h|7d|30d&scope=tenant|all` (all: administrators only). */
export async function GET(request: NextRequest) {
  const query = monitoringQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorResponse(400, 'BAD_REQUEST', 'The query string is not valid.', query.error.issues);
  const user = await getSessionUser();
  if (!user) return errorResponse(401, 'UNAUTHORIZED', 'Sign in first.');
  const db = getDb(env().DATABASE_URL);
  let tenantDbs;
  try {
    tenantDbs = query.data.scope === 'all' ? await openAdministeredTenants(db, env().DATABASE_URL, user) : [await openCurrentTenant()];
  } catch (err) {
    if (err instanceof ServiceError) return errorResponse(err.status, err.code, err.message);
    throw err;
  }
  const data = await getMonitoringData(db, tenantDbs, JOB_NAMES, query.data.range);
  return NextResponse.json(data, { headers: { 'Cache-Control': 'no-store' } });
}
