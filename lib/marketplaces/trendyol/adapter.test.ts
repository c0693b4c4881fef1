import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalEventSchema, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { ParseResult, WebhookRequest } from '../adapter';
import { trendyolAdapter } from './adapter';
import { TRENDYOL_STATUSES } from './status-map';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const FIXTURE_NAMES = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

type Json = Record<string, any>;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

/** The reference's package, as Trendyol sends it since 8 Dec 2025, without its page. */
function currentPackage(): Json {
  return fixture('package-2026-created-page.json').content[0];
}

const request: WebhookRequest = { method: 'POST', pathTail: [], headers: {}, rawBody: '', receivedAt: new Date('2026-01-06T07:01:05Z') };

function parse(body: unknown): ParseResult {
  return trendyolAdapter.parse(body, request);
}

function eventsOf(body: unknown): CanonicalEvent[] {
  const result = parse(body);
  if (!result.ok) throw new Error(`expected the push to parse: ${JSON.stringify(result.issues)}`);
  return result.events;
}

function issuesOf(body: unknown) {
  const result = parse(body);
  if (result.ok) throw new Error('expected the push to be refused');
  return result.issues;
}

describe('Trendyol pushes that parse', () => {
  it('a page with one created package becomes that package’s order and its Created status', () => {
    expect(eventsOf(fixture('package-2026-created-page.json'))).toEqual([
      {
        type: 'order.created',
        externalId: 'order:3301234567',
        occurredAt: '2026-01-06T10:00:00.000+03:00',
        order: {
          externalOrderId: '3301234567',
          orderNumber: '10987654321',
          status: 'created',
          marketplaceStatus: 'Created',
          currency: 'TRY',
          customer: { firstname: 'Ayse', lastname: 'Yilmaz', email: 'pf+x7k2q9@trendyolmail.com', telephone: '' },
          shippingAddress: {
            firstname: 'Ayse',
            lastname: 'Yilmaz',
            company: '',
            address1: 'Ornek Sok. No:5 D:3',
            address2: 'Caferaga Mah',
            city: 'Kadikoy',
            postcode: '34710',
            countryCode: 'TR',
            zone: 'Istanbul',
          },
          billingAddress: {
            firstname: 'Ayse',
            lastname: 'Yilmaz',
            company: '',
            address1: 'Ornek Sok. No:5 D:3',
            address2: '',
            city: 'Kadikoy',
            postcode: '',
            countryCode: 'TR',
            zone: 'Istanbul',
          },
          lines: [
            {
              externalLineId: '880000001',
              sku: 'OC-1001-RED-M',
              name: 'Pamuk Tisort Kirmizi, M',
              quantity: 2,
              unitPrice: '524.9',
              total: '1049.8',
            },
          ],
          shippingTotal: '0',
          total: '1049.8',
          placedAt: '2026-01-06T10:00:00.000+03:00',
        },
      },
      {
        type: 'order.status_changed',
        externalId: 'status:3301234567:Created:1767693660000',
        occurredAt: '2026-01-06T10:01:00.000Z',
        externalOrderId: '3301234567',
        status: 'created',
        marketplaceStatus: 'Created',
      },
    ]);
  });

  it('a bare package in the field names used before 8 Dec 2025 gives the same events as the current names', () => {
    expect(eventsOf(fixture('package-2025-created-bare.json'))).toEqual(eventsOf(fixture('package-2026-created-page.json')));
  });

  it('a package sent in both generations’ names at once (the transition month) gives the same events', () => {
    const both = { ...fixture('package-2025-created-bare.json'), ...currentPackage() };
    both.lines = currentPackage().lines.map((line: Json, index: number) => ({ ...fixture('package-2025-created-bare.json').lines[index], ...line }));
    expect(eventsOf(both)).toEqual(eventsOf(currentPackage()));
  });

  it.each(FIXTURE_NAMES)('%s parses, and every event it gives passes the canonical schema again unchanged', (name) => {
    const events = eventsOf(fixture(name));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(canonicalEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it.each(FIXTURE_NAMES)('%s gives the same externalIds every time it is delivered', (name) => {
    const ids = () => eventsOf(fixture(name)).map((event) => event.externalId);
    expect(ids()).toEqual(ids());
    expect(new Set(ids()).size).toBe(ids().length);
  });

  it('each later push of a known package keeps the order’s externalId and has a status externalId of its own', () => {
    const pushes = ['package-2026-created-page.json', 'package-2026-shipped-bare.json', 'package-2026-cancelled-page.json'].map((name) =>
      eventsOf(fixture(name)),
    );
    const orderIds = pushes.map((events) => events.find((event) => event.type === 'order.created')?.externalId);
    const statusIds = pushes.map((events) => events.find((event) => event.type === 'order.status_changed')?.externalId);
    expect(new Set(orderIds)).toEqual(new Set(['order:3301234567']));
    expect(statusIds).toEqual([
      'status:3301234567:Created:1767693660000',
      'status:3301234567:Shipped:1767783600000',
      'status:3301234567:Cancelled:1767697200000',
    ]);
  });

  it('a shipped push reports the shipped status at the time the package was last modified', () => {
    expect(eventsOf(fixture('package-2026-shipped-bare.json'))[1]).toEqual({
      type: 'order.status_changed',
      externalId: 'status:3301234567:Shipped:1767783600000',
      occurredAt: '2026-01-07T11:00:00.000Z',
      externalOrderId: '3301234567',
      status: 'shipped',
      marketplaceStatus: 'Shipped',
    });
  });

  it('a split page cancels the unpacked package and creates the package its line moved to', () => {
    const events = eventsOf(fixture('package-2025-split-page.json'));
    expect(events.map((event) => [event.type, event.externalId, 'status' in event ? event.status : event.type === 'order.created' ? event.order.status : ''])).toEqual([
      ['order.created', 'order:3301234567', 'cancelled'],
      ['order.status_changed', 'status:3301234567:UnPacked:1767704400000', 'cancelled'],
      ['order.created', 'order:3301234999', 'created'],
      ['order.status_changed', 'status:3301234999:Created:1767704400500', 'created'],
    ]);
  });

  it.each(Object.entries(TRENDYOL_STATUSES))('status %s, however it is spelt, becomes %s', (status, canonical) => {
    const upperSnake = status.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
    for (const spelling of [status, upperSnake, status.toLowerCase()]) {
      const events = eventsOf({ ...currentPackage(), status: spelling, shipmentPackageStatus: spelling });
      expect(events[1]).toMatchObject({ type: 'order.status_changed', status: canonical, marketplaceStatus: status });
    }
  });

  it('the statuses Trendyol lists for subscriptions all have a canonical status', () => {
    const subscribable = ['CREATED', 'PICKING', 'INVOICED', 'SHIPPED', 'CANCELLED', 'DELIVERED', 'UNDELIVERED', 'RETURNED', 'UNSUPPLIED', 'AWAITING', 'UNPACKED', 'AT_COLLECTION_POINT', 'VERIFIED'];
    for (const status of subscribable) {
      expect(parse({ ...currentPackage(), status }).ok, status).toBe(true);
    }
  });

  it('a package that lost `status` is read from `shipmentPackageStatus`', () => {
    const pkg = { ...currentPackage(), shipmentPackageStatus: 'Picking' } as Json;
    delete pkg.status;
    expect(eventsOf(pkg)[1]).toMatchObject({ status: 'processing', marketplaceStatus: 'Picking' });
  });

  it('amounts keep the decimal text they were written with, and line totals are exact', () => {
    const [created] = eventsOf(fixture('package-2026-delivered-micro-bare.json'));
    if (created?.type !== 'order.created') throw new Error('expected an order first');
    expect(created.order.lines.map(({ unitPrice, total }) => [unitPrice, total])).toEqual([
      ['199.9', '199.9'],
      ['25', '50'],
    ]);
    expect(created.order.total).toBe('249.9');
    expect(created.order.currency).toBe('EUR');
  });

  it('a line without a stockCode is matched by its barcode', () => {
    const [created] = eventsOf(fixture('package-2026-delivered-micro-bare.json'));
    if (created?.type !== 'order.created') throw new Error('expected an order first');
    expect(created.order.lines.map((line) => line.sku)).toEqual(['OC-1001-RED-M', '8690000000024']);
  });

  it('without lastModifiedDate the status is dated and keyed by when the history reached it', () => {
    expect(eventsOf(fixture('package-2026-delivered-micro-bare.json'))[1]).toMatchObject({
      externalId: 'status:3301240000:Delivered:1767963600000',
      occurredAt: '2026-01-09T13:00:00.000Z',
    });
  });

  it('orderDate is read as Turkish wall-clock time, three hours ahead of UTC', () => {
    const [created] = eventsOf(currentPackage());
    if (created?.type !== 'order.created') throw new Error('expected an order first');
    expect(Date.parse(created.order.placedAt)).toBe(currentPackage().orderDate - 3 * 60 * 60 * 1000);
  });

  it('Turkey written as a name or in lower case becomes TR', () => {
    for (const countryCode of ['tr', 'Turkey', 'Türkiye', 'TÜRKİYE', 'TUR']) {
      const pkg = currentPackage();
      pkg.shipmentAddress.countryCode = countryCode;
      const [created] = eventsOf(pkg);
      expect(created?.type === 'order.created' && created.order.shippingAddress.countryCode, countryCode).toBe('TR');
    }
  });

  it('text longer than the OpenCart columns is cut to fit, the rest of a long street going to address2', () => {
    const pkg = currentPackage();
    pkg.customerFirstName = 'Ayşe Nur Fatma Zehra Elif Gülsüm Hatice';
    pkg.shipmentAddress.address1 = 'Çok Uzun Sokak '.repeat(12);
    pkg.shipmentAddress.address2 = '';
    pkg.lines[0].productName = 'x'.repeat(300);
    const [created] = eventsOf(pkg);
    if (created?.type !== 'order.created') throw new Error('expected an order first');
    expect(created.order.customer.firstname).toHaveLength(32);
    expect(created.order.shippingAddress.address1.length).toBeLessThanOrEqual(128);
    expect(created.order.lines[0]?.name).toHaveLength(255);
  });

  it('a name cut at the column width never ends in half an emoji', () => {
    const pkg = currentPackage();
    pkg.customerFirstName = `${'a'.repeat(31)}🌸`;
    const [created] = eventsOf(pkg);
    expect(created?.type === 'order.created' && created.order.customer.firstname).toBe('a'.repeat(31));
  });
});

describe('Trendyol pushes that are refused', () => {
  it.each([
    ['no package id in either generation', (pkg: Json) => delete pkg.shipmentPackageId, 'shipmentPackageId'],
    ['no lines', (pkg: Json) => delete pkg.lines, 'lines'],
    ['an empty line list', (pkg: Json) => (pkg.lines = []), 'lines'],
    ['no order date', (pkg: Json) => delete pkg.orderDate, 'orderDate'],
    ['no package total', (pkg: Json) => delete pkg.packageTotalPrice, 'packageTotalPrice'],
    ['no shipment address', (pkg: Json) => delete pkg.shipmentAddress, 'shipmentAddress'],
    ['no status at all', (pkg: Json) => (delete pkg.status, delete pkg.shipmentPackageStatus), 'status'],
    ['a line with neither stockCode nor barcode', (pkg: Json) => (delete pkg.lines[0].stockCode, delete pkg.lines[0].barcode), 'stockCode'],
    ['a quantity sent as a string', (pkg: Json) => (pkg.lines[0].quantity = '2'), 'quantity'],
    ['a price sent as a string', (pkg: Json) => (pkg.lines[0].lineUnitPrice = '524.90'), 'lineUnitPrice'],
    ['a total sent as a string', (pkg: Json) => (pkg.packageTotalPrice = '1049.80'), 'packageTotalPrice'],
    ['a zero quantity', (pkg: Json) => (pkg.lines[0].quantity = 0), 'quantity'],
    ['a fractional quantity', (pkg: Json) => (pkg.lines[0].quantity = 1.5), 'quantity'],
    ['a price with a float artefact', (pkg: Json) => (pkg.lines[0].lineUnitPrice = 0.1 + 0.2), 'lineUnitPrice'],
    ['a price in exponent form', (pkg: Json) => (pkg.packageTotalPrice = 1e21), 'packageTotalPrice'],
    ['a price with five decimals', (pkg: Json) => (pkg.lines[0].lineUnitPrice = 524.90001), 'lineUnitPrice'],
    ['a package id as an object', (pkg: Json) => (pkg.shipmentPackageId = { id: 1 }), 'shipmentPackageId'],
    ['an order date sent as ISO text', (pkg: Json) => (pkg.orderDate = '2026-01-06T10:00:00Z'), 'orderDate'],
    ['a status Trendyol never documented', (pkg: Json) => (pkg.status = 'Teleported'), 'status'],
    ['a country that is no ISO code', (pkg: Json) => (pkg.shipmentAddress.countryCode = 'Atlantis'), 'countryCode'],
    ['a currency that is no ISO code', (pkg: Json) => (pkg.currencyCode = 'lira'), 'currencyCode'],
  ])('a package with %s is refused with an issue at that field', (_case, damage, field) => {
    const pkg = currentPackage();
    damage(pkg);
    expect(issuesOf(pkg).some((issue) => issue.path.includes(field))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', '{"content":[]}'],
    ['a number', 42],
    ['an array of packages', [{}]],
    ['an empty object', {}],
    ['a page that is not a list', { content: {} }],
    ['an empty page', { content: [] }],
  ])('a body that is %s is refused with issues, not an exception', (_case, body) => {
    expect(() => parse(body)).not.toThrow();
    expect(issuesOf(body).length).toBeGreaterThan(0);
  });

  it('a page of more packages than Trendyol ever sends is refused at the page', () => {
    const content = new Array(100_000).fill(currentPackage());
    const issues = issuesOf({ content });
    expect(issues[0]).toMatchObject({ code: 'too_big', path: ['content'] });
  });

  it('a package with more lines than a canonical order holds is refused', () => {
    const pkg = currentPackage();
    pkg.lines = Array.from({ length: 501 }, (_, index) => ({ ...pkg.lines[0], lineId: index + 1 }));
    expect(issuesOf(pkg)[0]).toMatchObject({ code: 'too_big', path: ['lines'] });
  });

  it('one bad package refuses the whole page, with the path to it', () => {
    const broken = { ...currentPackage(), lines: 'none' };
    expect(issuesOf({ content: [currentPackage(), broken] })[0]?.path).toEqual(['content', 1, 'lines']);
  });
});

describe('Trendyol text that looks dangerous', () => {
  it('SQL-looking text and emoji are passed through unchanged as data', () => {
    const pkg = currentPackage();
    pkg.customerFirstName = "'; DROP TABLE oc_order; --";
    pkg.customerLastName = 'Yılmaz 🌸';
    pkg.lines[0].productName = 'Tişört 👕 "quoted" \\ backslash; DELETE FROM oc_product WHERE 1=1';
    pkg.lines[0].stockCode = "OC-1' OR '1'='1";
    pkg.shipmentAddress.address1 = "Robert'); DROP TABLE Students;-- Sok. 🏠";
    const [created] = eventsOf(pkg);
    if (created?.type !== 'order.created') throw new Error('expected an order first');
    expect(created.order.customer.firstname).toBe("'; DROP TABLE oc_order; --");
    expect(created.order.customer.lastname).toBe('Yılmaz 🌸');
    expect(created.order.lines[0]?.name).toBe('Tişört 👕 "quoted" \\ backslash; DELETE FROM oc_product WHERE 1=1');
    expect(created.order.lines[0]?.sku).toBe("OC-1' OR '1'='1");
    expect(created.order.shippingAddress.address1).toBe("Robert'); DROP TABLE Students;-- Sok. 🏠");
  });

  it('a __proto__ key in the body stays data and pollutes nothing', () => {
    const pkg = JSON.parse(JSON.stringify(currentPackage()).replace('{', '{"__proto__":{"polluted":true},'));
    expect(parse(pkg).ok).toBe(true);
    expect(({} as Json).polluted).toBeUndefined();
  });
});
