import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { backupsPageParamSchema, getBackupsPage } from '@/lib/backups/get-backups-page';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ page: z.string().optional() });

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** The backups page's live refresh: one page of the open shop's backups with their progress. */
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
  const page = await getBackupsPage(getDb(env().DATABASE_URL), tenant.tenant.id, backupsPageParamSchema.parse(query.data.page));
  return NextResponse.json(page, { headers: { 'Cache-Control': 'no-store' } });
}
