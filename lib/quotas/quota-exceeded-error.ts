import { ServiceError } from '@/lib/errors/service-error';
import type { QuotaResource } from './resources';

/**
 * A use a tenant's quota does not allow (linking products over the cap, a backup over the storage
 * limit, one GDPR export too many today). Actions answer it in the asker's language from these fields.
 */
export class QuotaExceededError extends ServiceError {
  constructor(
    readonly resource: QuotaResource,
    readonly limit: number,
    readonly used: number,
    readonly requested: number,
    /** When the window resets; null for levels (linked products, stored bytes) that only drop when freed. */
    readonly resetAt: Date | null,
  ) {
    super('TOO_MANY_REQUESTS', `Over the ${resource} quota: ${used} used of ${limit}, ${requested} more asked`);
    this.name = 'QuotaExceededError';
  }
}
