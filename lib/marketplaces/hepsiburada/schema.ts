import { z } from 'zod';
import { jsonIdSchema } from '../shared/json-id';
import { jsonMoneySchema } from '../shared/money';
import { boundedArray } from '../trendyol/bounded-array';
import { countryCodeSchema, currencyCodeSchema } from '../trendyol/iso-codes';
import { hepsiburadaTimestampSchema } from './timestamp';

/** The canonical order holds at most 500 lines; Hepsiburada sends one item per order line. */
export const HEPSIBURADA_MAX_ITEMS_PER_PUSH = 500;

const optionalText = z.string().nullish();

/** [doc] Money is always `{ currency, amount }`, never a bare number. */
export const hepsiburadaMoneySchema = z.object({ currency: currencyCodeSchema, amount: jsonMoneySchema });

/** [doc] The published example quotes this boolean as 'false' (not valid JSON); accept the text too. */
const looseBooleanSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

/** `POST {base}/orders`, one item per order line [doc]. `merchantSKU` is one transcription's casing [sdk]. */
export const hepsiburadaOrderLineSchema = z.object({
  id: jsonIdSchema,
  orderNumber: jsonIdSchema,
  orderDate: hepsiburadaTimestampSchema,
  sku: optionalText,
  merchantSku: optionalText,
  merchantSKU: optionalText,
  name: optionalText,
  quantity: z.int().min(1).max(100_000),
  unitPrice: hepsiburadaMoneySchema,
  totalPrice: hepsiburadaMoneySchema,
});
export const hepsiburadaCreateOrderSchema = z.object({
  items: boundedArray(hepsiburadaOrderLineSchema, { min: 1, max: HEPSIBURADA_MAX_ITEMS_PER_PUSH }),
});

/**
 * `POST {base}/packages` [doc page; item fields from an SDK transcription]. `price` is read as the unit
 * price and `totalPrice`, `productName` and `orderNumber` as optional [inferred]: the public example
 * cuts off inside the items.
 */
export const hepsiburadaPackageItemSchema = z.object({
  lineItemId: jsonIdSchema,
  hbSku: optionalText,
  merchantSku: optionalText,
  merchantSKU: optionalText,
  productName: optionalText,
  orderNumber: jsonIdSchema.nullish(),
  quantity: z.int().min(1).max(100_000),
  price: hepsiburadaMoneySchema,
  totalPrice: hepsiburadaMoneySchema.nullish(),
});
export type HepsiburadaPackageItem = z.infer<typeof hepsiburadaPackageItemSchema>;

export const hepsiburadaPackageSchema = z
  .object({
    packageNumber: jsonIdSchema,
    orderDate: hepsiburadaTimestampSchema,
    customerName: optionalText,
    recipientName: optionalText,
    email: optionalText,
    phoneNumber: optionalText,
    companyName: optionalText,
    taxNumber: optionalText,
    shippingAddressDetail: z.string(),
    shippingCity: z.string(),
    shippingTown: optionalText,
    shippingDistrict: optionalText,
    shippingCountryCode: countryCodeSchema.nullish().transform((code) => code ?? 'TR'),
    billingAddress: optionalText,
    billingCity: optionalText,
    billingTown: optionalText,
    billingDistrict: optionalText,
    billingPostalCode: optionalText,
    items: boundedArray(hepsiburadaPackageItemSchema, { min: 1, max: HEPSIBURADA_MAX_ITEMS_PER_PUSH }),
  })
  .superRefine((pkg, ctx) => {
    const currencies = new Set(pkg.items.flatMap((item) => [item.price.currency, item.totalPrice?.currency ?? item.price.currency]));
    if (currencies.size > 1) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'all amounts in one package must be in one currency' });
    }
    pkg.items.forEach((item, index) => {
      if (!item.merchantSku?.trim() && !item.merchantSKU?.trim() && !item.hbSku?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'merchantSku'], message: 'an item needs a merchantSku or an hbSku' });
      }
    });
  });
export type HepsiburadaPackage = z.infer<typeof hepsiburadaPackageSchema>;

/** `PUT {base}/lineitems/{lineitemid}/cancel` [doc]. */
export const hepsiburadaLineCancelSchema = z.object({
  id: jsonIdSchema.nullish(),
  orderNumber: jsonIdSchema,
  cancelDate: hepsiburadaTimestampSchema,
  quantity: z.int().min(1).max(100_000),
  cancelledBy: optionalText,
  cancelReasonCode: optionalText,
  isUnpackedLine: looseBooleanSchema.nullish(),
});

/** The package routes carry the package number in the path; the body may repeat it [doc]. */
const packageBody = { packageNumber: jsonIdSchema.nullish() };

export const hepsiburadaInTransitSchema = z.object({
  ...packageBody,
  shippedDate: hepsiburadaTimestampSchema,
  trackingInfoCode: optionalText,
  trackingInfoUrl: optionalText,
});
export const hepsiburadaDeliverSchema = z.object({ ...packageBody, receivedDate: hepsiburadaTimestampSchema, receivedBy: optionalText });
export const hepsiburadaUndeliverSchema = z.object({
  ...packageBody,
  undeliveredDate: hepsiburadaTimestampSchema,
  undeliveredReason: optionalText,
});
export const hepsiburadaUnpackSchema = z.object({
  ...packageBody,
  unpackedDate: hepsiburadaTimestampSchema,
  orderNumbers: boundedArray(jsonIdSchema, { min: 0, max: HEPSIBURADA_MAX_ITEMS_PER_PUSH }).nullish(),
});

/** `PUT {base}/orders/{ordersnumber}/shippingaddress` [doc]. */
export const hepsiburadaShippingAddressSchema = z.object({
  orderNumber: jsonIdSchema.nullish(),
  address: z.string(),
  name: optionalText,
  city: z.string(),
  town: optionalText,
  district: optionalText,
  countryCode: countryCodeSchema.nullish(),
  email: optionalText,
  phoneNumber: optionalText,
});
