import type { AuditEntry } from '@/lib/audit/write-audit';
import type { SessionUser } from './list-tenants-for-user';

/** Who is changing a tenant, from where, and the key that seals database URLs. */
export type TenantWriteContext = {
  user: SessionUser;
  request?: AuditEntry['request'];
  key: () => Buffer;
};

export function actorOf(ctx: Pick<TenantWriteContext, 'user'>): AuditEntry['actor'] {
  return { userId: ctx.user.id, username: ctx.user.username };
}
