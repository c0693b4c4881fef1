import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { quotaLimits } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { definitionOf, MAX_QUOTA_LIMIT, quotaResourceSchema, quotaScopeSchema } from './resources';

export const setQuotaLimitSchema = z
  .object({
    resource: quotaResourceSchema,
    scope: quotaScopeSchema.default(''),
    limit: z.number().int().min(0).max(MAX_QUOTA_LIMIT),
  })
  .refine((v) => definitionOf(v.resource).perMarketplace === (v.scope !== ''), {
    message: 'per-marketplace quotas need a marketplace; the others take none',
    path: ['scope'],
  });
export type SetQuotaLimitInput = z.input<typeof setQuotaLimitSchema>;

export type QuotaWriteContext = { actor: AuditEntry['actor']; request?: AuditEntry['request'] };

/**
 * Sets one of the tenant's limits, with its audit row (old and new limit) in the same transaction. The
 * next use sees it: the counting statements read the limit row each time.
 */
export async function setQuotaLimit(db: Db, tenantId: number, input: SetQuotaLimitInput, ctx: QuotaWriteContext) {
  const parsed = setQuotaLimitSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { resource, scope, limit } = parsed.data;
  return db.transaction(async (tx) => {
    const where = and(eq(quotaLimits.tenantId, tenantId), eq(quotaLimits.resource, resource), eq(quotaLimits.scope, scope));
    const [before] = await tx.select({ limit: quotaLimits.limitValue }).from(quotaLimits).where(where).for('update');
    const previous = before ? Number(before.limit) : definitionOf(resource).defaultLimit;
    const updatedBy = ctx.actor.username.slice(0, 64);
    await tx
      .insert(quotaLimits)
      .values({ tenantId, resource, scope, limitValue: limit, updatedBy })
      .onDuplicateKeyUpdate({ set: { limitValue: limit, updatedBy, updatedAt: new Date() } });
    await writeAudit(tx, {
      action: 'quota.limit.set',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_quota_limit', id: scope ? `${resource}:${scope}` : resource },
      before: { limit: previous, isDefault: !before },
      after: { limit },
      request: ctx.request,
    });
    return { resource, scope, limit, previous };
  });
}
