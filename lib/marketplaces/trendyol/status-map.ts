import { z } from 'zod';
import { statusTableSchema, type StatusTable } from '../shared/status-table';

/**
 * Trendyol package statuses as the payload spells them (PascalCase), with the canonical status each
 * one means for the OpenCart order made from the package. [doc] webhook model, getShipmentPackages.
 */
export const TRENDYOL_STATUSES = {
  // Payment not yet confirmed; Trendyol says to use it only to hold stock, so it is a new order.
  Awaiting: 'created',
  Created: 'created',
  Picking: 'processing',
  Invoiced: 'processing',
  // [inferred] No public page defines Verified; it is never shipped-or-later, so processing is safe.
  Verified: 'processing',
  Shipped: 'shipped',
  // At a pickup point waiting for the buyer: still on its way as far as the shop is concerned.
  AtCollectionPoint: 'shipped',
  Delivered: 'delivered',
  UnDelivered: 'undelivered',
  Returned: 'returned',
  Cancelled: 'cancelled',
  // The seller could not supply the lines: Trendyol cancels them.
  UnSupplied: 'cancelled',
  // A split or partial cancel dissolves the package; its lines come back under new package ids
  // (createdBy: split/cancel, originPackageIds), each a new order, so this one must release its stock.
  UnPacked: 'cancelled',
  // The getShipmentPackages filter's older name for an unpacked package.
  Repack: 'cancelled',
} as const satisfies StatusTable;

/** Subscriptions say AT_COLLECTION_POINT, payloads AtCollectionPoint: one status, one spelling. */
function withoutUnderscores(name: string): string {
  return name.replace(/_/g, '');
}

export const trendyolStatusSchema = z
  .string()
  .transform(withoutUnderscores)
  .pipe(statusTableSchema(TRENDYOL_STATUSES, 'Trendyol', { ignoreCase: true }));

export function isSameTrendyolStatus(a: string, b: string): boolean {
  return withoutUnderscores(a).toLowerCase() === withoutUnderscores(b).toLowerCase();
}
