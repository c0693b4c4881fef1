import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { apiError, withSessionTenant } from '@/lib/api/session-route';
import { getTenantUsage } from '@/lib/quotas/usage';

export const dynamic = 'force-dynamic';

/** `?tenant=<id>`: another shop the user may open; without it, the shop open in the header. */
const querySchema = z.strictObject({ tenant: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() });

/** The usage page's live refresh: quotas, charts, service figures and quota alerts of one shop. */
export async function GET(request: NextRequest) {
  return withSessionTenant(querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams)), 'The query string is not valid.', async (query, { tenant }) => {
    const tenantId = query.tenant ?? tenant.tenant.id;
    // A shop the user may not open is answered like one that does not exist.
    if (!tenant.available.some((t) => t.id === tenantId)) return apiError(404, 'NOT_FOUND', 'No such shop.');
    const usage = await getTenantUsage(getDb(env().DATABASE_URL), tenantId);
    return NextResponse.json(usage, { headers: { 'Cache-Control': 'no-store' } });
  });
}
