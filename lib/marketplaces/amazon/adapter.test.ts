import { describe, expect, it } from 'vitest';
import { canonicalEventSchema } from '@/lib/webhooks/canonical-events';
import {
  eventsOf,
  fixtureFrom,
  issuesOf,
  readFixtures,
  UNREADABLE_BODIES,
  type Json,
} from '../shared/adapter-test-support';
import { amazonAdapter } from './adapter';
import { AMAZON_OFFERS_MAX } from './schema';

const FIXTURES = readFixtures(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => fixtureFrom(FIXTURES, name);
const parse = (body: unknown) => eventsOf(amazonAdapter, body);
const refuse = (body: unknown) => issuesOf(amazonAdapter, body);

/** The notification as an EventBridge event carries it, in `detail`. */
const overEventBridge = (notification: Json) => ({
  version: '0',
  id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  'detail-type': notification.NotificationType ?? notification.notificationType,
  source: 'aws.partner/sellingpartnerapi.amazon/amzn1.sellerapps.app.00000000-1111-2222-3333-444444444444',
  account: '111122223333',
  time: '2026-01-07T08:30:02Z',
  region: 'eu-west-1',
  resources: [],
  detail: notification,
});

const IGNORED = ['listings-item-status-change.json', 'pricing-health.json', 'fba-inventory-availability-changes.json'];

describe('Amazon ORDER_CHANGE', () => {
  it('an Unshipped order change becomes a processing status change keyed by its NotificationId', () => {
    expect(parse(fixture('order-change-unshipped.json'))).toEqual([
      {
        type: 'order.status_changed',
        externalId: 'notification:0f1e2d3c-4b5a-4697-8877-665544332211',
        occurredAt: '2026-01-06T11:00:01.000Z',
        externalOrderId: '402-1234567-7654321',
        status: 'processing',
        marketplaceStatus: 'Unshipped',
      },
    ]);
  });

  it.each([
    ['order-change-pending.json', 'Pending', 'created'],
    ['order-change-shipped.json', 'Shipped', 'shipped'],
    ['order-change-canceled.json', 'Canceled', 'cancelled'],
  ])('%s becomes a %s → %s status change and never an order', (name, marketplaceStatus, status) => {
    const events = parse(fixture(name));
    expect(events).toEqual([
      expect.objectContaining({ type: 'order.status_changed', externalOrderId: '402-1234567-7654321', status, marketplaceStatus }),
    ]);
  });

  it.each([
    ['PendingAvailability', 'created'],
    ['PartiallyShipped', 'processing'],
    ['InvoiceUnconfirmed', 'shipped'],
    ['Unfulfillable', 'cancelled'],
  ])('order status %s maps to %s', (marketplaceStatus, status) => {
    const notification = fixture('order-change-unshipped.json');
    notification.Payload.OrderChangeNotification.Summary.OrderStatus = marketplaceStatus;
    expect(parse(notification)).toEqual([expect.objectContaining({ status, marketplaceStatus })]);
  });

  it('the change is dated when the order changed, not when Amazon published it', () => {
    expect(parse(fixture('order-change-shipped.json'))[0]?.occurredAt).toBe('2026-01-07T08:30:00.000Z');
  });
});

describe('Amazon ANY_OFFER_CHANGED', () => {
  it('offers become landed prices per seller, with the buy-box winner flagged and the currency from the payload', () => {
    expect(parse(fixture('any-offer-changed-buy-box.json'))).toEqual([
      {
        type: 'price.observed',
        externalId: 'notification:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c6e',
        occurredAt: '2026-01-06T12:29:58.000Z',
        sku: 'B0EXAMPLE01',
        prices: [
          { seller: 'A2COMPETITORONE', price: '489.9', currency: 'TRY', isBuyBoxWinner: true },
          { seller: 'A1EXAMPLESELLER', price: '524.9', currency: 'TRY', isBuyBoxWinner: false },
          { seller: 'A3COMPETITORTWO', price: '509.89', currency: 'TRY', isBuyBoxWinner: false },
        ],
      },
    ]);
  });

  it('an offer without a buy-box flag is not the winner', () => {
    expect(parse(fixture('any-offer-changed.json'))).toEqual([
      expect.objectContaining({
        sku: 'B0EXAMPLE01',
        prices: [{ seller: 'A1EXAMPLESELLER', price: '524.9', currency: 'TRY', isBuyBoxWinner: false }],
      }),
    ]);
  });

  it('prices in another currency keep it', () => {
    const notification = fixture('any-offer-changed.json');
    const [offer] = notification.Payload.AnyOfferChangedNotification.Offers;
    offer.ListingPrice = { Amount: 19.99, CurrencyCode: 'EUR' };
    offer.Shipping = { Amount: 4.5, CurrencyCode: 'EUR' };
    expect(parse(notification)[0]).toMatchObject({ prices: [{ price: '24.49', currency: 'EUR' }] });
  });

  it('a change to used offers, or one with no offers left, yields no event', () => {
    const used = fixture('any-offer-changed.json');
    used.Payload.AnyOfferChangedNotification.OfferChangeTrigger.ItemCondition = 'used';
    expect(parse(used)).toEqual([]);
    const empty = fixture('any-offer-changed.json');
    empty.Payload.AnyOfferChangedNotification.Offers = [];
    expect(parse(empty)).toEqual([]);
  });
});

describe('Amazon notifications of other types', () => {
  it.each(IGNORED)('%s is accepted with no events, so the relay does not retry it', (name) => {
    expect(parse(fixture(name))).toEqual([]);
  });

  it('an unknown future type is accepted with no events', () => {
    expect(parse({ NotificationType: 'SOMETHING_NEW', Payload: {} })).toEqual([]);
  });
});

describe('Amazon notifications through EventBridge', () => {
  it('the EventBridge-wrapped fixture yields what the bare notification does', () => {
    const wrapped = fixture('eventbridge-order-change-shipped.json');
    expect(parse(wrapped)).toEqual(parse(wrapped.detail));
    expect(parse(wrapped)).toEqual([expect.objectContaining({ status: 'shipped' })]);
  });

  it('every fixture yields the same events bare and wrapped', () => {
    for (const [name, body] of FIXTURES) {
      if (name.startsWith('eventbridge-')) continue;
      expect(parse(overEventBridge(structuredClone(body))), name).toEqual(parse(structuredClone(body)));
    }
  });

  it('an EventBridge event without a notification in it is refused', () => {
    const wrapped = fixture('eventbridge-order-change-shipped.json');
    delete wrapped.detail;
    expect(refuse(wrapped).length).toBeGreaterThan(0);
  });
});

describe('Amazon events and redelivery', () => {
  it('every fixture yields events that pass the canonical schema unchanged', () => {
    for (const [, body] of FIXTURES) {
      for (const event of parse(body)) expect(canonicalEventSchema.parse(event)).toEqual(event);
    }
  });

  it('a redelivered notification yields the same events; another notification of the same change, a new key', () => {
    for (const [name, body] of FIXTURES) expect(parse(structuredClone(body)), name).toEqual(parse(structuredClone(body)));
    const again = fixture('order-change-unshipped.json');
    again.NotificationMetadata.NotificationId = 'ffffffff-4b5a-4697-8877-665544332211';
    expect(parse(again)[0]?.externalId).toBe('notification:ffffffff-4b5a-4697-8877-665544332211');
  });
});

describe('Amazon pushes that are refused', () => {
  it.each(UNREADABLE_BODIES)('a body of %j is refused with issues', (body) => {
    expect(refuse(body).length).toBeGreaterThan(0);
  });

  it.each([
    ['no NotificationId', (n: Json) => delete n.NotificationMetadata.NotificationId],
    ['no NotificationMetadata', (n: Json) => delete n.NotificationMetadata],
    ['no AmazonOrderId', (n: Json) => delete n.Payload.OrderChangeNotification.AmazonOrderId],
    ['an unknown OrderStatus', (n: Json) => (n.Payload.OrderChangeNotification.Summary.OrderStatus = 'Lost')],
    ['a change time without a zone', (n: Json) => (n.Payload.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange = '2026-01-06 11:00')],
    ['a NotificationType that is not text', (n: Json) => (n.NotificationType = 7)],
  ])('an ORDER_CHANGE with %s is refused with issues', (_, spoil) => {
    const notification = fixture('order-change-unshipped.json');
    spoil(notification);
    expect(refuse(notification).length).toBeGreaterThan(0);
  });

  it.each([
    ['an Amount as text', (o: Json) => (o.ListingPrice.Amount = '524.90')],
    ['an Amount with float noise', (o: Json) => (o.ListingPrice.Amount = 0.1 + 0.2)],
    ['an Amount that is not finite', (o: Json) => (o.ListingPrice.Amount = Number.MAX_VALUE * 10)],
    ['no SellerId', (o: Json) => delete o.SellerId],
    ['a CurrencyCode that is not ISO', (o: Json) => (o.ListingPrice.CurrencyCode = 'TL')],
    ['shipping in another currency', (o: Json) => (o.Shipping.CurrencyCode = 'EUR')],
  ])('an ANY_OFFER_CHANGED offer with %s is refused with issues', (_, spoil) => {
    const notification = fixture('any-offer-changed.json');
    spoil(notification.Payload.AnyOfferChangedNotification.Offers[0]);
    expect(refuse(notification).length).toBeGreaterThan(0);
  });

  it('a huge offer list is refused without reading its offers', () => {
    const notification = fixture('any-offer-changed.json');
    const change = notification.Payload.AnyOfferChangedNotification;
    change.Offers = Array.from({ length: 100_000 }, () => change.Offers[0]);
    expect(refuse(notification)).toEqual([
      expect.objectContaining({
        code: 'too_big',
        maximum: AMAZON_OFFERS_MAX,
        path: ['Payload', 'AnyOfferChangedNotification', 'Offers'],
      }),
    ]);
  });
});

describe('Amazon text is data', () => {
  it('SQL-looking and emoji ids reach the events unchanged', () => {
    const change = fixture('order-change-unshipped.json');
    change.Payload.OrderChangeNotification.AmazonOrderId = "402-1'; DROP TABLE oc_order;--";
    expect(parse(change)[0]).toMatchObject({ externalOrderId: "402-1'; DROP TABLE oc_order;--" });
    const offers = fixture('any-offer-changed.json');
    offers.Payload.AnyOfferChangedNotification.Offers[0].SellerId = 'SELLER 🛒 " OR 1=1';
    expect(parse(offers)[0]).toMatchObject({ prices: [expect.objectContaining({ seller: 'SELLER 🛒 " OR 1=1' })] });
  });
});
