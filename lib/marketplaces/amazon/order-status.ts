import { statusTableSchema } from '../shared/status-table';

/** `Summary.OrderStatus` of ORDER_CHANGE [doc: OrderChangeNotification schema]. */
export const AMAZON_ORDER_STATUSES = {
  /** [doc] Placed, payment not yet authorised: reserve, do not ship. */
  Pending: 'created',
  /** [doc] A pre-order whose item is not yet available. */
  PendingAvailability: 'created',
  Unshipped: 'processing',
  /** Some items are still to ship, so the order as a whole is not shipped [inferred]. */
  PartiallyShipped: 'processing',
  Shipped: 'shipped',
  /** [doc] Everything shipped; only the seller's invoice confirmation is missing (Brazil, China). */
  InvoiceUnconfirmed: 'shipped',
  Canceled: 'cancelled',
  /** [doc] A Multi-Channel Fulfillment order Amazon cannot fulfil. */
  Unfulfillable: 'cancelled',
} as const;

export const amazonOrderStatusSchema = statusTableSchema(AMAZON_ORDER_STATUSES, 'Amazon order');
