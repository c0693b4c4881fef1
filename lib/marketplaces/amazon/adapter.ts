import type { MarketplaceAdapter } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapAnyOfferChanged } from './map-any-offer-changed';
import { mapOrderChange } from './map-order-change';
import {
  anyOfferChangedNotificationSchema,
  notificationOf,
  notificationTypeSchema,
  orderChangeNotificationSchema,
} from './schema';

/**
 * SP-API notifications forwarded by the seller's relay (EventBridge API destination, or SQS → Lambda
 * → HTTPS) with an API key header: Amazon itself posts to no HTTPS endpoint [doc]. ORDER_CHANGE and
 * ANY_OFFER_CHANGED are mapped; any other well-formed notification is accepted with no events, so the
 * relay does not retry a type the seller subscribed to but we do not use.
 */
export const amazonAdapter: MarketplaceAdapter = {
  marketplace: 'amazon',
  authTypes: ['apikey'],
  parse(body) {
    const notification = notificationOf(body);
    const type = notificationTypeSchema.safeParse(notification);
    if (!type.success) return { ok: false, issues: type.error.issues };

    if (type.data === 'ORDER_CHANGE') {
      const orderChange = orderChangeNotificationSchema.safeParse(notification);
      if (!orderChange.success) return { ok: false, issues: orderChange.error.issues };
      return checkCanonicalEvents(mapOrderChange(orderChange.data));
    }
    if (type.data === 'ANY_OFFER_CHANGED') {
      const offerChange = anyOfferChangedNotificationSchema.safeParse(notification);
      if (!offerChange.success) return { ok: false, issues: offerChange.error.issues };
      return checkCanonicalEvents(mapAnyOfferChanged(offerChange.data));
    }
    return { ok: true, events: [] };
  },
};
