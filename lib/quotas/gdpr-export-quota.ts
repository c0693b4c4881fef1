import type { Db } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { QuotaExceededError } from './quota-exceeded-error';
import { processQuotaGate } from './quota-gate';

/**
 * For the GDPR feature (not built yet): call when an export starts; it counts against the tenant's
 * exports per UTC day and throws QuotaExceededError once they are used up.
 */
export async function takeGdprExportQuota(db: Db, tenantId: number, now = new Date()): Promise<void> {
  const decision = await processQuotaGate(db).take({ tenantId, metric: 'gdpr_exports', scope: '', amount: 1, now, requireActiveTenant: true });
  if (decision.allowed) return;
  if (decision.reason !== 'quota') throw new ServiceError('NOT_FOUND', `Tenant ${tenantId} is disabled or gone`);
  const { refusedBy } = decision;
  throw new QuotaExceededError(refusedBy.resource, refusedBy.limit, refusedBy.used, 1, refusedBy.resetAt);
}
