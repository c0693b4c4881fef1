import type { CanonicalEventOf, CanonicalOrderStatus } from '@/lib/webhooks/canonical-events';
import { fitText, ORDER_TEXT_WIDTH } from './fit-text';
import type { KnownStatus } from './status-table';

/** How far along its life a live line is. */
const LIFECYCLE_RANK: Record<Exclude<CanonicalOrderStatus, 'cancelled'>, number> = {
  created: 0,
  processing: 1,
  shipped: 2,
  undelivered: 3,
  delivered: 4,
  returned: 5,
};

export type LineStatus = KnownStatus & { lineId: string };

/**
 * One status for an order whose marketplace keeps status per line (Pazarama, PttAVM), because
 * OpenCart keeps one per order: the least advanced line that is still live, so an order counts as
 * shipped only once every live line is. Cancelled lines do not hold it back; it is cancelled only
 * when every line is. The marketplace status lists the distinct line statuses.
 */
export function foldLineStatuses(lines: readonly LineStatus[]): KnownStatus {
  let least: Exclude<CanonicalOrderStatus, 'cancelled'> | null = null;
  for (const { status } of lines) {
    if (status === 'cancelled') continue;
    if (least === null || LIFECYCLE_RANK[status] < LIFECYCLE_RANK[least]) least = status;
  }
  const names = [...new Set(lines.map((line) => line.marketplaceStatus))].sort();
  return {
    status: least ?? 'cancelled',
    marketplaceStatus: fitText(names.join(','), ORDER_TEXT_WIDTH.marketplaceStatus),
  };
}

/**
 * Status events for a per-line marketplace: one per line and line status, so a redelivery repeats
 * the same keys and a line that moves makes one new event. Each carries the folded order status.
 */
export function lineStatusEvents(
  externalOrderId: string,
  lines: readonly LineStatus[],
  occurredAt: string,
): CanonicalEventOf<'order.status_changed'>[] {
  const { status, marketplaceStatus } = foldLineStatuses(lines);
  return lines.map((line) => ({
    type: 'order.status_changed',
    externalId: `order:${externalOrderId}:line:${line.lineId}:status:${line.marketplaceStatus}`,
    occurredAt,
    externalOrderId,
    status,
    marketplaceStatus,
  }));
}
