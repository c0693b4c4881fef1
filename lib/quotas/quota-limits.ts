import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { quotaLimits } from '@/lib/db/schema';
import { definitionOf, type QuotaResource } from './resources';

/** The tenant's limit of a resource and scope: its own row, else the resource's default. */
export async function getQuotaLimit(db: DbOrTx, tenantId: number, resource: QuotaResource, scope = ''): Promise<number> {
  const [row] = await db
    .select({ limit: quotaLimits.limitValue })
    .from(quotaLimits)
    .where(and(eq(quotaLimits.tenantId, tenantId), eq(quotaLimits.resource, resource), eq(quotaLimits.scope, scope)));
  return row ? Number(row.limit) : definitionOf(resource).defaultLimit;
}

export type QuotaLimitRow = { resource: string; scope: string; limit: number; updatedBy: string; updatedAt: Date };

/** Every limit the tenant set itself (resources without a row use their default). */
export async function listQuotaLimits(db: DbOrTx, tenantId: number): Promise<QuotaLimitRow[]> {
  const rows = await db
    .select({
      resource: quotaLimits.resource,
      scope: quotaLimits.scope,
      limit: quotaLimits.limitValue,
      updatedBy: quotaLimits.updatedBy,
      updatedAt: quotaLimits.updatedAt,
    })
    .from(quotaLimits)
    .where(eq(quotaLimits.tenantId, tenantId));
  return rows.map((r) => ({ ...r, limit: Number(r.limit) }));
}
