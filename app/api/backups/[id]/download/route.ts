import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { apiError, withSessionTenant } from '@/lib/api/session-route';
import { backupConfigFromEnv } from '@/lib/backups/backup-config';
import { getTenantBackup } from '@/lib/backups/verify-backup';
import { writeAudit } from '@/lib/audit/write-audit';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The stored file as it is (gzip, encrypted when the server has a key); admins of the shop only, audited. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return withSessionTenant(paramsSchema.safeParse(await params), 'The backup id is not valid.', async ({ id }, { user, tenant }) => {
    if (tenant.role !== 'admin') return apiError(403, 'FORBIDDEN', 'Only an admin of this shop may download backups.');
    const db = getDb(env().DATABASE_URL);
    const backup = await getTenantBackup(db, tenant.tenant.id, id);
    if (!backup.fileName) return apiError(409, 'CONFLICT', 'This backup has no complete file.');
    const store = backupConfigFromEnv().store;
    const opened = await Promise.all([store.size(backup.fileName), store.openRead(backup.fileName)]).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!opened) return apiError(404, 'NOT_FOUND', 'The backup file is missing from the store.');
    const [size, file] = opened;
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
  });
}
