import { statusTableSchema } from '../shared/status-table';

/** `shipmentPackageStatus` values [doc: the shipmentPackages `status` filter]. */
export const N11_PACKAGE_STATUSES = {
  Created: 'created',
  Picking: 'processing',
  Shipped: 'shipped',
  Delivered: 'delivered',
  Cancelled: 'cancelled',
  /**
   * A split package turns Unpacked while its lines move to new packages with the same order number
   * [sdk: integrators' notes]; cancelling the parent keeps those lines from counting twice [inferred].
   */
  Unpacked: 'cancelled',
  UnSupplied: 'cancelled',
} as const;

/** N11's own examples carry leading spaces and mixed case [doc], so the match ignores both. */
export const n11PackageStatusSchema = statusTableSchema(N11_PACKAGE_STATUSES, 'N11 package', { ignoreCase: true });
