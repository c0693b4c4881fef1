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
import { n11Adapter } from './adapter';
import { N11_PAGE_SIZE_MAX } from './schema';

const FIXTURES = readFixtures(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => fixtureFrom(FIXTURES, name);
const parse = (body: unknown) => eventsOf(n11Adapter, body);
const refuse = (body: unknown) => issuesOf(n11Adapter, body);

describe('N11 packages that parse', () => {
  it('a created package becomes its order and its Created status', () => {
    expect(parse(fixture('package-created.json'))).toEqual([
      {
        type: 'order.created',
        externalId: 'order:230000000123',
        occurredAt: '2026-01-06T10:00:00.000Z',
        order: {
          externalOrderId: '230000000123',
          orderNumber: '204000000001',
          status: 'created',
          marketplaceStatus: 'Created',
          currency: 'TRY',
          customer: { firstname: 'Zeynep', lastname: 'Kaya', email: 'buyer.relay@n11.example', telephone: '5550000001' },
          shippingAddress: {
            firstname: 'Zeynep',
            lastname: 'Kaya',
            company: '',
            address1: 'Ornek Mah. 1. Sok. No:2',
            address2: '',
            city: 'Karsiyaka',
            postcode: '',
            countryCode: 'TR',
            zone: 'Izmir',
          },
          billingAddress: {
            firstname: 'Zeynep',
            lastname: 'Kaya',
            company: '',
            address1: 'Ornek Mah. 1. Sok. No:2',
            address2: '',
            city: 'Karsiyaka',
            postcode: '',
            countryCode: 'TR',
            zone: 'Izmir',
          },
          lines: [
            {
              externalLineId: '510000001',
              sku: 'OC-2002-MUG',
              name: 'Seramik Kupa 350 ml',
              quantity: 1,
              unitPrice: '899.9',
              total: '899.9',
            },
          ],
          shippingTotal: '0',
          total: '899.9',
          placedAt: '2026-01-06T10:00:00.000Z',
        },
      },
      {
        type: 'order.status_changed',
        externalId: 'order:230000000123:status:Created',
        occurredAt: '2026-01-06T10:01:00.000Z',
        externalOrderId: '230000000123',
        status: 'created',
        marketplaceStatus: 'Created',
      },
    ]);
  });

  it('a page yields every package, each with its own order and status', () => {
    const events = parse(fixture('page.json'));
    expect(events.map((event) => [event.type, event.externalId])).toEqual([
      ['order.created', 'order:230000000123'],
      ['order.status_changed', 'order:230000000123:status:Created'],
      ['order.created', 'order:230000000124'],
      ['order.status_changed', 'order:230000000124:status:Shipped'],
    ]);
  });

  it('amounts keep the decimals N11 sent, with no float artefacts, and a line total is its invoice amount', () => {
    const shipped = parse(fixture('page.json'))[2];
    if (shipped?.type !== 'order.created') throw new Error('expected the second order');
    expect(shipped.order.lines.map(({ unitPrice, total }) => ({ unitPrice, total }))).toEqual([
      { unitPrice: '149.95', total: '289.9' },
      { unitPrice: '0.1', total: '0.3' },
    ]);
    expect(shipped.order.total).toBe('290.2');
  });

  it('at a pick-up point the buyer is taken from the billing address and the parcel goes to the point', () => {
    const pickUp = fixture('page.json').content[1];
    pickUp.customerfullName = null;
    const created = parse(pickUp)[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order.customer).toMatchObject({ firstname: 'Ayşe Nur', lastname: 'Yılmaz', telephone: '5550000004' });
    expect(created.order.shippingAddress).toMatchObject({ firstname: 'Kargo Noktasi', lastname: 'Bornova', city: 'Bornova' });
  });

  it.each([
    ['Picking', 'Picking', 'processing'],
    ['Shipped', 'Shipped', 'shipped'],
    ['Delivered', 'Delivered', 'delivered'],
    ['Cancelled', 'Cancelled', 'cancelled'],
    ['Unpacked', 'Unpacked', 'cancelled'],
    ['UnSupplied', 'UnSupplied', 'cancelled'],
    [' Created', 'Created', 'created'],
    ['UNSUPPLIED', 'UnSupplied', 'cancelled'],
  ])('package status %j is keyed as %s and maps to %s', (sent, documented, status) => {
    const pkg = fixture('package-created.json');
    pkg.shipmentPackageStatus = sent;
    expect(parse(pkg)[1]).toEqual({
      type: 'order.status_changed',
      externalId: `order:230000000123:status:${documented}`,
      occurredAt: '2026-01-06T10:01:00.000Z',
      externalOrderId: '230000000123',
      status,
      marketplaceStatus: documented,
    });
  });

  it('an order number too wide for a JSON number is kept digit for digit when sent as a string', () => {
    const pkg = fixture('package-created.json');
    pkg.orderNumber = '20400000000012345';
    pkg.id = '230000000000012345';
    const created = parse(pkg)[0];
    expect(created).toMatchObject({ externalId: 'order:230000000000012345', order: { orderNumber: '20400000000012345' } });
  });
});

describe('N11 events and redelivery', () => {
  it('every fixture yields events that pass the canonical schema unchanged', () => {
    for (const [name, body] of FIXTURES) {
      const events = parse(body);
      expect(events.length, name).toBeGreaterThan(0);
      for (const event of events) expect(canonicalEventSchema.parse(event)).toEqual(event);
    }
  });

  it('the same payload yields the same events, whenever it arrives', () => {
    for (const [name, body] of FIXTURES) {
      const first = eventsOf(n11Adapter, structuredClone(body), pushRequest(new Date('2026-01-07T10:00:00Z')));
      const again = eventsOf(n11Adapter, structuredClone(body), pushRequest(new Date('2026-02-01T00:00:00Z')));
      expect(again, name).toEqual(first);
    }
  });

  it('a package listed on two overlapping pages yields its events once', () => {
    const page = fixture('page.json');
    page.content.push(structuredClone(page.content[0]));
    expect(parse(page)).toHaveLength(4);
  });

  it('a later status of the same package makes one new status key and repeats the order key', () => {
    const created = parse(fixture('package-created.json')).map((event) => event.externalId);
    const shipped = fixture('package-created.json');
    shipped.shipmentPackageStatus = 'Shipped';
    expect(parse(shipped).map((event) => event.externalId)).toEqual([created[0], 'order:230000000123:status:Shipped']);
  });
});

describe('N11 pushes that are refused', () => {
  it.each(UNREADABLE_BODIES)('a body of %j is refused with issues', (body) => {
    expect(refuse(body).length).toBeGreaterThan(0);
  });

  it.each([
    ['no package id', (pkg: Json) => delete pkg.id],
    ['no lines', (pkg: Json) => (pkg.lines = [])],
    ['a line without a stock code', (pkg: Json) => delete pkg.lines[0].stockCode],
    ['a price sent as text', (pkg: Json) => (pkg.lines[0].price = '899,90')],
    ['an amount with float noise', (pkg: Json) => (pkg.totalAmount = 0.1 + 0.2)],
    ['a quantity of zero', (pkg: Json) => (pkg.lines[0].quantity = 0)],
    ['a fractional quantity', (pkg: Json) => (pkg.lines[0].quantity = 1.5)],
    ['a date as text', (pkg: Json) => (pkg.lastModifiedDate = '06-01-2026 10:01:00')],
    ['an id past 2^53', (pkg: Json) => (pkg.id = 2 ** 53 + 2)],
    ['an unknown status', (pkg: Json) => (pkg.shipmentPackageStatus = 'Returned')],
    ['an address without a city', (pkg: Json) => delete pkg.shippingAddress.city],
    ['an email longer than OpenCart keeps', (pkg: Json) => (pkg.customerEmail = `${'x'.repeat(90)}@n11.example`)],
  ])('a package with %s is refused with issues', (_, spoil) => {
    const pkg = fixture('package-created.json');
    spoil(pkg);
    expect(refuse(pkg).length).toBeGreaterThan(0);
  });

  it('a page longer than N11 ever answers is refused without reading its packages', () => {
    const page = fixture('page.json');
    page.content = Array.from({ length: 100_000 }, () => page.content[0]);
    expect(refuse(page)).toEqual([expect.objectContaining({ code: 'too_big', maximum: N11_PAGE_SIZE_MAX, path: ['content'] })]);
  });

  it('a package with a huge line list is refused', () => {
    const pkg = fixture('package-created.json');
    pkg.lines = Array.from({ length: 50_000 }, () => pkg.lines[0]);
    expect(refuse(pkg).length).toBeGreaterThan(0);
  });

  it('issues point at the field that is wrong', () => {
    const page = fixture('page.json');
    page.content[1].lines[1].sellerInvoiceAmount = 'free';
    expect(refuse(page)).toEqual([
      expect.objectContaining({ path: ['content', 1, 'lines', 1, 'sellerInvoiceAmount'] }),
    ]);
  });
});

describe('N11 text is data', () => {
  it('SQL-looking text and emoji reach the events unchanged', () => {
    const created = parse(fixture('page.json'))[2];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order.shippingAddress.address1).toBe("Test Sk. No:3 '; DROP TABLE oc_order; --");
    expect(created.order.billingAddress.address1).toBe('Cicek Mah. 🌷 Sk. No:5');
    expect(created.order.lines[0]?.name).toBe("Bardak Seti 6'li 🍵");
  });

  it('an address longer than OpenCart keeps is cut to fit without splitting an emoji', () => {
    const pkg = fixture('package-created.json');
    pkg.shippingAddress.address = `${'a'.repeat(127)}🌷 and more`;
    const created = parse(pkg)[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order.shippingAddress.address1).toBe('a'.repeat(127));
  });
});
