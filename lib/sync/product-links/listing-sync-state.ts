import { samePrice } from '../marketplace-price';
import type { ShopStockPrice } from '../read-shop-stock-prices';

/**
 * A listing's sync state as the products page shows it: held for price review, refused by the
 * marketplace (waiting for a retry), queued, sent and waiting for the batch result, in sync with the
 * shop, or changed in the shop since (the next run queues it).
 */
export const LISTING_SYNC_STATES = ['held', 'failed', 'pending', 'sent', 'in_sync', 'changed'] as const;
export type ListingSyncState = (typeof LISTING_SYNC_STATES)[number];

export type ListingStateInput = {
  heldPrice: string | null;
  openStatus: string | null;
  inFlight: boolean;
  confirmed: { quantity: number; price: string } | null;
  /** The shop's values now; undefined when the product is gone. */
  shop: ShopStockPrice | undefined;
};

export function listingSyncState(input: ListingStateInput): ListingSyncState {
  if (input.heldPrice !== null) return 'held';
  if (input.openStatus === 'failed') return 'failed';
  if (input.openStatus === 'pending') return 'pending';
  if (input.inFlight) return 'sent';
  const { confirmed, shop } = input;
  if (confirmed && shop && confirmed.quantity === shop.quantity && samePrice(confirmed.price, shop.price)) return 'in_sync';
  return 'changed';
}
