import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { consentLedgerCsv } from '@/lib/gdpr/consent';
import { errorJson, serviceErrorJson } from '@/lib/gdpr/http-errors';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ email: z.string().trim().toLowerCase().max(96).optional() });

/** The consent ledger as CSV: the whole shop's, or one person's with `?email=`. */
export async function GET(request: NextRequest) {
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorJson(400, 'BAD_REQUEST', 'The query string is not valid.', query.error.issues);
  if (!(await getSessionUser())) return errorJson(401, 'UNAUTHORIZED', 'Sign in first.');
  try {
    const tenant = await openCurrentTenant();
    const csv = await consentLedgerCsv(getDb(env().DATABASE_URL), tenant.tenant.id, query.data.email || undefined);
    return new Response(csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="consent-ledger.csv"', 'Cache-Control': 'no-store' },
    });
  } catch (err) {
    return serviceErrorJson(err);
  }
}
