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
import { pttavmAdapter } from './adapter';
import { PTTAVM_ORDERS_MAX } from './schema';

const FIXTURES = readFixtures(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => fixtureFrom(FIXTURES, name);
const RECEIVED_AT = '2026-01-07T10:00:00.000Z';
const parse = (body: unknown) => eventsOf(pttavmAdapter, body, pushRequest(new Date(RECEIVED_AT)));
const refuse = (body: unknown) => issuesOf(pttavmAdapter, body);

/** The second order of the list: three pens shipped (gonderilmis), one ink cartridge cancelled (iptal). */
const twoLineOrder = () => fixture('orders.json')[1];

describe('PttAVM orders that parse', () => {
  it('an order awaiting shipment becomes its order, dated in Turkish time, and its line status', () => {
    const address = {
      firstname: 'Fatma',
      lastname: 'Sahin',
      company: '',
      address1: 'Ornek Mah. Posta Cad. No:1',
      address2: '',
      city: 'Merkez',
      postcode: '',
      countryCode: 'TR',
      zone: 'Eskisehir',
    };
    expect(parse(fixture('order-awaiting-shipment.json'))).toEqual([
      {
        type: 'order.created',
        externalId: 'order:PTT-2026-000123',
        occurredAt: '2026-01-06T15:42:10+03:00',
        order: {
          externalOrderId: 'PTT-2026-000123',
          orderNumber: '',
          status: 'processing',
          marketplaceStatus: 'kargo_yapilmasi_bekleniyor',
          currency: 'TRY',
          customer: { firstname: 'Fatma', lastname: 'Sahin', email: 'relay-fatma@pttavm.example', telephone: '5550000003' },
          shippingAddress: address,
          billingAddress: address,
          lines: [
            {
              externalLineId: '777000111',
              sku: '8690000000055',
              name: 'Masa Lambasi',
              quantity: 1,
              unitPrice: '600',
              total: '600',
            },
          ],
          shippingTotal: '0',
          total: '600',
          placedAt: '2026-01-06T15:42:10+03:00',
        },
      },
      {
        type: 'order.status_changed',
        externalId: 'order:PTT-2026-000123:line:777000111:status:kargo_yapilmasi_bekleniyor',
        occurredAt: RECEIVED_AT,
        externalOrderId: 'PTT-2026-000123',
        status: 'processing',
        marketplaceStatus: 'kargo_yapilmasi_bekleniyor',
      },
    ]);
  });

  it('a list yields every order with one status event per line', () => {
    expect(parse(fixture('orders.json')).map((event) => [event.type, event.externalId])).toEqual([
      ['order.created', 'order:PTT-2026-000123'],
      ['order.status_changed', 'order:PTT-2026-000123:line:777000111:status:kargo_yapilmasi_bekleniyor'],
      ['order.created', 'order:PTT-2026-000124'],
      ['order.status_changed', 'order:PTT-2026-000124:line:777000112:status:gonderilmis'],
      ['order.status_changed', 'order:PTT-2026-000124:line:777000113:status:iptal'],
    ]);
  });

  it('line totals stay exact, unit prices are the total shared out, and the order total adds shipping', () => {
    const created = parse(twoLineOrder())[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order).toMatchObject({ status: 'shipped', marketplaceStatus: 'gonderilmis,iptal', shippingTotal: '19.9' });
    expect(created.order.lines.map(({ name, quantity, unitPrice, total }) => ({ name, quantity, unitPrice, total }))).toEqual([
      { name: 'Kalem Seti', quantity: 3, unitPrice: '33.3333', total: '100' },
      { name: 'Murekkep Kartusu', quantity: 1, unitPrice: '0.2', total: '0.2' },
    ]);
    expect(created.order.total).toBe('120.1');
  });

  it.each([
    ['havale_onayi_bekleniyor', 'created'],
    ['onay_surecinde', 'created'],
    ['kargo_yapilmasi_bekleniyor', 'processing'],
    ['gonderilmis', 'shipped'],
    ['tamamlandi', 'delivered'],
    ['iptal', 'cancelled'],
    ['odeme_gecersiz', 'cancelled'],
    ['iade', 'returned'],
    ['gondericisine_teslim_edildi', 'undelivered'],
  ])('line status %s maps to %s', (marketplaceStatus, status) => {
    const order = fixture('order-awaiting-shipment.json');
    order.siparisUrunler[0].siparisDurumu = marketplaceStatus;
    expect(parse(order)[1]).toMatchObject({ status, marketplaceStatus });
  });

  it('an order whose every line is cancelled is cancelled', () => {
    const order = twoLineOrder();
    order.siparisUrunler[0].siparisDurumu = 'iptal';
    expect(parse(order)[0]).toMatchObject({ order: { status: 'cancelled', marketplaceStatus: 'iptal' } });
  });

  it('an order awaiting payment does not count as ready to ship while another line is', () => {
    const order = twoLineOrder();
    order.siparisUrunler[1].siparisDurumu = 'havale_onayi_bekleniyor';
    expect(parse(order)[0]).toMatchObject({ order: { status: 'created' } });
  });
});

describe('PttAVM events and redelivery', () => {
  it('every fixture yields events that pass the canonical schema unchanged', () => {
    for (const [name, body] of FIXTURES) {
      const events = parse(body);
      expect(events.length, name).toBeGreaterThan(0);
      for (const event of events) expect(canonicalEventSchema.parse(event)).toEqual(event);
    }
  });

  it('the same payload yields the same keys whenever it arrives; only the status date is the arrival', () => {
    for (const [name, body] of FIXTURES) {
      const first = eventsOf(pttavmAdapter, structuredClone(body), pushRequest(new Date('2026-01-07T10:00:00Z')));
      const again = eventsOf(pttavmAdapter, structuredClone(body), pushRequest(new Date('2026-02-01T00:00:00Z')));
      expect(again.map((event) => event.externalId), name).toEqual(first.map((event) => event.externalId));
      expect(again.filter((event) => event.type === 'order.created'), name).toEqual(
        first.filter((event) => event.type === 'order.created'),
      );
    }
  });

  it('an empty search result is accepted with no events', () => {
    expect(parse([])).toEqual([]);
  });
});

describe('PttAVM pushes that are refused', () => {
  it.each(UNREADABLE_BODIES)('a body of %j is refused with issues', (body) => {
    expect(refuse(body).length).toBeGreaterThan(0);
  });

  it.each([
    ['no order number', (order: Json) => delete order.siparisNo],
    ['no lines', (order: Json) => (order.siparisUrunler = [])],
    ['a line without a barcode', (order: Json) => delete order.siparisUrunler[0].urunBarkod],
    ['a total sent as text', (order: Json) => (order.siparisUrunler[0].kdvDahilToplamTutar = '600,00')],
    ['a quantity of zero', (order: Json) => (order.siparisUrunler[0].toplamIslemAdedi = 0)],
    ['an unknown line status', (order: Json) => (order.siparisUrunler[0].siparisDurumu = 'kayboldu')],
    ['a date in ISO form', (order: Json) => (order.islemTarihi = '2026-01-06T15:42:10')],
    ['a date that does not exist', (order: Json) => (order.islemTarihi = '31.04.2026 15:42:10')],
    ['an hour past midnight', (order: Json) => (order.islemTarihi = '06.01.2026 24:42:10')],
    ['a shipping cost with float noise', (order: Json) => (order.kargoTutari = 0.1 + 0.2)],
  ])('an order with %s is refused with issues', (_, spoil) => {
    const order = fixture('order-awaiting-shipment.json');
    spoil(order);
    expect(refuse(order).length).toBeGreaterThan(0);
  });

  it('a list longer than one push carries is refused without reading its orders', () => {
    const order = fixture('order-awaiting-shipment.json');
    const huge = Array.from({ length: 100_000 }, () => order);
    expect(refuse(huge)).toEqual([expect.objectContaining({ code: 'too_big', maximum: PTTAVM_ORDERS_MAX, path: [] })]);
  });

  it('issues point at the order and field that are wrong', () => {
    const orders = fixture('orders.json');
    orders[1].siparisUrunler[1].toplamIslemAdedi = -1;
    expect(refuse(orders)).toEqual([expect.objectContaining({ path: [1, 'siparisUrunler', 1, 'toplamIslemAdedi'] })]);
  });
});

describe('PttAVM text is data', () => {
  it('SQL-looking text, emoji and Turkish letters reach the events unchanged', () => {
    const created = parse(twoLineOrder())[0];
    if (created?.type !== 'order.created') throw new Error('expected an order');
    expect(created.order.shippingAddress.address1).toBe("Istasyon Cad. No:9 ' OR '1'='1");
    expect(created.order.customer).toMatchObject({ firstname: 'Gülşen', lastname: 'Doğan 🌟' });
  });
});
