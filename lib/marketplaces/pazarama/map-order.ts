import type { CanonicalAddress, CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { fitText, ORDER_TEXT_WIDTH, splitFullName } from '../shared/fit-text';
import { foldLineStatuses, lineStatusEvents, type LineStatus } from '../shared/line-statuses';
import { isoCurrencyCode } from '../shared/money';
import type { PazaramaOrder } from './schema';

const PAZARAMA_COUNTRY = 'TR';

/** Turkish addresses name a district (ilçe) inside a province (il): OpenCart's city and zone. */
function mapAddress(address: PazaramaOrder['shipmentAddress'], customerName: string): CanonicalAddress {
  return {
    ...splitFullName(address.nameSurname || customerName),
    company: fitText(address.companyName ?? '', ORDER_TEXT_WIDTH.company),
    address1: fitText(address.addressDetail, ORDER_TEXT_WIDTH.addressLine),
    address2: fitText(address.neighborhoodName ?? '', ORDER_TEXT_WIDTH.addressLine),
    city: fitText(address.districtName || address.cityName, ORDER_TEXT_WIDTH.city),
    postcode: '',
    countryCode: PAZARAMA_COUNTRY,
    zone: fitText(address.cityName, ORDER_TEXT_WIDTH.zone),
  };
}

/**
 * One Pazarama order as an order and its line statuses. The order number is the id, because it is
 * what `getOrdersForApi` can look an order up by [doc]. Orders carry no last-modified time [doc], so
 * a line status is dated when it reached us.
 */
export function mapPazaramaOrder(order: PazaramaOrder, receivedAt: string): CanonicalEvent[] {
  const externalOrderId = order.orderNumber;
  const lines: LineStatus[] = order.items.map((item) => ({ lineId: item.orderItemId, ...item.orderItemStatus }));
  const customer = splitFullName(order.customerName);
  return [
    {
      type: 'order.created',
      externalId: `order:${externalOrderId}`,
      occurredAt: order.orderDate,
      order: {
        externalOrderId,
        orderNumber: '',
        ...foldLineStatuses(lines),
        currency: isoCurrencyCode(order.currency),
        customer: {
          ...customer,
          email: order.customerEmail ?? '',
          telephone: order.shipmentAddress.phoneNumber || order.billingAddress.phoneNumber || '',
        },
        shippingAddress: mapAddress(order.shipmentAddress, order.customerName),
        billingAddress: mapAddress(order.billingAddress, order.customerName),
        lines: order.items.map((item) => ({
          externalLineId: item.orderItemId,
          sku: item.product.code,
          name: fitText(item.product.name, ORDER_TEXT_WIDTH.productName),
          quantity: item.quantity,
          unitPrice: item.salePrice.value,
          total: item.totalPrice.value,
        })),
        shippingTotal: order.shipmentAmount ?? '0',
        total: order.orderAmount,
        placedAt: order.orderDate,
      },
    },
    ...lineStatusEvents(externalOrderId, lines, receivedAt),
  ];
}
