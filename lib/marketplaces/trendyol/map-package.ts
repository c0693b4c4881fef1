import { parseMoney } from '@/lib/shop/money';
import type { CanonicalAddress, CanonicalEvent, CanonicalOrder } from '@/lib/webhooks/canonical-events';
import { fitText, splitFullName } from '../shared/fit-text';
import { decimalFromMoneyUnits } from '../shared/money';
import { TURKEY_UTC_OFFSET } from '../shared/turkey-time';
import { fitOptionalText, fittingEmail, ORDER_FIELD_WIDTH as WIDTH, splitAddressLines } from './order-text';
import type { TrendyolAddress, TrendyolLine, TrendyolPackage } from './schema';
import { isSameTrendyolStatus } from './status-map';

/**
 * [doc] `orderDate` is epoch ms "in GMT+3": Turkish wall-clock time written as if it were UTC, while
 * `lastModifiedDate` and the histories' `createdDate` are true UTC. Its UTC digits read with the
 * +03:00 offset give the real instant.
 */
function orderDateToIso(orderDate: number): string {
  return new Date(orderDate).toISOString().replace('Z', TURKEY_UTC_OFFSET);
}

function utcMsToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Trendyol's `city` is the province (il), which is OpenCart's zone for Turkey; its `district`
 * (ilçe) is what Turkish shops keep in OpenCart's city field.
 */
function toCanonicalAddress(address: TrendyolAddress): CanonicalAddress {
  const names =
    address.firstName?.trim() || address.lastName?.trim()
      ? { firstname: fitOptionalText(address.firstName, WIDTH.name), lastname: fitOptionalText(address.lastName, WIDTH.name) }
      : splitFullName(address.fullName ?? '');
  // The neighbourhood (mahalle) belongs in a Turkish delivery address but is not part of address1.
  const street = address.address1?.trim()
    ? {
        address1: fitOptionalText(address.address1, WIDTH.addressLine),
        address2: fitOptionalText(address.address2?.trim() || address.neighborhood, WIDTH.addressLine),
      }
    : splitAddressLines(address.fullAddress ?? '');
  return {
    ...names,
    company: fitOptionalText(address.company, WIDTH.company),
    ...street,
    city: fitOptionalText(address.district?.trim() || address.city, WIDTH.city),
    postcode: fitOptionalText(address.postalCode, WIDTH.postcode),
    countryCode: address.countryCode,
    zone: fitOptionalText(address.city, WIDTH.zone),
  };
}

/**
 * The SKU matched against OpenCart is the seller's own `stockCode` (merchantSku before 8 Dec 2025),
 * which [doc] is the stockCode the product was created with; the barcode stands in only on a line
 * that has none.
 */
function toCanonicalLine(line: TrendyolLine): CanonicalOrder['lines'][number] {
  return {
    externalLineId: line.lineId,
    sku: fitOptionalText(line.stockCode?.trim() || line.barcode, WIDTH.sku),
    name: fitText(line.productName, WIDTH.productName),
    quantity: line.quantity,
    unitPrice: line.lineUnitPrice,
    total: decimalFromMoneyUnits(parseMoney(line.lineUnitPrice) * BigInt(line.quantity)),
  };
}

/** The status change's own time: the package's last modification, else when its history reached the status. */
function statusTimestamp(pkg: TrendyolPackage): number | undefined {
  if (pkg.lastModifiedDate) return pkg.lastModifiedDate;
  const reached = (pkg.packageHistories ?? []).filter((entry) => isSameTrendyolStatus(entry.status, pkg.status.marketplaceStatus));
  return reached.length > 0 ? Math.max(...reached.map((entry) => entry.createdDate)) : undefined;
}

/**
 * Every push is the full package in its current status [doc], so each yields the order (keyed on the
 * package id: only the first push creates it) and the status it is in now (keyed on package, status
 * and modification time, the key Trendyol's redeliveries repeat).
 */
export function mapTrendyolPackage(pkg: TrendyolPackage): CanonicalEvent[] {
  const packageId = pkg.shipmentPackageId;
  const { status, marketplaceStatus } = pkg.status;
  const placedAt = orderDateToIso(pkg.orderDate);
  const shippingAddress = toCanonicalAddress(pkg.shipmentAddress);
  const statusTime = statusTimestamp(pkg);

  return [
    {
      type: 'order.created',
      externalId: `order:${packageId}`,
      occurredAt: placedAt,
      order: {
        externalOrderId: packageId,
        orderNumber: fitText(pkg.orderNumber, WIDTH.orderNumber),
        status,
        marketplaceStatus,
        currency: pkg.currencyCode,
        customer: {
          firstname: pkg.customerFirstName?.trim() ? fitOptionalText(pkg.customerFirstName, WIDTH.name) : shippingAddress.firstname,
          lastname: pkg.customerLastName?.trim() ? fitOptionalText(pkg.customerLastName, WIDTH.name) : shippingAddress.lastname,
          email: fittingEmail(pkg.customerEmail),
          telephone: fitOptionalText(pkg.shipmentAddress.phone, WIDTH.telephone),
        },
        shippingAddress,
        billingAddress: pkg.invoiceAddress ? toCanonicalAddress(pkg.invoiceAddress) : shippingAddress,
        lines: pkg.lines.map(toCanonicalLine),
        // A package has no buyer shipping fee field [doc]: its total is what its lines come to.
        shippingTotal: '0',
        total: pkg.packageTotalPrice,
        placedAt,
      },
    },
    {
      type: 'order.status_changed',
      externalId: `status:${packageId}:${marketplaceStatus}${statusTime === undefined ? '' : `:${statusTime}`}`,
      occurredAt: statusTime === undefined ? placedAt : utcMsToIso(statusTime),
      externalOrderId: packageId,
      status,
      marketplaceStatus,
    },
  ];
}
