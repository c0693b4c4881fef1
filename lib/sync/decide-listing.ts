import { parseMoney, percentOfMoney } from '@/lib/shop/money';
import type { ShopStockPrice } from './read-shop-stock-prices';
import { samePrice } from './marketplace-price';

/** Stock and price of one listing: what the shop wants, what is queued, in flight or confirmed. */
export type ListingValues = { quantity: number; price: string; listPrice: string };

/** What the sync knows about one listing when it compares it with the shop. */
export type ListingSnapshot = {
  /** Values the marketplace confirmed last; null before the first confirmation. */
  confirmed: ListingValues | null;
  /** The newest item pushed and not answered yet: the marketplace will hold these soon. */
  inFlight: ListingValues | null;
  /** The item waiting to be sent, if any. */
  open: ListingValues | null;
  heldPrice: string | null;
  approvedPrice: string | null;
  rejectedPrice: string | null;
};

export type ListingDecision = {
  /** Queue these values (a new item, or an update of the waiting one); null leaves the queue as it is. */
  queue: ListingValues | null;
  /** The waiting item is obsolete: the shop went back to what the marketplace holds. */
  cancelOpen: boolean;
  /** Hold this price for review (it moves more than the threshold); 'clear' ends a hold that no longer applies. */
  hold: { price: string; basePrice: string } | 'clear' | null;
  /** The shop's price moved away from a rejected price: forget the rejection. */
  clearRejected: boolean;
};

const sameValues = (a: ListingValues, b: ListingValues) =>
  a.quantity === b.quantity && samePrice(a.price, b.price) && samePrice(a.listPrice, b.listPrice);

/** A move from `base` to `price` bigger than `thresholdPct` percent of `base`. */
export function exceedsThreshold(base: string, price: string, thresholdPct: string): boolean {
  const change = parseMoney(price) - parseMoney(base);
  const magnitude = change < 0n ? -change : change;
  return magnitude > percentOfMoney(parseMoney(base), thresholdPct);
}

/**
 * The sync's rule for one listing. The baseline is what the marketplace will hold once nothing is in
 * flight: the newest pushed item, else the confirmed values. Only a difference from it is queued
 * (marketplaces refuse repeats of an identical push), and a waiting item is updated in place. A price
 * that moves more than the threshold from the baseline is held: the listing keeps its baseline price
 * (stock still flows) until an admin approves the new price; a rejected price stays off the
 * marketplace until the shop's price changes again.
 */
export function decideListing(shop: ShopStockPrice, listing: ListingSnapshot, thresholdPct: string): ListingDecision {
  const baseline = listing.inFlight ?? listing.confirmed;
  let desired: ListingValues = { quantity: shop.quantity, price: shop.price, listPrice: shop.listPrice };
  let hold: ListingDecision['hold'] = listing.heldPrice !== null ? 'clear' : null;
  let clearRejected = false;
  const keepBasePrice = () => {
    if (baseline) desired = { ...desired, price: baseline.price, listPrice: baseline.listPrice };
  };

  if (listing.rejectedPrice !== null && baseline) {
    if (samePrice(listing.rejectedPrice, shop.price)) keepBasePrice();
    else clearRejected = true;
  }
  const rejectedStill = listing.rejectedPrice !== null && !clearRejected && baseline !== null;
  if (
    !rejectedStill &&
    baseline &&
    !samePrice(shop.price, baseline.price) &&
    !samePrice(listing.approvedPrice, shop.price) &&
    exceedsThreshold(baseline.price, shop.price, thresholdPct)
  ) {
    hold = samePrice(listing.heldPrice, shop.price) ? null : { price: shop.price, basePrice: baseline.price };
    keepBasePrice();
  }

  if (baseline && sameValues(desired, baseline)) {
    return { queue: null, cancelOpen: listing.open !== null, hold, clearRejected };
  }
  if (listing.open && sameValues(desired, listing.open)) return { queue: null, cancelOpen: false, hold, clearRejected };
  return { queue: desired, cancelOpen: false, hold, clearRejected };
}
