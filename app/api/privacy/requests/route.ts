import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { tenantSlugSchema } from '@/lib/tenants/tenant-input';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { errorJson, serviceErrorJson } from '@/lib/gdpr/http-errors';
import { filePublicRequest, findPublicTenant, publicRequestSchema } from '@/lib/gdpr/public-intake';
import { publicPageConfig } from '@/lib/gdpr/public-env';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 8_192;
const querySchema = z.object({ shop: tenantSlugSchema.optional() });

/** Public (no login): files a privacy request for `?shop=<slug>` (default shop without it) and mails the confirmation link. */
export async function POST(request: NextRequest) {
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorJson(400, 'BAD_REQUEST', 'Unknown shop parameter.', query.error.issues);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return errorJson(413, 'BAD_REQUEST', 'The request is too large.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorJson(400, 'BAD_REQUEST', 'The body must be JSON.');
  }
  const input = publicRequestSchema.safeParse(json);
  if (!input.success) return errorJson(400, 'BAD_REQUEST', 'Check the email address and the request type.', input.error.issues);
  const config = publicPageConfig();
  if (!config) return errorJson(503, 'UNAVAILABLE', 'Privacy requests are not available: the server has no AUTH_SECRET.');
  const db = getDb(env().DATABASE_URL);
  try {
    const tenant = await findPublicTenant(db, query.data.shop);
    const filed = await filePublicRequest(db, tenant, input.data, {
      ip: clientIpFromHeaders(request.headers),
      userAgent: request.headers.get('user-agent') ?? '',
      linkKey: config.linkKey,
      baseUrl: config.baseUrl ?? request.nextUrl.origin,
      mail: config.mail,
    });
    // The outbox copy is shown only to whoever filed it, and only when no mail server is set.
    return Response.json({ mailSent: filed.mailSent, outbox: filed.outbox }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return serviceErrorJson(err);
  }
}
