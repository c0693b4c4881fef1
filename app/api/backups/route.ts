import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { withSessionTenant } from '@/lib/api/session-route';
import { backupsPageParamSchema, getBackupsPage } from '@/lib/backups/get-backups-page';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ page: z.string().optional() });

/** The backups page's live refresh: one page of the open shop's backups with their progress. */
export async function GET(request: NextRequest) {
  return withSessionTenant(querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams)), 'The query string is not valid.', async (query, { tenant }) => {
    const page = await getBackupsPage(getDb(env().DATABASE_URL), tenant.tenant.id, backupsPageParamSchema.parse(query.page));
    return NextResponse.json(page, { headers: { 'Cache-Control': 'no-store' } });
  });
}
