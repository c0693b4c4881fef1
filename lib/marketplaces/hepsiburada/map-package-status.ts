import type { CanonicalEventOf } from '@/lib/webhooks/canonical-events';
import type { PackageStatusRoute } from './routes';
import { HEPSIBURADA_PACKAGE_STATUSES } from './status-map';

/**
 * A package status push. Hepsiburada sends no event id [doc], so the fact is keyed on package,
 * status and the route's own time: a redelivery is the same fact, a second failed delivery attempt
 * on another day is a new one.
 */
export function mapHepsiburadaPackageStatus(route: PackageStatusRoute, packageNumber: string, happenedAt: string): CanonicalEventOf<'order.status_changed'> {
  const { marketplaceStatus, status } = HEPSIBURADA_PACKAGE_STATUSES[route];
  return {
    type: 'order.status_changed',
    externalId: `status:${packageNumber}:${marketplaceStatus}:${happenedAt}`,
    occurredAt: happenedAt,
    externalOrderId: packageNumber,
    status,
    marketplaceStatus,
  };
}
