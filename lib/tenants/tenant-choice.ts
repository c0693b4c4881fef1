import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenantChoices } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { listTenantsForUser, type SessionUser } from './list-tenants-for-user';

/** The tenant id a user last chose in the switcher, if any (it may since have been revoked or disabled). */
export async function getRememberedTenantId(db: Db, userId: number): Promise<number | null> {
  const [row] = await db.select({ tenantId: tenantChoices.tenantId }).from(tenantChoices).where(eq(tenantChoices.userId, userId));
  return row ? row.tenantId : null;
}

/** Remembers the user's choice of shop, for every browser they sign in from; only shops they may open. */
export async function rememberTenantChoice(db: Db, user: SessionUser, slug: string): Promise<void> {
  const chosen = (await listTenantsForUser(db, user)).find((t) => t.slug === slug);
  if (!chosen) throw new ServiceError('NOT_FOUND', `No shop "${slug}" for user ${user.id}`);
  await db
    .insert(tenantChoices)
    .values({ userId: user.id, tenantId: chosen.id })
    .onDuplicateKeyUpdate({ set: { tenantId: chosen.id, chosenAt: new Date() } });
}
