import type { CanonicalOrderStatus } from '@/lib/webhooks/canonical-events';

/**
 * Where a marketplace order stands in its life. Marketplaces deliver status pushes at least once and
 * not in order (a retried "shipped" can land after "cancelled"), so an order only moves forward:
 * undelivered sits between shipped and delivered (a second delivery attempt may still succeed), and
 * cancelled and returned are final.
 */
const STAGE: Readonly<Record<CanonicalOrderStatus, number>> = {
  created: 0,
  processing: 1,
  shipped: 2,
  undelivered: 3,
  delivered: 4,
  cancelled: 5,
  returned: 5,
};
const FINAL: ReadonlySet<CanonicalOrderStatus> = new Set(['cancelled', 'returned']);

/**
 * Whether a status push moves the order. `current` are the canonical statuses the order's OpenCart
 * status stands for; none when an admin set a status of their own, and then the marketplace, which
 * owns its orders, is followed.
 * - a final status applies unless the order already has it (cancelled → returned applies: the parcel
 *   came back after the cancellation; both release stock, so stock does not move twice);
 * - any other status applies only if it is later than the current one, so a late or repeated push
 *   ("shipped" after "cancelled", "shipped" twice) changes nothing.
 */
export function shouldApplyMarketplaceStatus(current: readonly CanonicalOrderStatus[], next: CanonicalOrderStatus): boolean {
  if (current.length === 0) return true;
  if (FINAL.has(next)) return !current.includes(next);
  const currentStage = Math.max(...current.map((status) => STAGE[status]));
  return STAGE[next] > currentStage;
}
