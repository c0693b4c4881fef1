import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { ParseResult, WebhookRequest } from '../adapter';
import { hepsiburadaAdapter } from './adapter';

type Json = Record<string, any>;
type Route = Pick<WebhookRequest, 'method' | 'pathTail'>;

const FIXTURES = new URL('./fixtures/', import.meta.url);
const PACKAGE = '5000031611';
const LINE = 'a1b2c3d4-0000-4e5f-8a9b-0123456789ab';

/** Each fixture with the route Hepsiburada calls it on. */
const ROUTES: Record<string, Route> = {
  'post-orders.json': { method: 'POST', pathTail: ['orders'] },
  'post-packages.json': { method: 'POST', pathTail: ['packages'] },
  'post-packages-two-orders.json': { method: 'POST', pathTail: ['packages'] },
  'put-lineitems-cancel.json': { method: 'PUT', pathTail: ['lineitems', LINE, 'cancel'] },
  'put-packages-unpack.json': { method: 'PUT', pathTail: ['packages', PACKAGE, 'unpack'] },
  'put-packages-intransit.json': { method: 'PUT', pathTail: ['packages', PACKAGE, 'intransit'] },
  'put-packages-deliver.json': { method: 'PUT', pathTail: ['packages', PACKAGE, 'deliver'] },
  'put-packages-undeliver.json': { method: 'PUT', pathTail: ['packages', PACKAGE, 'undeliver'] },
  'put-orders-shippingaddress.json': { method: 'PUT', pathTail: ['orders', '4100123456', 'shippingaddress'] },
};

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

function parse(body: unknown, route: Route): ParseResult {
  return hepsiburadaAdapter.parse(body, { ...route, headers: {}, rawBody: '', receivedAt: new Date('2026-01-06T10:20:00Z') });
}

function parseFixture(name: string): ParseResult {
  const route = ROUTES[name];
  if (!route) throw new Error(`no route for ${name}`);
  return parse(fixture(name), route);
}

function eventsOf(result: ParseResult): CanonicalEvent[] {
  if (!result.ok) throw new Error(`expected the push to parse: ${JSON.stringify(result.issues)}`);
  return result.events;
}

function issuesOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the push to be refused');
  return result.issues;
}

function orderOf(events: CanonicalEvent[]) {
  const created = events.find((event) => event.type === 'order.created');
  if (created?.type !== 'order.created') throw new Error('expected an order.created event');
  return created.order;
}

describe('Hepsiburada pushes that parse', () => {
  it('a package becomes its order and its Packaged status', () => {
    expect(eventsOf(parseFixture('post-packages.json'))).toEqual([
      {
        type: 'order.created',
        externalId: 'order:5000031611',
        occurredAt: '2026-01-06T13:05:12.123+03:00',
        order: {
          externalOrderId: '5000031611',
          orderNumber: '4100123456',
          status: 'created',
          marketplaceStatus: 'Packaged',
          currency: 'TRY',
          customer: { firstname: 'Mehmet', lastname: 'Demir', email: 'relay-123@hepsiburada.example', telephone: '5550000000' },
          shippingAddress: {
            firstname: 'Mehmet',
            lastname: 'Demir',
            company: '',
            address1: 'Ornek Mah. Deneme Cad. No:10 Cankaya Ankara',
            address2: '',
            city: 'Cankaya',
            postcode: '',
            countryCode: 'TR',
            zone: 'Ankara',
          },
          billingAddress: {
            firstname: 'Mehmet',
            lastname: 'Demir',
            company: '',
            address1: 'Ornek Mah. Deneme Cad. No:10 Cankaya Ankara',
            address2: '',
            city: 'Cankaya',
            postcode: '06000',
            countryCode: 'TR',
            zone: 'Ankara',
          },
          lines: [
            {
              externalLineId: LINE,
              sku: 'OC-1001-RED-M',
              name: 'Pamuk Tisort Kirmizi M',
              quantity: 2,
              unitPrice: '524.9',
              total: '1049.8',
            },
          ],
          shippingTotal: '0',
          total: '1049.8',
          placedAt: '2026-01-06T13:05:12.123+03:00',
        },
      },
      {
        type: 'order.status_changed',
        externalId: 'status:5000031611:Packaged',
        occurredAt: '2026-01-06T13:05:12.123+03:00',
        externalOrderId: '5000031611',
        status: 'created',
        marketplaceStatus: 'Packaged',
      },
    ]);
  });

  it('an in-transit push reports the package shipped, keyed by package, status and shipping time', () => {
    expect(eventsOf(parseFixture('put-packages-intransit.json'))).toEqual([
      {
        type: 'order.status_changed',
        externalId: 'status:5000031611:InTransit:2026-01-07T10:14:17.707Z',
        occurredAt: '2026-01-07T10:14:17.707Z',
        externalOrderId: '5000031611',
        status: 'shipped',
        marketplaceStatus: 'InTransit',
      },
    ]);
  });

  it.each([
    ['put-packages-deliver.json', 'delivered', 'Delivered', '2026-01-08T11:13:30.230Z'],
    ['put-packages-undeliver.json', 'undelivered', 'Undelivered', '2026-01-08T11:13:30.230Z'],
    ['put-packages-unpack.json', 'cancelled', 'Unpacked', '2026-01-06T15:00:11.298Z'],
  ])('%s reports the package %s', (name, status, marketplaceStatus, occurredAt) => {
    expect(eventsOf(parseFixture(name))).toEqual([
      {
        type: 'order.status_changed',
        externalId: `status:${PACKAGE}:${marketplaceStatus}:${occurredAt}`,
        occurredAt,
        externalOrderId: PACKAGE,
        status,
        marketplaceStatus,
      },
    ]);
  });

  it.each(['post-orders.json', 'put-lineitems-cancel.json', 'put-orders-shippingaddress.json'])(
    '%s is checked and accepted with nothing to import',
    (name) => {
      expect(eventsOf(parseFixture(name))).toEqual([]);
    },
  );

  it.each(Object.keys(ROUTES))('%s gives events that pass the canonical schema again unchanged', (name) => {
    for (const event of eventsOf(parseFixture(name))) {
      expect(canonicalEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it.each(Object.keys(ROUTES))('%s gives the same externalIds every time it is delivered', (name) => {
    const ids = () => eventsOf(parseFixture(name)).map((event) => event.externalId);
    expect(ids()).toEqual(ids());
  });

  it('every status of one package is a separate fact on the same order', () => {
    const names = ['post-packages.json', 'put-packages-intransit.json', 'put-packages-undeliver.json', 'put-packages-deliver.json'];
    const statusEvents = names.flatMap((name) => eventsOf(parseFixture(name)).filter((event) => event.type === 'order.status_changed'));
    expect(new Set(statusEvents.map((event) => event.type === 'order.status_changed' && event.externalOrderId))).toEqual(new Set([PACKAGE]));
    expect(new Set(statusEvents.map((event) => event.externalId)).size).toBe(names.length);
  });

  it('a second failed delivery on another day is a new fact, a redelivery of the first is not', () => {
    const route = ROUTES['put-packages-undeliver.json'] as Route;
    const first = eventsOf(parse(fixture('put-packages-undeliver.json'), route))[0]?.externalId;
    const again = eventsOf(parse(fixture('put-packages-undeliver.json'), route))[0]?.externalId;
    const nextDay = eventsOf(parse({ ...fixture('put-packages-undeliver.json'), undeliveredDate: '2026-01-09T10:00:00Z' }, route))[0]?.externalId;
    expect(again).toBe(first);
    expect(nextDay).not.toBe(first);
  });

  it('a package with lines of two orders names both, matches by merchantSku or else HBSKU, and totals exactly', () => {
    const order = orderOf(eventsOf(parseFixture('post-packages-two-orders.json')));
    expect(order.orderNumber).toBe('4100123500, 4100123501');
    expect(order.lines.map(({ sku, name, unitPrice, total }) => ({ sku, name, unitPrice, total }))).toEqual([
      { sku: 'OC-1002-BLU-L', name: 'Pamuk Tisort Mavi L', unitPrice: '199.9', total: '199.9' },
      { sku: 'HBV000099ZZZZ', name: 'HBV000099ZZZZ', unitPrice: '0.1', total: '0.3' },
    ]);
    expect(order.total).toBe('200.2');
    expect(order.placedAt).toBe('2026-01-07T09:30:00.000Z');
  });

  it('a company buyer’s tax invoice keeps its company and its own billing address', () => {
    const order = orderOf(eventsOf(parseFixture('post-packages-two-orders.json')));
    expect(order.billingAddress).toEqual({
      firstname: 'Zeynep',
      lastname: 'Kaya',
      company: 'Kaya Tekstil Ltd.',
      address1: 'Sanayi Sok. No:7 Ikitelli Basaksehir Istanbul',
      address2: '',
      city: 'Basaksehir',
      postcode: '34490',
      countryCode: 'TR',
      zone: 'Istanbul',
    });
  });

  it.each([
    ['2026-01-06T13:05:12.1234567', '2026-01-06T13:05:12.123+03:00'],
    ['2026-01-06T13:05:12', '2026-01-06T13:05:12.000+03:00'],
    ['2026-01-06 13:05', '2026-01-06T13:05:00.000+03:00'],
    ['2026-01-06T10:05:12.5Z', '2026-01-06T10:05:12.500Z'],
    ['2026-01-06T13:05:12+0300', '2026-01-06T13:05:12.000+03:00'],
  ])('the time %s, however serialised, is read as %s', (sent, read) => {
    const events = eventsOf(parse({ ...fixture('put-packages-intransit.json'), shippedDate: sent }, ROUTES['put-packages-intransit.json'] as Route));
    expect(events[0]?.occurredAt).toBe(read);
  });

  it('route words match without case, and a trailing slash changes nothing', () => {
    const body = fixture('put-packages-deliver.json');
    const expected = eventsOf(parseFixture('put-packages-deliver.json'));
    expect(eventsOf(parse(body, { method: 'PUT', pathTail: ['Packages', PACKAGE, 'Deliver'] }))).toEqual(expected);
    expect(eventsOf(parse(body, { method: 'PUT', pathTail: ['packages', PACKAGE, 'deliver', ''] }))).toEqual(expected);
  });

  it('a package status body without its package number takes it from the URL', () => {
    const { packageNumber: _fromUrl, ...body } = fixture('put-packages-intransit.json');
    expect(eventsOf(parse(body, ROUTES['put-packages-intransit.json'] as Route))).toEqual(eventsOf(parseFixture('put-packages-intransit.json')));
  });

  it('a cancel whose isUnpackedLine is quoted, as the published example does, is accepted', () => {
    const result = parse({ ...fixture('put-lineitems-cancel.json'), isUnpackedLine: 'false' }, ROUTES['put-lineitems-cancel.json'] as Route);
    expect(result).toEqual({ ok: true, events: [] });
  });

  it('an order line written merchantSKU, as one transcription spells it, is accepted', () => {
    const body = fixture('post-orders.json');
    body.items[0].merchantSKU = body.items[0].merchantSku;
    delete body.items[0].merchantSku;
    expect(parse(body, ROUTES['post-orders.json'] as Route).ok).toBe(true);
  });
});

describe('Hepsiburada pushes that are refused', () => {
  it.each([
    ['a resource Hepsiburada never calls', { method: 'POST', pathTail: ['claims'] }],
    ['no path at all', { method: 'POST', pathTail: [] }],
    ['a PUT on the create route', { method: 'PUT', pathTail: ['orders'] }],
    ['a POST on a status route', { method: 'POST', pathTail: ['packages', PACKAGE, 'deliver'] }],
    ['an unknown package action', { method: 'PUT', pathTail: ['packages', PACKAGE, 'explode'] }],
    ['a status route without a package number', { method: 'PUT', pathTail: ['packages', '', 'deliver'] }],
  ] as const)('a push to %s is refused with an issue naming the route', (_case, route) => {
    const issues = issuesOf(parse(fixture('put-packages-deliver.json'), { method: route.method, pathTail: [...route.pathTail] }));
    expect(issues[0]?.message).toMatch(/no Hepsiburada webhook/);
  });

  it('a status body about another package than its URL is refused', () => {
    const issues = issuesOf(parse({ ...fixture('put-packages-deliver.json'), packageNumber: '999' }, ROUTES['put-packages-deliver.json'] as Route));
    expect(issues[0]?.path).toEqual(['packageNumber']);
  });

  it('a cancel about another line than its URL is refused', () => {
    const issues = issuesOf(parse(fixture('put-lineitems-cancel.json'), { method: 'PUT', pathTail: ['lineitems', 'other-line', 'cancel'] }));
    expect(issues[0]?.path).toEqual(['id']);
  });

  it.each([
    ['no package number', (body: Json) => delete body.packageNumber, 'packageNumber'],
    ['no items', (body: Json) => delete body.items, 'items'],
    ['an empty item list', (body: Json) => (body.items = []), 'items'],
    ['an item without a price', (body: Json) => delete body.items[0].price, 'price'],
    ['a price as a bare number', (body: Json) => (body.items[0].price = 524.9), 'price'],
    ['an amount sent as a string', (body: Json) => (body.items[0].price.amount = '524.90'), 'amount'],
    ['a quantity sent as a string', (body: Json) => (body.items[0].quantity = '2'), 'quantity'],
    ['an amount with a float artefact', (body: Json) => (body.items[0].price.amount = 0.1 + 0.2), 'amount'],
    ['no SKU of either kind', (body: Json) => (delete body.items[0].merchantSku, delete body.items[0].hbSku), 'merchantSku'],
    ['two currencies in one package', (body: Json) => (body.items[0].totalPrice.currency = 'EUR'), 'items'],
    ['a date that does not exist', (body: Json) => (body.orderDate = '2026-02-30T10:00:00'), 'orderDate'],
    ['a date as epoch ms', (body: Json) => (body.orderDate = 1767693600000), 'orderDate'],
    ['no street', (body: Json) => delete body.shippingAddressDetail, 'shippingAddressDetail'],
  ])('a package with %s is refused with an issue at that field', (_case, damage, field) => {
    const body = fixture('post-packages.json');
    damage(body);
    expect(issuesOf(parse(body, ROUTES['post-packages.json'] as Route)).some((issue) => issue.path.includes(field))).toBe(true);
  });

  it.each([
    ['put-packages-intransit.json', 'shippedDate'],
    ['put-packages-deliver.json', 'receivedDate'],
    ['put-packages-undeliver.json', 'undeliveredDate'],
    ['put-packages-unpack.json', 'unpackedDate'],
    ['put-lineitems-cancel.json', 'cancelDate'],
    ['put-orders-shippingaddress.json', 'address'],
  ])('%s without its %s is refused', (name, field) => {
    const body = fixture(name);
    delete body[field];
    expect(issuesOf(parse(body, ROUTES[name] as Route)).some((issue) => issue.path.includes(field))).toBe(true);
  });

  it('an order push with an amount sent as a string is refused', () => {
    const body = fixture('post-orders.json');
    body.items[0].unitPrice.amount = '524.90';
    expect(issuesOf(parse(body, ROUTES['post-orders.json'] as Route))[0]?.path).toEqual(['items', 0, 'unitPrice', 'amount']);
  });

  it.each(Object.keys(ROUTES))('%s with a body that is not an object is refused with issues, not an exception', (name) => {
    for (const body of [null, 'text', 42, [], true]) {
      expect(() => parse(body, ROUTES[name] as Route)).not.toThrow();
      expect(parse(body, ROUTES[name] as Route).ok).toBe(false);
    }
  });

  it('a package with more items than a canonical order holds is refused at the list, quickly', () => {
    const body = fixture('post-packages.json');
    body.items = new Array(100_000).fill(body.items[0]);
    expect(issuesOf(parse(body, ROUTES['post-packages.json'] as Route))[0]).toMatchObject({ code: 'too_big', path: ['items'] });
  });
});

describe('Hepsiburada text that looks dangerous', () => {
  it('SQL-looking text and emoji are passed through unchanged as data', () => {
    const body = fixture('post-packages.json');
    body.customerName = "Robert'); DROP TABLE oc_order;-- Demir";
    body.recipientName = 'Zeynep 🌷 Kaya';
    body.shippingAddressDetail = "'; DROP TABLE oc_order; -- 🏠";
    body.items[0].productName = 'Tişört 👕 "quoted"; DELETE FROM oc_product';
    body.items[0].merchantSku = "OC-1' OR '1'='1";
    const order = orderOf(eventsOf(parse(body, ROUTES['post-packages.json'] as Route)));
    expect(order.customer).toMatchObject({ firstname: "Robert'); DROP TABLE oc_order;--", lastname: 'Demir' });
    expect(order.shippingAddress).toMatchObject({ firstname: 'Zeynep 🌷', lastname: 'Kaya', address1: "'; DROP TABLE oc_order; -- 🏠" });
    expect(order.lines[0]).toMatchObject({ name: 'Tişört 👕 "quoted"; DELETE FROM oc_product', sku: "OC-1' OR '1'='1" });
  });

  it('a path segment that looks like SQL is kept as the package number, unchanged', () => {
    const packageNumber = "1'; DROP TABLE oc_order; --";
    const { packageNumber: _fromUrl, ...body } = fixture('put-packages-deliver.json');
    const [event] = eventsOf(parse(body, { method: 'PUT', pathTail: ['packages', packageNumber, 'deliver'] }));
    expect(event).toMatchObject({ externalOrderId: packageNumber });
  });
});
