import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import type { OpenCartTables } from '@/lib/db/opencart';
import { tenantGrants, type TenantRole } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { getAdministeredTenant } from './tenant-admin-access';
import { grantInputSchema, invalidInput, type GrantInput } from './tenant-input';
import { actorOf, type TenantWriteContext } from './tenant-write-context';

export type TenantGrantView = { userId: number; username: string; role: TenantRole; grantedBy: string; createdAt: string };
export type OpenCartAdmin = { userId: number; username: string; name: string };

/** Who may do what in a tenant the user administers. */
export async function listTenantGrants(db: Db, user: TenantWriteContext['user'], tenantId: number): Promise<TenantGrantView[]> {
  await getAdministeredTenant(db, user, tenantId);
  const rows = await db
    .select({
      userId: tenantGrants.userId,
      username: tenantGrants.username,
      role: tenantGrants.role,
      grantedBy: tenantGrants.grantedBy,
      createdAt: tenantGrants.createdAt,
    })
    .from(tenantGrants)
    .where(eq(tenantGrants.tenantId, tenantId))
    .orderBy(asc(tenantGrants.username));
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** The enabled OpenCart admins of the main database: the people who can sign in, and so be granted a shop. */
export async function listOpenCartAdmins(db: Db, oc: OpenCartTables): Promise<OpenCartAdmin[]> {
  const rows = await db
    .select({ userId: oc.user.userId, username: oc.user.username, firstname: oc.user.firstname, lastname: oc.user.lastname })
    .from(oc.user)
    .where(eq(oc.user.status, 1))
    .orderBy(asc(oc.user.username));
  return rows.map((r) => ({ userId: r.userId, username: r.username, name: `${r.firstname} ${r.lastname}`.trim() }));
}

/** Gives an OpenCart admin a role in the tenant (or changes it), with its audit row. */
export async function grantTenantAccess(db: Db, oc: OpenCartTables, tenantId: number, input: GrantInput, ctx: Omit<TenantWriteContext, 'key'>) {
  const parsed = grantInputSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', invalidInput(parsed.error));
  await getAdministeredTenant(db, ctx.user, tenantId);
  const { userId, role } = parsed.data;
  if (userId === ctx.user.id && role !== 'admin') throw new ServiceError('CONFLICT', 'Admins cannot lower their own role');
  const [grantee] = await db.select({ username: oc.user.username }).from(oc.user).where(and(eq(oc.user.userId, userId), eq(oc.user.status, 1)));
  if (!grantee) throw new ServiceError('NOT_FOUND', `No enabled OpenCart admin ${userId}`);
  await db.transaction(async (tx) => {
    const where = and(eq(tenantGrants.tenantId, tenantId), eq(tenantGrants.userId, userId));
    const [before] = await tx.select({ role: tenantGrants.role }).from(tenantGrants).where(where).for('update');
    const grantedBy = ctx.user.username.slice(0, 64);
    await tx
      .insert(tenantGrants)
      .values({ tenantId, userId, username: grantee.username, role, grantedBy })
      .onDuplicateKeyUpdate({ set: { role, grantedBy, username: grantee.username } });
    await writeAudit(tx, {
      action: 'tenant.grant',
      actor: actorOf(ctx),
      tenantId,
      target: { type: 'oc_user', id: userId },
      before: before ? { role: before.role } : undefined,
      after: { username: grantee.username, role },
      request: ctx.request,
    });
  });
  return { userId, username: grantee.username, role };
}

/** Takes a user's grant away. Admins cannot revoke themselves (someone else must), so a shop keeps an admin. */
export async function revokeTenantAccess(db: Db, tenantId: number, userId: number, ctx: Omit<TenantWriteContext, 'key'>) {
  await getAdministeredTenant(db, ctx.user, tenantId);
  if (userId === ctx.user.id) throw new ServiceError('CONFLICT', 'Admins cannot revoke their own access');
  await db.transaction(async (tx) => {
    const where = and(eq(tenantGrants.tenantId, tenantId), eq(tenantGrants.userId, userId));
    const [before] = await tx.select({ role: tenantGrants.role, username: tenantGrants.username }).from(tenantGrants).where(where).for('update');
    if (!before) throw new ServiceError('NOT_FOUND', `User ${userId} has no grant in tenant ${tenantId}`);
    await tx.delete(tenantGrants).where(where);
    await writeAudit(tx, {
      action: 'tenant.revoke',
      actor: actorOf(ctx),
      tenantId,
      target: { type: 'oc_user', id: userId },
      before: { username: before.username, role: before.role },
      request: ctx.request,
    });
  });
}
