import type { CanonicalOrderStatus } from '@/lib/webhooks/canonical-events';
import type { PackageStatusRoute } from './routes';

/**
 * Hepsiburada reports a status by which route it calls, not by a field. Each package route, with
 * Hepsiburada's name for the package status and the canonical status of the OpenCart order made
 * from the package.
 */
export const HEPSIBURADA_PACKAGE_STATUSES = {
  // A new package waits for the seller to ship it, as a Trendyol package does in Created.
  packaged: { marketplaceStatus: 'Packaged', status: 'created' },
  intransit: { marketplaceStatus: 'InTransit', status: 'shipped' },
  deliver: { marketplaceStatus: 'Delivered', status: 'delivered' },
  undeliver: { marketplaceStatus: 'Undelivered', status: 'undelivered' },
  // The package is dissolved; its lines go back to the order and arrive again in a new package (a new
  // package number, so a new OpenCart order), so this one must release its stock.
  unpack: { marketplaceStatus: 'Unpacked', status: 'cancelled' },
} as const satisfies Record<PackageStatusRoute | 'packaged', { marketplaceStatus: string; status: CanonicalOrderStatus }>;
