import { parseMoney } from '@/lib/shop/money';
import type { CanonicalAddress, CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { fitText, ORDER_TEXT_WIDTH } from '../shared/fit-text';
import { foldLineStatuses, lineStatusEvents, type LineStatus } from '../shared/line-statuses';
import { decimalFromMoneyUnits } from '../shared/money';
import type { PttavmOrder } from './schema';
import { unitPriceOfLine } from './unit-price';

/** PttAVM order payloads carry no currency: it sells in Turkish lira only [inferred]. */
const PTTAVM_CURRENCY = 'TRY';
const PTTAVM_COUNTRY = 'TR';

/** PttAVM gives one address per order [sdk]: it ships there and bills there. */
function mapAddress(order: PttavmOrder): CanonicalAddress {
  return {
    firstname: fitText(order.musteriAdi, ORDER_TEXT_WIDTH.name),
    lastname: fitText(order.musteriSoyadi, ORDER_TEXT_WIDTH.name),
    company: '',
    address1: fitText(order.siparisAdresi, ORDER_TEXT_WIDTH.addressLine),
    address2: '',
    city: fitText(order.siparisIlce || order.siparisIli, ORDER_TEXT_WIDTH.city),
    postcode: '',
    countryCode: PTTAVM_COUNTRY,
    zone: fitText(order.siparisIli, ORDER_TEXT_WIDTH.zone),
  };
}

function totalOf(order: PttavmOrder, shippingTotal: string): string {
  const lines = order.siparisUrunler.reduce((sum, line) => sum + parseMoney(line.kdvDahilToplamTutar), 0n);
  return decimalFromMoneyUnits(lines + parseMoney(shippingTotal));
}

/**
 * One PttAVM order as an order and its line statuses. The order total is the lines' VAT-inclusive
 * totals plus shipping, since the order states none [sdk]; whether the line totals are before or after
 * PttAVM's and the seller's discounts is undocumented [inferred: after]. `islemTarihi` is read as the
 * order date, and orders carry no last-modified time, so a line status is dated when it reached us.
 */
export function mapPttavmOrder(order: PttavmOrder, receivedAt: string): CanonicalEvent[] {
  const externalOrderId = order.siparisNo;
  const lines: LineStatus[] = order.siparisUrunler.map((line) => ({ lineId: line.lineItemId, ...line.siparisDurumu }));
  const address = mapAddress(order);
  const shippingTotal = order.kargoTutari ?? '0';
  return [
    {
      type: 'order.created',
      externalId: `order:${externalOrderId}`,
      occurredAt: order.islemTarihi,
      order: {
        externalOrderId,
        orderNumber: '',
        ...foldLineStatuses(lines),
        currency: PTTAVM_CURRENCY,
        customer: {
          firstname: address.firstname,
          lastname: address.lastname,
          email: order.eposta ?? '',
          telephone: order.telefonNo ?? '',
        },
        shippingAddress: address,
        billingAddress: address,
        lines: order.siparisUrunler.map((line) => ({
          externalLineId: line.lineItemId,
          sku: line.urunBarkod,
          name: fitText(line.urunAdi ?? line.urun ?? line.urunKodu ?? '', ORDER_TEXT_WIDTH.productName),
          quantity: line.toplamIslemAdedi,
          unitPrice: unitPriceOfLine(line.kdvDahilToplamTutar, line.toplamIslemAdedi),
          total: line.kdvDahilToplamTutar,
        })),
        shippingTotal,
        total: totalOf(order, shippingTotal),
        placedAt: order.islemTarihi,
      },
    },
    ...lineStatusEvents(externalOrderId, lines, receivedAt),
  ];
}
