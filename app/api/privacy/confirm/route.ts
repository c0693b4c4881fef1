import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { tenantSlugSchema } from '@/lib/tenants/tenant-input';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { errorJson, serviceErrorJson } from '@/lib/gdpr/http-errors';
import { confirmPublicRequest, findPublicTenant, type ConfirmOutcome } from '@/lib/gdpr/public-intake';
import { publicPageConfig } from '@/lib/gdpr/public-env';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ shop: tenantSlugSchema.optional(), token: z.string().min(1).max(200) });

const STATUS: Record<ConfirmOutcome, number> = { confirmed: 200, already_confirmed: 200, invalid: 400, expired: 410, not_found: 404 };
const MESSAGE: Record<ConfirmOutcome, string> = {
  confirmed: 'Confirmed.',
  already_confirmed: 'Already confirmed.',
  invalid: 'This link is not valid.',
  expired: 'This link has expired; make a new request.',
  not_found: 'This request no longer exists.',
};

/** Public (no login): the confirmation page's button posts the emailed token here. */
export async function POST(request: NextRequest) {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return errorJson(400, 'BAD_REQUEST', 'The body must be JSON.');
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) return errorJson(400, 'BAD_REQUEST', 'The link has no valid token.', body.error.issues);
  const config = publicPageConfig();
  if (!config) return errorJson(503, 'UNAVAILABLE', 'Privacy requests are not available: the server has no AUTH_SECRET.');
  const db = getDb(env().DATABASE_URL);
  try {
    const tenant = await findPublicTenant(db, body.data.shop);
    const outcome = await confirmPublicRequest(db, tenant, body.data.token, {
      ip: clientIpFromHeaders(request.headers),
      userAgent: request.headers.get('user-agent') ?? '',
      linkKey: config.linkKey,
    });
    if (STATUS[outcome] >= 400) return errorJson(STATUS[outcome], outcome.toUpperCase(), MESSAGE[outcome]);
    return Response.json({ outcome, message: MESSAGE[outcome] }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return serviceErrorJson(err);
  }
}
