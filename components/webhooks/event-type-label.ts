import type { CanonicalEventType } from '@/lib/webhooks/canonical-events';

export type EventTypeLabels = {
  orderCreated: string;
  orderStatusChanged: string;
  stockChanged: string;
  priceObserved: string;
  questionReceived: string;
};

const TYPE_LABEL_KEY: Record<CanonicalEventType, keyof EventTypeLabels> = {
  'order.created': 'orderCreated',
  'order.status_changed': 'orderStatusChanged',
  'stock.changed': 'stockChanged',
  'price.observed': 'priceObserved',
  'question.received': 'questionReceived',
};

/** Message keys cannot hold dots (they are key paths), so event types map to camelCase keys. */
export function eventTypeLabel(type: CanonicalEventType, labels: EventTypeLabels): string {
  return labels[TYPE_LABEL_KEY[type]];
}
