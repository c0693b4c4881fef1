import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { getTenantUsage } from '@/lib/quotas/usage';

export const dynamic = 'force-dynamic';

/** `?tenant=<id>`: another shop the user may open; without it, the shop open in the header. */
const querySchema = z.strictObject({ tenant: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() });

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** The usage page's live refresh: quotas, charts, service figures and quota alerts of one shop. */
export async function GET(request: NextRequest) {
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorResponse(400, 'BAD_REQUEST', 'The query string is not valid.', query.error.issues);
  if (!(await getSessionUser())) return errorResponse(401, 'UNAUTHORIZED', 'Sign in first.');
  let tenant;
  try {
    tenant = await openCurrentTenant();
  } catch (err) {
    if (err instanceof ServiceError) return errorResponse(err.status, err.code, err.message);
    throw err;
  }
  const tenantId = query.data.tenant ?? tenant.tenant.id;
  // A shop the user may not open is answered like one that does not exist.
  if (!tenant.available.some((t) => t.id === tenantId)) return errorResponse(404, 'NOT_FOUND', 'No such shop.');
  const usage = await getTenantUsage(getDb(env().DATABASE_URL), tenantId);
  return NextResponse.json(usage, { headers: { 'Cache-Control': 'no-store' } });
}
