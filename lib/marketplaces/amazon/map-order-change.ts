import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { OrderChangeNotification } from './schema';

/**
 * ORDER_CHANGE becomes a status change only: it carries SKUs and quantities but no prices and no
 * buyer [doc], so it cannot create an order. Importing the order itself needs the Orders API
 * (`searchOrders` / `getOrder`), a later issue; until then the import cannot apply a change for an
 * order the shop does not have yet. The dedup key is Amazon's NotificationId [doc].
 */
export function mapOrderChange(notification: OrderChangeNotification): CanonicalEvent[] {
  const change = notification.Payload.OrderChangeNotification;
  const { marketplaceStatus, status } = change.Summary.OrderStatus;
  return [
    {
      type: 'order.status_changed',
      externalId: `notification:${notification.NotificationMetadata.NotificationId}`,
      occurredAt: change.OrderChangeTrigger.TimeOfOrderChange,
      externalOrderId: change.AmazonOrderId,
      status,
      marketplaceStatus,
    },
  ];
}
