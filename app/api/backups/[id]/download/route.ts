import { Readable } from 'node:stream';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import { backupConfigFromEnv } from '@/lib/backups/backup-config';
import { getTenantBackup } from '@/lib/backups/verify-backup';
import { writeAudit } from '@/lib/audit/write-audit';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function errorResponse(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** The stored file as it is (gzip, encrypted when the server has a key); admins of the shop only, audited. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return errorResponse(400, 'BAD_REQUEST', 'The backup id is not valid.');
  const user = await getSessionUser();
  if (!user) return errorResponse(401, 'UNAUTHORIZED', 'Sign in first.');
  try {
    const tenant = await openCurrentTenant();
    if (tenant.role !== 'admin') return errorResponse(403, 'FORBIDDEN', 'Only an admin of this shop may download backups.');
    const db = getDb(env().DATABASE_URL);
    const backup = await getTenantBackup(db, tenant.tenant.id, parsed.data.id);
    if (!backup.fileName) return errorResponse(409, 'CONFLICT', 'This backup has no complete file.');
    const store = backupConfigFromEnv().store;
    const [size, file] = await Promise.all([store.size(backup.fileName), store.openRead(backup.fileName)]);
    await writeAudit(db, {
      action: 'backup.download',
      actor: { userId: user.id, username: user.username },
      tenantId: tenant.tenant.id,
      target: { type: 'backup', id: backup.id },
      request: { ip: clientIpFromHeaders(request.headers), userAgent: request.headers.get('user-agent') ?? '' },
    });
    const name = backup.fileName.split('/').pop()!;
    return new Response(Readable.toWeb(file) as ReadableStream, {
      headers: {
        'Content-Type': backup.encrypted ? 'application/octet-stream' : 'application/gzip',
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    if (err instanceof ServiceError) return errorResponse(err.status, err.code, err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return errorResponse(404, 'NOT_FOUND', 'The backup file is missing from the store.');
    throw err;
  }
}
