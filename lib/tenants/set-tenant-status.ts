import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { tenants, type TenantStatus } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { getAdministeredTenant } from './tenant-admin-access';
import { actorOf, type TenantWriteContext } from './tenant-write-context';

/**
 * Disables or enables a shop. Disabled: nobody can open it, its webhooks are answered 404 (the
 * marketplace keeps retrying, so pushes arrive once it is enabled again) and its jobs do not run.
 * Its rows stay. The default shop cannot be disabled: it is where tenants are administered from.
 */
export async function setTenantStatus(db: Db, tenantId: number, status: TenantStatus, ctx: Omit<TenantWriteContext, 'key'>) {
  const current = await getAdministeredTenant(db, ctx.user, tenantId);
  if (current.slug === DEFAULT_TENANT_SLUG && status === 'disabled') throw new ServiceError('BAD_REQUEST', 'The default shop cannot be disabled');
  if (current.status === status) return { status };
  await db.transaction(async (tx) => {
    await tx.update(tenants).set({ status, updatedAt: new Date() }).where(eq(tenants.id, tenantId));
    await writeAudit(tx, {
      action: status === 'disabled' ? 'tenant.disable' : 'tenant.enable',
      actor: actorOf(ctx),
      tenantId,
      target: { type: 'msc_tenant', id: tenantId },
      before: { status: current.status },
      after: { status },
      request: ctx.request,
    });
  });
  return { status };
}
