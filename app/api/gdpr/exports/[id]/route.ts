import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { readExportFile } from '@/lib/gdpr/export';
import { errorJson, serviceErrorJson } from '@/lib/gdpr/http-errors';
import { GDPR_ADMIN_ROLES } from '@/app/(dashboard)/gdpr/gdpr-roles';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** An export's ZIP, for admins of its shop, while it is kept (7 days); each download is on the request's trail. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return errorJson(400, 'BAD_REQUEST', 'Export id must be a positive number.');
  const user = await getSessionUser();
  if (!user) return errorJson(401, 'UNAUTHORIZED', 'Sign in first.');
  try {
    const tenant = await openCurrentTenant();
    if (!GDPR_ADMIN_ROLES.includes(tenant.role)) return errorJson(403, 'FORBIDDEN', 'Only admins may download exports.');
    const { file, requestId } = await readExportFile(getDb(env().DATABASE_URL), tenant.tenant.id, parsed.data.id, {
      actor: { userId: user.id, username: user.username },
      request: { ip: clientIpFromHeaders(request.headers), userAgent: request.headers.get('user-agent') ?? '' },
    });
    return new Response(new Uint8Array(file), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="privacy-request-${requestId}-export-${parsed.data.id}.zip"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    return serviceErrorJson(err);
  }
}
