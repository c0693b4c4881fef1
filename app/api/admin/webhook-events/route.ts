import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { withSessionTenant } from '@/lib/api/session-route';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { getWebhookEventList, shopTimeZone, webhookEventFiltersSchema } from '@/lib/webhooks/queries';

export const dynamic = 'force-dynamic';

/** The webhooks page's live refresh: one page of the signed-in user's current shop's events, with the tab counts. */
export async function GET(request: NextRequest) {
  const filters = webhookEventFiltersSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  return withSessionTenant(filters, 'The filters are not valid.', async (data, { tenant }) => {
    const timeZone = shopTimeZone(await getStoreSettings(tenant));
    const list = await getWebhookEventList(getDb(env().DATABASE_URL), tenant.tenant.id, data, { timeZone });
    return NextResponse.json(list, { headers: { 'Cache-Control': 'no-store' } });
  });
}
