import type { CanonicalAddress, CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { fitText, ORDER_TEXT_WIDTH, splitFullName } from '../shared/fit-text';
import type { N11Package } from './schema';

type N11Address = N11Package['shippingAddress'];

/** N11 order payloads carry no currency: the marketplace sells in Turkish lira only [inferred]. */
const N11_CURRENCY = 'TRY';
const N11_COUNTRY = 'TR';

/** Turkish addresses name a district (ilçe) inside a province (il): OpenCart's city and zone. */
function mapAddress(address: N11Address): CanonicalAddress {
  const { firstname, lastname } = splitFullName(address.fullName ?? '');
  return {
    firstname,
    lastname,
    company: '',
    address1: fitText(address.address, ORDER_TEXT_WIDTH.addressLine),
    address2: '',
    city: fitText(address.district || address.city, ORDER_TEXT_WIDTH.city),
    postcode: '',
    countryCode: N11_COUNTRY,
    zone: fitText(address.city, ORDER_TEXT_WIDTH.zone),
  };
}

/** N11 gives no order date; the package's first history entry is when it was created [inferred]. */
function placedAtOf(pkg: N11Package): string {
  const created = (pkg.packageHistories ?? []).map((entry) => entry.createdDate).sort();
  return created[0] ?? pkg.lastModifiedDate;
}

/**
 * One shipment package as an order (its own stock unit: N11 splits an order into packages that share
 * the order number [doc]) and its current status. The status key leaves out `lastModifiedDate`,
 * which moves with every edit (a tracking number, an address), so each poll does not repeat it.
 */
export function mapN11Package(pkg: N11Package): CanonicalEvent[] {
  const { marketplaceStatus, status } = pkg.shipmentPackageStatus;
  // [doc] At pick-up-point deliveries (KTN, EASYPOINT, PUP) the buyer appears only in the billing address.
  const customer = splitFullName(pkg.customerfullName || pkg.billingAddress.fullName || '');
  const placedAt = placedAtOf(pkg);
  return [
    {
      type: 'order.created',
      externalId: `order:${pkg.id}`,
      occurredAt: placedAt,
      order: {
        externalOrderId: pkg.id,
        orderNumber: pkg.orderNumber,
        status,
        marketplaceStatus,
        currency: N11_CURRENCY,
        customer: {
          ...customer,
          email: pkg.customerEmail ?? '',
          telephone: pkg.shippingAddress.gsm || pkg.billingAddress.gsm || '',
        },
        shippingAddress: mapAddress(pkg.shippingAddress),
        billingAddress: mapAddress(pkg.billingAddress),
        lines: pkg.lines.map((line) => ({
          externalLineId: line.orderLineId,
          sku: line.stockCode,
          name: fitText(line.productName, ORDER_TEXT_WIDTH.productName),
          quantity: line.quantity,
          unitPrice: line.price,
          total: line.sellerInvoiceAmount,
        })),
        shippingTotal: '0',
        total: pkg.totalAmount,
        placedAt,
      },
    },
    {
      type: 'order.status_changed',
      externalId: `order:${pkg.id}:status:${marketplaceStatus}`,
      occurredAt: pkg.lastModifiedDate,
      externalOrderId: pkg.id,
      status,
      marketplaceStatus,
    },
  ];
}
