import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { getWebhookEventList, shopTimeZone, webhookEventFiltersSchema } from '@/lib/webhooks/queries';

export const dynamic = 'force-dynamic';

function errorResponse(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** The webhooks page's live refresh: one page of the signed-in user's current shop's events, with the tab counts. */
export async function GET(request: NextRequest) {
  const filters = webhookEventFiltersSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!filters.success) return errorResponse(400, 'BAD_REQUEST', 'The filters are not valid.', filters.error.issues);
  if (!(await getSessionUser())) return errorResponse(401, 'UNAUTHORIZED', 'Sign in first.');
  let tenant;
  try {
    tenant = await openCurrentTenant();
  } catch (err) {
    if (err instanceof ServiceError) return errorResponse(err.status, err.code, err.message);
    throw err;
  }
  const timeZone = shopTimeZone(await getStoreSettings(tenant));
  const list = await getWebhookEventList(getDb(env().DATABASE_URL), tenant.tenant.id, filters.data, { timeZone });
  return NextResponse.json(list, { headers: { 'Cache-Control': 'no-store' } });
}
