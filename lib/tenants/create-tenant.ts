import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenantGrants, tenants, type Tenant } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { sealedDatabaseColumns } from './database-url';
import { publicTenant } from './public-tenant';
import { canCreateTenants } from './tenant-admin-access';
import { createTenantSchema, invalidInput, type CreateTenantInput } from './tenant-input';
import { actorOf, type TenantWriteContext } from './tenant-write-context';

/**
 * Adds a shop, its database URL sealed, and makes the creator its admin; the audit row (without the
 * URL) commits with it. A taken slug is a CONFLICT.
 */
export async function createTenant(db: Db, input: CreateTenantInput, ctx: TenantWriteContext): Promise<Tenant> {
  const parsed = createTenantSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', invalidInput(parsed.error));
  if (!(await canCreateTenants(db, ctx.user))) throw new ServiceError('FORBIDDEN', `User ${ctx.user.id} may not add shops`);
  const { databaseUrl, ...rest } = parsed.data;
  const sealed = sealedDatabaseColumns(databaseUrl, databaseUrl ? ctx.key() : Buffer.alloc(0));

  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, rest.slug)).for('update');
    if (taken) throw new ServiceError('CONFLICT', `The slug "${rest.slug}" is taken`);
    const [inserted] = await tx.insert(tenants).values({ ...rest, ...sealed }).$returningId();
    if (!inserted) throw new Error('Inserting the tenant returned no id');
    const { id } = inserted;
    await tx.insert(tenantGrants).values({
      tenantId: id,
      userId: ctx.user.id,
      username: ctx.user.username.slice(0, 64),
      role: 'admin',
      grantedBy: ctx.user.username.slice(0, 64),
    });
    const [created] = await tx.select().from(tenants).where(eq(tenants.id, id));
    if (!created) throw new Error(`Tenant ${id} vanished inside its own transaction`);
    await writeAudit(tx, {
      action: 'tenant.create',
      actor: actorOf(ctx),
      tenantId: id,
      target: { type: 'msc_tenant', id },
      after: publicTenant(created),
      request: ctx.request,
    });
    return created;
  });
}
