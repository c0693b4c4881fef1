import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { tenants, type Tenant } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { sealedDatabaseColumns } from './database-url';
import { publicTenant } from './public-tenant';
import { getAdministeredTenant } from './tenant-admin-access';
import { invalidInput, updateTenantSchema, type UpdateTenantInput } from './tenant-input';
import { actorOf, type TenantWriteContext } from './tenant-write-context';

/**
 * Changes a shop the user administers. The database URL is replaced only when a new one is given (or
 * the main database chosen); the audit row records the hint, never the URL. The default tenant keeps
 * its slug and the main database: it is the deployment's own shop.
 */
export async function updateTenant(db: Db, tenantId: number, input: UpdateTenantInput, ctx: TenantWriteContext): Promise<Tenant> {
  const parsed = updateTenantSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', invalidInput(parsed.error));
  const current = await getAdministeredTenant(db, ctx.user, tenantId);
  const { database, ...fields } = parsed.data;
  const isDefault = current.slug === DEFAULT_TENANT_SLUG;
  if (isDefault && fields.slug !== undefined && fields.slug !== current.slug) {
    throw new ServiceError('BAD_REQUEST', 'The default shop keeps its slug');
  }
  if (isDefault && database.kind === 'url') throw new ServiceError('BAD_REQUEST', 'The default shop lives in the main database');
  const connection =
    database.kind === 'url'
      ? sealedDatabaseColumns(database.url, ctx.key())
      : database.kind === 'main'
        ? sealedDatabaseColumns('', Buffer.alloc(0))
        : {};

  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!before) throw new ServiceError('NOT_FOUND', `Tenant ${tenantId} does not exist`);
    if (fields.slug !== undefined && fields.slug !== before.slug) {
      const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.slug, fields.slug), ne(tenants.id, tenantId)));
      if (taken) throw new ServiceError('CONFLICT', `The slug "${fields.slug}" is taken`);
    }
    await tx.update(tenants).set({ ...fields, ...connection, updatedAt: new Date() }).where(eq(tenants.id, tenantId));
    const [after] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!after) throw new Error(`Tenant ${tenantId} vanished inside its own transaction`);
    await writeAudit(tx, {
      action: 'tenant.update',
      actor: actorOf(ctx),
      tenantId,
      target: { type: 'msc_tenant', id: tenantId },
      before: publicTenant(before),
      after: { ...publicTenant(after), databaseChanged: database.kind !== 'keep' },
      request: ctx.request,
    });
    return after;
  });
}
