import { z } from 'zod';
import { parseMoney } from '@/lib/shop/money';
import type { CanonicalAddress, CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { fitText, splitFullName } from '@/lib/marketplaces/shared/fit-text';
import { decimalFromMoneyUnits } from '@/lib/marketplaces/shared/money';
import { statusTableSchema } from '@/lib/marketplaces/shared/status-table';
import { fitOptionalText, fittingEmail, ORDER_FIELD_WIDTH as WIDTH, splitAddressLines } from '@/lib/marketplaces/trendyol/order-text';

/** `fulfillment.fulfillmentStatus` of Orders API v2026-01-01 [doc], as ORDER_CHANGE's statuses map. */
const AMAZON_FULFILLMENT_STATUSES = {
  PENDING_AVAILABILITY: 'created',
  PENDING: 'created',
  UNSHIPPED: 'processing',
  PARTIALLY_SHIPPED: 'processing',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  UNFULFILLABLE: 'cancelled',
} as const;

/** Amounts are decimal strings [doc]. */
const amountSchema = z.object({ amount: z.string().regex(/^-?\d{1,11}(\.\d{1,4})?$/), currencyCode: z.string().regex(/^[A-Z]{3}$/) });
const optionalText = z.string().nullish();

/** One order of `searchOrders` with BUYER, RECIPIENT, PROCEEDS and FULFILLMENT included [doc]. */
export const amazonOrderSchema = z.object({
  orderId: z.string().min(1).max(64),
  createdTime: z.iso.datetime({ offset: true }),
  lastUpdatedTime: z.iso.datetime({ offset: true }),
  buyer: z.object({ buyerName: optionalText, buyerEmail: optionalText }).nullish(),
  recipient: z.object({
    deliveryAddress: z.object({
      name: optionalText,
      companyName: optionalText,
      addressLine1: z.string(),
      addressLine2: optionalText,
      city: z.string(),
      districtOrCounty: optionalText,
      stateOrRegion: optionalText,
      postalCode: optionalText,
      countryCode: z.string().regex(/^[A-Z]{2}$/),
      phone: optionalText,
    }),
  }),
  fulfillment: z.object({
    fulfillmentStatus: statusTableSchema(AMAZON_FULFILLMENT_STATUSES, 'Amazon fulfillment'),
    fulfilledBy: z.enum(['MERCHANT', 'AMAZON']),
  }),
  orderItems: z
    .array(
      z.object({
        orderItemId: z.string().min(1).max(128),
        quantityOrdered: z.int().min(1),
        product: z.object({ sellerSku: z.string().min(1), title: optionalText, price: z.object({ unitPrice: amountSchema }) }),
      }),
    )
    .min(1)
    .max(500),
});
export type AmazonOrder = z.infer<typeof amazonOrderSchema>;

/** An order fulfilled by Amazon (FBA) takes Amazon's stock, not the shop's: it is not imported. */
export function isMerchantFulfilled(raw: unknown): boolean {
  const fulfillment = typeof raw === 'object' && raw !== null ? (raw as { fulfillment?: { fulfilledBy?: unknown } }).fulfillment : undefined;
  return fulfillment?.fulfilledBy !== 'AMAZON';
}

/**
 * A pending order carries no recipient yet [doc: no PII before payment]: it is left out until a
 * later pull sees it changed (its lastUpdatedTime moves with the status).
 */
export function hasRecipient(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && typeof (raw as { recipient?: unknown }).recipient === 'object' && (raw as { recipient?: unknown }).recipient !== null;
}

function mapAddress(address: AmazonOrder['recipient']['deliveryAddress']): CanonicalAddress {
  return {
    ...splitFullName(address.name ?? ''),
    company: fitOptionalText(address.companyName, WIDTH.company),
    ...splitAddressLines([address.addressLine1, address.addressLine2].filter(Boolean).join(' ')),
    city: fitOptionalText(address.districtOrCounty?.trim() || address.city, WIDTH.city),
    postcode: fitOptionalText(address.postalCode, WIDTH.postcode),
    countryCode: address.countryCode,
    zone: fitOptionalText(address.stateOrRegion || address.city, WIDTH.zone),
  };
}

/**
 * One Amazon order as an order and its current status. The status key is the order, the status
 * and Amazon's last update time; ORDER_CHANGE notifications carry their own keys, and a status
 * seen twice changes nothing (statuses only move forward).
 */
export function mapAmazonOrder(order: AmazonOrder): CanonicalEvent[] {
  const { status, marketplaceStatus } = order.fulfillment.fulfillmentStatus;
  const address = mapAddress(order.recipient.deliveryAddress);
  const lines = order.orderItems.map((item) => {
    const unit = parseMoney(item.product.price.unitPrice.amount);
    return {
      externalLineId: item.orderItemId,
      sku: fitText(item.product.sellerSku, WIDTH.sku),
      name: fitText(item.product.title?.trim() || item.product.sellerSku, WIDTH.productName),
      quantity: item.quantityOrdered,
      unitPrice: item.product.price.unitPrice.amount,
      total: decimalFromMoneyUnits(unit * BigInt(item.quantityOrdered)),
    };
  });
  const total = decimalFromMoneyUnits(lines.reduce((sum, line) => sum + parseMoney(line.total), 0n));
  const buyer = splitFullName(order.buyer?.buyerName ?? '');
  return [
    {
      type: 'order.created',
      externalId: `order:${order.orderId}`,
      occurredAt: order.createdTime,
      order: {
        externalOrderId: order.orderId,
        orderNumber: '',
        status,
        marketplaceStatus,
        currency: order.orderItems[0]!.product.price.unitPrice.currencyCode,
        customer: {
          firstname: buyer.firstname || address.firstname,
          lastname: buyer.lastname || address.lastname,
          email: fittingEmail(order.buyer?.buyerEmail),
          telephone: fitOptionalText(order.recipient.deliveryAddress.phone, WIDTH.telephone),
        },
        shippingAddress: address,
        billingAddress: address,
        lines,
        shippingTotal: '0',
        total,
        placedAt: order.createdTime,
      },
    },
    {
      type: 'order.status_changed',
      externalId: `status:${order.orderId}:${marketplaceStatus}:${order.lastUpdatedTime}`,
      occurredAt: order.lastUpdatedTime,
      externalOrderId: order.orderId,
      status,
      marketplaceStatus,
    },
  ];
}
