import { describe, expect, it } from 'vitest';
import { canonicalEventSchema } from '@/lib/webhooks/canonical-events';
import {
  eventsOf,
  fixtureFrom,
  issuesOf,
  pushRequest,
  readFixtures,
  UNREADABLE_BODIES,
  type Json,
} from '../shared/adapter-test-support';
import { pazaramaAdapter } from './adapter';
import { PAZARAMA_PAGE_SIZE_MAX } from './schema';

const FIXTURES = readFixtures(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => fixtureFrom(FIXTURES, name);
const RECEIVED_AT = '2026-01-07T10:00:00.000Z';
const parse = (body: unknown) => eventsOf(pazaramaAdapter, body, pushRequest(new Date(RECEIVED_AT)));
const refuse = (body: unknown) => issuesOf(pazaramaAdapter, body);
const SHIPPED_LINE = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';
const UNSUPPLIED_LINE = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';

/** The second order of the list: one line shipped (5), one not supplied (13). */
const twoLineOrder = () => fixture('orders-response.json').data[1];

describe('Pazarama orders that parse', () => {
  it('a received order becomes its order, dated in Turkish time, and its line status', () => {
    const address = {
      firstname: 'Ali',
      lastname: 'Veli',
      company: '',
      address1: 'Deneme Sk. No:7',
      city: 'Nilufer',
      postcode: '',
      countryCode: 'TR',
      zone: 'Bursa',
    };
    expect(parse(fixture('order-received.json'))).toEqual([
      {
        type: 'order.created',
        externalId: 'order:512345678',
        occurredAt: '2026-01-06T14:20:00+03:00',
        order: {
          externalOrderId: '512345678',
          orderNumber: '',
          status: 'created',
          marketplaceStatus: '3',
          currency: 'TRY',
          customer: { firstname: 'Ali', lastname: 'Veli', email: 'relay-ali@pazarama.example', telephone: '05550000002' },
          shippingAddress: { ...address, address2: 'Ornek Mah' },
          billingAddress: { ...address, address2: '' },
          lines: [
            {
              externalLineId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
              sku: '8690000000048',
              name: 'Cam Sise 1 L',
              quantity: 1,
              unitPrice: '349.9',
              total: '349.9',
            },
          ],
          shippingTotal: '0',
          total: '349.9',
          placedAt: '2026-01-06T14:20:00+03:00',
        },
      },
      {
        type: 'order.status_changed',
        externalId: 'order:512345678:line:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b:status:3',
        occurredAt: RECEIVED_AT,
        externalOrderId: '512345678',
        status: 'created',
        marketplaceStatus: '3',
      },
    ]);
  });

  it('the wrapped list yields every order with one status event per line', () => {
    expect(parse(fixture('orders-response.json')).map((event) => [event.type, event.externalId])).toEqual([
      ['order.created', 'order:512345678'],
      ['order.status_changed', 'order:512345678:line:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b:status:3'],
      ['order.created', 'order:512345679'],
      ['order.status_changed', `order:512345679:line:${SHIPPED_LINE}:status:5`],
      ['order.status_changed', `order:512345679:line:${UNSUPPLIED_LINE}:status:13`],
    ]);
  });

  it('an order with a shipped and an unsupplied line counts as shipped, and every line event says so', () => {
    const events = parse(twoLineOrder());
    expect(events[0]).toMatchObject({ order: { status: 'shipped', marketplaceStatus: '13,5' } });
    for (const event of events.slice(1)) expect(event).toMatchObject({ status: 'shipped', marketplaceStatus: '13,5' });
  });

  it('money is read from `value`, never from the comma-decimal `valueString`, and the lira becomes TRY', () => {
    const order = twoLineOrder();
    order.items[0].salePrice.valueString = '1.234,56 TL';
    const created = parse(order)[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order).toMatchObject({ currency: 'TRY', shippingTotal: '29.99', total: '1029.89' });
    expect(created.order.lines.map(({ unitPrice, total }) => ({ unitPrice, total }))).toEqual([
      { unitPrice: '499.95', total: '999.9' },
      { unitPrice: '0.1', total: '0.1' },
    ]);
    expect(created.order.billingAddress.company).toBe('Ornek Ticaret A.S.');
  });

  it.each([
    [3, 'created'],
    [12, 'processing'],
    [13, 'cancelled'],
    [5, 'shipped'],
    [11, 'delivered'],
    [14, 'undelivered'],
    [7, 'delivered'],
    [8, 'returned'],
    [9, 'delivered'],
    [10, 'returned'],
  ])('line status %i maps to %s', (code, status) => {
    const order = fixture('order-received.json');
    order.items[0].orderItemStatus = code;
    expect(parse(order)[1]).toMatchObject({ status, marketplaceStatus: String(code) });
  });

  it('an order whose every line is unsupplied is cancelled', () => {
    const order = twoLineOrder();
    order.items[0].orderItemStatus = 13;
    expect(parse(order)[0]).toMatchObject({ order: { status: 'cancelled', marketplaceStatus: '13' } });
  });

  it('a billing address without a person is billed to the customer, at the company it names', () => {
    const order = twoLineOrder();
    order.billingAddress.nameSurname = null;
    expect(parse(order)[0]).toMatchObject({
      order: { billingAddress: { firstname: 'Çağrı', lastname: 'Öztürk', company: 'Ornek Ticaret A.S.' } },
    });
  });

  it('an order date with seconds or a T separator reads the same way', () => {
    const order = fixture('order-received.json');
    order.orderDate = '2026-01-06T14:20:45';
    expect(parse(order)[0]).toMatchObject({ occurredAt: '2026-01-06T14:20:45+03:00' });
  });
});

describe('Pazarama events and redelivery', () => {
  it('every fixture yields events that pass the canonical schema unchanged', () => {
    for (const [name, body] of FIXTURES) {
      const events = parse(body);
      expect(events.length, name).toBeGreaterThan(0);
      for (const event of events) expect(canonicalEventSchema.parse(event)).toEqual(event);
    }
  });

  it('the same payload yields the same keys whenever it arrives; only the status date is the arrival', () => {
    for (const [name, body] of FIXTURES) {
      const first = eventsOf(pazaramaAdapter, structuredClone(body), pushRequest(new Date('2026-01-07T10:00:00Z')));
      const again = eventsOf(pazaramaAdapter, structuredClone(body), pushRequest(new Date('2026-02-01T00:00:00Z')));
      expect(again.map((event) => event.externalId), name).toEqual(first.map((event) => event.externalId));
      expect(again.filter((event) => event.type === 'order.created'), name).toEqual(
        first.filter((event) => event.type === 'order.created'),
      );
    }
  });

  it('a line that moves makes exactly one new key; the rest repeat', () => {
    const before = new Set(parse(twoLineOrder()).map((event) => event.externalId));
    const delivered = twoLineOrder();
    delivered.items[0].orderItemStatus = 11;
    const fresh = parse(delivered).filter((event) => !before.has(event.externalId));
    expect(fresh).toEqual([expect.objectContaining({ externalId: `order:512345679:line:${SHIPPED_LINE}:status:11`, status: 'delivered' })]);
  });
});

describe('Pazarama pushes that are refused', () => {
  it.each(UNREADABLE_BODIES)('a body of %j is refused with issues', (body) => {
    expect(refuse(body).length).toBeGreaterThan(0);
  });

  it('a failed API answer relayed as if it were orders is refused', () => {
    expect(refuse({ data: [], success: false, messageCode: 'ORD1', message: 'Hata' }).length).toBeGreaterThan(0);
    expect(refuse({ data: null, success: true }).length).toBeGreaterThan(0);
  });

  it.each([
    ['no order number', (order: Json) => delete order.orderNumber],
    ['no items', (order: Json) => (order.items = [])],
    ['a price object without a value', (order: Json) => delete order.items[0].salePrice.value],
    ['a price given only as text', (order: Json) => (order.items[0].totalPrice = { valueString: '349,90 TL' })],
    ['a value with more than four decimals', (order: Json) => (order.orderAmount = 349.90001)],
    ['an unknown line status', (order: Json) => (order.items[0].orderItemStatus = 99)],
    ['a line status as text', (order: Json) => (order.items[0].orderItemStatus = 'Kargoda')],
    ['a date in the wrong format', (order: Json) => (order.orderDate = '06.01.2026 14:20')],
    ['a date that does not exist', (order: Json) => (order.orderDate = '2026-02-30 14:20')],
    ['a product without a barcode', (order: Json) => delete order.items[0].product.code],
    ['a currency that is not one', (order: Json) => (order.currency = 'Lira')],
  ])('an order with %s is refused with issues', (_, spoil) => {
    const order = fixture('order-received.json');
    spoil(order);
    expect(refuse(order).length).toBeGreaterThan(0);
  });

  it('a list longer than a page is refused without reading its orders', () => {
    const response = fixture('orders-response.json');
    response.data = Array.from({ length: 100_000 }, () => response.data[0]);
    expect(refuse(response)).toEqual([
      expect.objectContaining({ code: 'too_big', maximum: PAZARAMA_PAGE_SIZE_MAX, path: ['data'] }),
    ]);
  });
});

describe('Pazarama text is data', () => {
  it('SQL-looking text, emoji and Turkish letters reach the events unchanged', () => {
    const created = parse(twoLineOrder())[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order.lines[1]?.name).toBe("Robert'); DROP TABLE oc_order_product;-- 🎁");
    expect(created.order.customer).toMatchObject({ firstname: 'Çağrı', lastname: 'Öztürk' });
    expect(created.order.shippingAddress.address1).toBe('Rıhtım Cd. No:12 D:4');
  });
});
