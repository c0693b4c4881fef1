import { parseMoney } from '@/lib/shop/money';
import type { CanonicalAddress, CanonicalEvent, CanonicalOrder } from '@/lib/webhooks/canonical-events';
import { fitText, splitFullName } from '../shared/fit-text';
import { decimalFromMoneyUnits } from '../shared/money';
import { fitOptionalText, fittingEmail, ORDER_FIELD_WIDTH as WIDTH, splitAddressLines } from '../trendyol/order-text';
import type { HepsiburadaPackage, HepsiburadaPackageItem } from './schema';
import { HEPSIBURADA_PACKAGE_STATUSES } from './status-map';

type Place = { street: string; province: string; town?: string | null; postcode?: string | null; countryCode: string };

/**
 * Hepsiburada's `city` is the province (il), OpenCart's zone for Turkey; its `town` is the ilçe that
 * Turkish shops keep in OpenCart's city field; its `district` is the mahalle, already in the street text.
 */
function toCanonicalAddress(fullName: string, company: string, place: Place): CanonicalAddress {
  return {
    ...splitFullName(fullName),
    company: fitOptionalText(company, WIDTH.company),
    ...splitAddressLines(place.street),
    city: fitOptionalText(place.town?.trim() || place.province, WIDTH.city),
    postcode: fitOptionalText(place.postcode, WIDTH.postcode),
    countryCode: place.countryCode,
    zone: fitOptionalText(place.province, WIDTH.zone),
  };
}

/** The SKU matched against OpenCart is the seller's `merchantSku`; Hepsiburada's own HBSKU only when it is missing. */
function toCanonicalLine(item: HepsiburadaPackageItem): CanonicalOrder['lines'][number] {
  const sku = item.merchantSku?.trim() || item.merchantSKU?.trim() || item.hbSku?.trim() || '';
  return {
    externalLineId: item.lineItemId,
    sku: fitText(sku, WIDTH.sku),
    name: fitText(item.productName?.trim() || sku, WIDTH.productName),
    quantity: item.quantity,
    unitPrice: item.price.amount,
    total: item.totalPrice?.amount ?? decimalFromMoneyUnits(parseMoney(item.price.amount) * BigInt(item.quantity)),
  };
}

function sumAmounts(amounts: readonly string[]): string {
  return decimalFromMoneyUnits(amounts.reduce((total, amount) => total + parseMoney(amount), 0n));
}

/**
 * The OpenCart order is made from the package, not from `POST /orders`: only a package has the number
 * that the in-transit, delivered, undelivered and unpack routes report on, as Trendyol's packages do.
 * One package may hold lines of several orders for the same buyer (unpack lists `orderNumbers`).
 */
export function mapHepsiburadaPackage(pkg: HepsiburadaPackage): CanonicalEvent[] {
  const { marketplaceStatus, status } = HEPSIBURADA_PACKAGE_STATUSES.packaged;
  const buyerName = pkg.customerName?.trim() || pkg.recipientName?.trim() || '';
  const recipientName = pkg.recipientName?.trim() || buyerName;
  const lines = pkg.items.map(toCanonicalLine);
  const orderNumbers = [...new Set(pkg.items.flatMap((item) => (item.orderNumber ? [item.orderNumber] : [])))];
  const shippingAddress = toCanonicalAddress(recipientName, '', {
    street: pkg.shippingAddressDetail,
    province: pkg.shippingCity,
    town: pkg.shippingTown,
    countryCode: pkg.shippingCountryCode,
  });
  // [inferred] The billing block has no country of its own; a company name only matters on a tax invoice.
  const billingAddress = pkg.billingAddress?.trim()
    ? toCanonicalAddress(buyerName, pkg.taxNumber?.trim() ? (pkg.companyName ?? '') : '', {
        street: pkg.billingAddress,
        province: pkg.billingCity?.trim() || pkg.shippingCity,
        town: pkg.billingTown,
        postcode: pkg.billingPostalCode,
        countryCode: pkg.shippingCountryCode,
      })
    : shippingAddress;

  return [
    {
      type: 'order.created',
      externalId: `order:${pkg.packageNumber}`,
      occurredAt: pkg.orderDate,
      order: {
        externalOrderId: pkg.packageNumber,
        orderNumber: fitText(orderNumbers.join(', '), WIDTH.orderNumber),
        status,
        marketplaceStatus,
        currency: pkg.items[0]?.price.currency ?? 'TRY',
        customer: {
          ...splitFullName(buyerName),
          email: fittingEmail(pkg.email),
          telephone: fitOptionalText(pkg.phoneNumber, WIDTH.telephone),
        },
        shippingAddress,
        billingAddress,
        lines,
        // [inferred] The package carries no shipping fee for the buyer: its total is what its lines come to.
        shippingTotal: '0',
        total: sumAmounts(lines.map((line) => line.total)),
        placedAt: pkg.orderDate,
      },
    },
    {
      type: 'order.status_changed',
      externalId: `status:${pkg.packageNumber}:${marketplaceStatus}`,
      occurredAt: pkg.orderDate,
      externalOrderId: pkg.packageNumber,
      status,
      marketplaceStatus,
    },
  ];
}
