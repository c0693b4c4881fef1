import { auditLog, type NewAuditLogRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';

const MAX_USER_AGENT = 255;

export type AuditEntry = {
  action: string;
  actor: { userId: number | null; username: string };
  tenantId?: number | null;
  target?: { type: string; id: string | number };
  before?: unknown;
  after?: unknown;
  request?: { ip: string; userAgent: string };
};

/** Writes one audit row; pass the caller's transaction so the row commits with the change it records. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry) {
  const row: NewAuditLogRow = {
    action: entry.action,
    actorUserId: entry.actor.userId,
    actorUsername: entry.actor.username.slice(0, 64),
    tenantId: entry.tenantId ?? null,
    targetType: entry.target?.type ?? '',
    targetId: entry.target ? String(entry.target.id) : '',
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.request?.ip.slice(0, 45) ?? '',
    userAgent: entry.request?.userAgent.slice(0, MAX_USER_AGENT) ?? '',
  };
  await db.insert(auditLog).values(row);
}
