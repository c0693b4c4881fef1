import type { DbOrTx } from '@/lib/db/pool';
import { gdprRequestEvents } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';

/** Who is acting: an admin in the dashboard, the public page (`actor.userId` null) or a job. */
export type GdprActor = { userId: number | null; username: string };
export type GdprWriteContext = { actor: GdprActor; request?: { ip: string; userAgent: string } };

/**
 * One step of a request's trail: a row on the request (what its page shows) and an audit row. Neither holds
 * the person's email or name, so an erasure need not rewrite the audit log.
 */
export async function recordRequestEvent(
  db: DbOrTx,
  input: { tenantId: number; requestId: number; action: string; note?: string; after?: unknown },
  ctx: GdprWriteContext,
): Promise<void> {
  await db.insert(gdprRequestEvents).values({
    tenantId: input.tenantId,
    requestId: input.requestId,
    action: input.action,
    actor: ctx.actor.username.slice(0, 64),
    note: (input.note ?? '').slice(0, 500),
  });
  await writeAudit(db, {
    action: `gdpr.${input.action}`,
    actor: ctx.actor,
    tenantId: input.tenantId,
    target: { type: 'gdpr_request', id: input.requestId },
    after: input.after ?? null,
    request: ctx.request,
  });
}
