import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { webhookEvents } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';

/** One request replays at most this many events (a page of the dead-letter list is far fewer). */
export const MAX_REPLAY_EVENTS = 500;
/** Only events that did not apply; a done event replayed would be a no-op at best. */
const REPLAYABLE_STATUSES = ['dead', 'failed'] as const;

const replayInputSchema = z.object({
  tenantId: z.number().int().positive(),
  eventIds: z.array(z.number().int().positive()).max(MAX_REPLAY_EVENTS),
});

export type ReplayContext = { actor: AuditEntry['actor']; request?: AuditEntry['request'] };

/**
 * Puts dead or failed events of one tenant back in the queue, due now with a fresh attempt count,
 * and writes the audit row in the same transaction. Ids of other tenants, unknown ids and events in
 * another state are left alone and not counted. The attempt history is kept.
 */
export async function replayEvents(
  db: Db,
  tenantId: number,
  eventIds: readonly number[],
  ctx: ReplayContext,
): Promise<{ replayed: number }> {
  const parsed = replayInputSchema.safeParse({ tenantId, eventIds: [...new Set(eventIds)] });
  if (!parsed.success) {
    throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const ids = parsed.data.eventIds;
  if (ids.length === 0) return { replayed: 0 };

  return db.transaction(async (tx) => {
    const replayable = and(
      eq(webhookEvents.tenantId, tenantId),
      inArray(webhookEvents.id, ids),
      inArray(webhookEvents.status, REPLAYABLE_STATUSES),
    );
    const rows = await tx
      .select({ id: webhookEvents.id, status: webhookEvents.status, lastError: webhookEvents.lastError })
      .from(webhookEvents)
      .where(replayable)
      .for('update');
    if (rows.length === 0) return { replayed: 0 };
    await tx
      .update(webhookEvents)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`UTC_TIMESTAMP(3)` })
      .where(inArray(webhookEvents.id, rows.map((r) => r.id)));
    await writeAudit(tx, {
      action: 'webhook_event.replay',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_webhook_event', id: rows.length === 1 ? rows[0]!.id : `${rows.length} events` },
      before: rows.map((r) => ({ id: r.id, status: r.status, lastError: r.lastError })),
      after: { status: 'pending', eventIds: rows.map((r) => r.id) },
      request: ctx.request,
    });
    return { replayed: rows.length };
  });
}
