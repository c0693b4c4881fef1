import { compareMoney, parseMoney } from '@/lib/shop/money';
import type { CanonicalEventOf } from '@/lib/webhooks/canonical-events';
import { decimalFromMoneyUnits } from '../shared/money';
import type { AmazonOffer, AnyOfferChangedNotification } from './schema';

type ObservedPrice = CanonicalEventOf<'price.observed'>['prices'][number];

/** The condition the shop sells: used and collectible offers are no price to compare with [inferred]. */
const COMPARABLE_CONDITION = 'new';

/** Offers compete on landed price, listing plus shipping, as Amazon's LowestPrices and BuyBoxPrices report it [doc]. */
function observedPrice(offer: AmazonOffer): ObservedPrice {
  const shipping = offer.Shipping ? parseMoney(offer.Shipping.Amount) : 0n;
  return {
    seller: offer.SellerId,
    price: decimalFromMoneyUnits(parseMoney(offer.ListingPrice.Amount) + shipping),
    currency: offer.ListingPrice.CurrencyCode,
    isBuyBoxWinner: offer.IsBuyBoxWinner ?? false,
  };
}

/** A buy-box offer first, then the cheaper one. */
function isBetter(candidate: ObservedPrice, kept: ObservedPrice): boolean {
  if (candidate.isBuyBoxWinner !== kept.isBuyBoxWinner) return candidate.isBuyBoxWinner;
  return compareMoney(candidate.price, kept.price) < 0;
}

/**
 * ANY_OFFER_CHANGED as the prices seen for the ASIN: the notification names no seller SKU [doc],
 * so the event's `sku` is the ASIN and linking it to a product takes an ASIN product link. A seller
 * with both an Amazon-fulfilled and an own offer keeps one price, the buy-box one or else the lowest,
 * because observed prices are stored one per event and seller.
 */
export function mapAnyOfferChanged(notification: AnyOfferChangedNotification): CanonicalEventOf<'price.observed'>[] {
  const change = notification.Payload.AnyOfferChangedNotification;
  const trigger = change.OfferChangeTrigger;
  if (trigger.ItemCondition.toLowerCase() !== COMPARABLE_CONDITION) return [];

  const bySeller = new Map<string, ObservedPrice>();
  for (const offer of change.Offers) {
    const price = observedPrice(offer);
    const kept = bySeller.get(price.seller);
    if (kept === undefined || isBetter(price, kept)) bySeller.set(price.seller, price);
  }
  if (bySeller.size === 0) return [];
  return [
    {
      type: 'price.observed',
      externalId: `notification:${notification.NotificationMetadata.NotificationId}`,
      occurredAt: trigger.TimeOfOfferChange,
      sku: trigger.ASIN,
      prices: [...bySeller.values()],
    },
  ];
}
